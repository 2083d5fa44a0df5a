// Every renewal that, missed, forces re-enrolling devices: tokens and the Android Enterprise
// Gmail recorded here (the push certificate in ../certificates), and the reminders that go out
// before each deadline — once per threshold of each deadline, every year, across restarts and
// replicas. Nothing stops reminders but a later deadline: evidence (a certificate, a token file,
// a sign-in) or a renewal marked by hand with its new date.
import type { Db, Prisma } from "../../db/client.js";
import type { RenewalKind } from "../../generated/prisma/client.js";
import type { Actor, Actors } from "../actors.js";
import { audit, type Tx } from "../audit.js";
import type { Clock } from "../clock.js";
import { DAY } from "../clock.js";
import { InvalidInputError, NotAllowedError, NotFoundError } from "../errors.js";
import { notAnEmail } from "../refusals.js";
import type { EventSink } from "../events.js";
import { ROLE_FOR_KIND } from "./kinds.js";
import type { RenewalSettings } from "./settings.js";
import { addMonths, reminderKey } from "./thresholds.js";
import { readTokenFile } from "./token-files.js";

export interface RenewalsDeps {
  db: Db;
  clock: Clock;
  events: EventSink;
  actors: Actors;
  settings: RenewalSettings;
  timeZone: string;
}

export const RENEWAL_LABELS: Record<RenewalKind, string> = {
  PUSH_CERTIFICATE: "MDM push certificate",
  ADE_TOKEN: "ADE server token",
  VPP_TOKEN: "VPP content token",
  ANDROID_ENTERPRISE_GMAIL: "Android Enterprise admin Gmail",
};

/** Apple's certificate and tokens last a year: a deadline further out than this is a typo. */
const MAX_AHEAD_DAYS = 400;

/**
 * For the daily digest and App Home: every renewal with a deadline, nearest first. There is no
 * "done" state that hides one — a renewal moves its deadline, so the next one always shows.
 */
export function upcomingRenewals(db: Db | Tx) {
  return db.renewal.findMany({
    where: { expiresAt: { not: null } },
    orderBy: { expiresAt: "asc" },
    include: { account: true },
  });
}

/** For the daily digest: renewals whose deadline is within `withinDays` (or past). */
export function renewalsDueSoon(db: Db | Tx, now: Date, withinDays = 60) {
  return db.renewal.findMany({
    where: { expiresAt: { not: null, lte: new Date(now.getTime() + withinDays * DAY) } },
    orderBy: { expiresAt: "asc" },
    include: { account: true },
  });
}

export class Renewals {
  constructor(private readonly deps: RenewalsDeps) {}

  list() {
    return this.deps.db.renewal.findMany({
      orderBy: [{ expiresAt: "asc" }, { createdAt: "asc" }],
      include: { account: true },
    });
  }

  get(renewalId: string) {
    return renewalOrThrow(this.deps.db, renewalId);
  }

  /**
   * ADE or VPP token: its expiry as shown in Apple Business Manager, and the managed Apple ID.
   * Also a push certificate whose key is not here (made through the MDM vendor's panel), so its
   * deadline is still reminded; its topic is then unknown until a .pem is uploaded here.
   */
  async recordToken(
    actor: Actor,
    input: { kind: RenewalKind; expiresAt: Date; appleId?: string | null; source?: string },
  ) {
    this.deps.actors.requireSystemAdmin(actor);
    if (input.kind === "ANDROID_ENTERPRISE_GMAIL")
      throw new InvalidInputError(
        "The Android Enterprise Gmail is recorded by its last sign-in.",
        {},
        { reason: "renewal.gmail_by_sign_in" },
      );
    this.checkAhead(input.expiresAt);
    const appleId = input.appleId?.trim().toLowerCase() || null;
    const details = {
      source: input.source ?? "manual",
      ...(input.kind === "PUSH_CERTIFICATE" && appleId ? { appleId } : {}),
    };
    return this.upsert(actor, input.kind, { expiresAt: input.expiresAt }, appleId, details);
  }

  async recordTokenFile(
    actor: Actor,
    input: { kind: RenewalKind; filename: string; content: Buffer; appleId?: string | null },
  ) {
    this.deps.actors.requireSystemAdmin(actor);
    const facts = readTokenFile(input.kind, input.filename, input.content);
    return this.recordToken(actor, {
      kind: input.kind,
      expiresAt: facts.expiresAt,
      appleId: input.appleId,
      source: "file",
    });
  }

  /** The Android Enterprise admin Gmail and its last confirmed sign-in. */
  async recordGmail(actor: Actor, input: { address: string; lastSignInAt: Date }) {
    this.deps.actors.requireSystemAdmin(actor);
    if (input.lastSignInAt.getTime() > this.deps.clock.now().getTime())
      throw new InvalidInputError("The last sign-in cannot be in the future.", {
        reasonKey: "renewal.mark.date_future",
      });
    return this.upsert(
      actor,
      "ANDROID_ENTERPRISE_GMAIL",
      { lastSignInAt: input.lastSignInAt, expiresAt: this.gmailDeadline(input.lastSignInAt) },
      input.address,
      {},
    );
  }

  /** "I signed in today": the deadline moves a full policy period from now, recording who. */
  async confirmGmailSignIn(actor: Actor, renewalId: string) {
    this.deps.actors.requireAdmin(actor);
    const now = this.deps.clock.now();
    return this.deps.db.$transaction(async (tx) => {
      const renewal = await renewalOrThrow(tx, renewalId);
      if (renewal.kind !== "ANDROID_ENTERPRISE_GMAIL")
        throw new NotAllowedError(
          "Only the Android Enterprise Gmail is renewed by signing in.",
          {},
          { reason: "renewal.sign_in_gmail_only" },
        );
      const updated = await tx.renewal.update({
        where: { id: renewalId },
        data: { lastSignInAt: now, expiresAt: this.gmailDeadline(now), renewedAt: now, renewedBy: actor.id },
        include: { account: true },
      });
      await audit(tx, {
        actor: actor.id,
        action: "renewal.gmail_signed_in",
        subject: `renewal:${renewalId}`,
        details: { expiresAt: updated.expiresAt?.toISOString(), previous: renewal.expiresAt?.toISOString() ?? null },
        at: now,
      });
      await this.deps.events.publish(tx, {
        type: "renewal.renewed",
        renewalId,
        actor: actor.id,
        how: "signed_in",
        previous: renewal.expiresAt?.toISOString() ?? null,
      });
      return updated;
    });
  }

  /**
   * Renewed outside the app, marked by hand: only with the new deadline (for the Gmail, the day
   * it signed in), which must be later than the current one — a click can never hide a deadline
   * that has not moved. The reminders of the new deadline go out as for any other.
   */
  async markRenewed(actor: Actor, renewalId: string, input: { newDeadline?: Date; signedInAt?: Date }) {
    this.deps.actors.requireAdmin(actor);
    const now = this.deps.clock.now();
    return this.deps.db.$transaction(async (tx) => {
      const renewal = await renewalOrThrow(tx, renewalId);
      const gmail = renewal.kind === "ANDROID_ENTERPRISE_GMAIL";
      let deadline: Date;
      if (gmail) {
        if (!input.signedInAt)
          throw new InvalidInputError("Enter the day the Gmail account signed in.", {
            reason: "date_required",
            reasonKey: "renewal.mark.date_required",
            field: "date",
          });
        if (input.signedInAt.getTime() > now.getTime())
          throw new InvalidInputError("The sign-in cannot be in the future.", {
            reason: "date_future",
            reasonKey: "renewal.mark.date_future",
            field: "date",
          });
        deadline = this.gmailDeadline(input.signedInAt);
      } else {
        if (!input.newDeadline)
          throw new InvalidInputError("Enter the new expiry date shown by Apple.", {
            reason: "date_required",
            reasonKey: "renewal.mark.date_required",
            field: "date",
          });
        deadline = input.newDeadline;
        this.checkAhead(deadline);
      }
      if (deadline.getTime() <= now.getTime())
        throw new InvalidInputError("The new deadline has already passed: the renewal is not done yet.", {
          reason: "date_past",
          reasonKey: "renewal.mark.date_past",
          field: "date",
        });
      if (renewal.expiresAt && deadline.getTime() <= renewal.expiresAt.getTime()) {
        throw new InvalidInputError(
          "The new deadline is not later than the current one: the renewal is not done yet, so its reminders continue.",
          { reason: "not_moved", reasonKey: "renewal.mark.not_moved", field: "date" },
        );
      }
      const updated = await tx.renewal.update({
        where: { id: renewalId },
        data: {
          expiresAt: deadline,
          renewedAt: now,
          renewedBy: actor.id,
          ...(gmail ? { lastSignInAt: input.signedInAt } : {}),
        },
        include: { account: true },
      });
      const previous = renewal.expiresAt?.toISOString() ?? null;
      await audit(tx, {
        actor: actor.id,
        action: "renewal.marked_renewed",
        subject: `renewal:${renewalId}`,
        details: { kind: renewal.kind, previous, expiresAt: deadline.toISOString() },
        at: now,
      });
      await this.deps.events.publish(tx, {
        type: "renewal.renewed",
        renewalId,
        actor: actor.id,
        how: "marked",
        previous,
      });
      return updated;
    });
  }

  /**
   * The reminders job: posts each due threshold of each deadline once. The key names the
   * deadline, so next year's thresholds are new keys while a repeated run, a restart or another
   * replica finds its row already there (the row and the post commit together).
   */
  async sendDueReminders(now: Date = this.deps.clock.now()): Promise<number> {
    const renewals = await this.deps.db.renewal.findMany({
      where: { expiresAt: { not: null } },
      select: { id: true, expiresAt: true },
    });
    let posted = 0;
    for (const r of renewals) {
      const threshold = reminderKey(r.expiresAt!, now, this.deps.settings.reminderDays, this.deps.timeZone);
      if (!threshold) continue;
      const key = deadlineKey(r.expiresAt!, threshold);
      posted += await this.deps.db.$transaction(async (tx) => {
        // The deadline moved since it was read (renewed a moment ago): nothing to remind.
        const still = await tx.renewal.count({ where: { id: r.id, expiresAt: r.expiresAt } });
        if (!still) return 0;
        // skipDuplicates: another replica (or an earlier run) already claimed this threshold.
        const { count } = await tx.renewalReminder.createMany({
          data: [{ renewalId: r.id, key, sentAt: now }],
          skipDuplicates: true,
        });
        if (count === 0) return 0;
        await this.deps.events.publish(tx, { type: "renewal.reminder", renewalId: r.id, key });
        return 1;
      });
    }
    return posted;
  }

  private gmailDeadline(lastSignIn: Date): Date {
    return addMonths(lastSignIn, this.deps.settings.gmailSignInMonths);
  }

  private checkAhead(deadline: Date) {
    if (deadline.getTime() > this.deps.clock.now().getTime() + MAX_AHEAD_DAYS * DAY) {
      throw new InvalidInputError(
        `That deadline is more than ${MAX_AHEAD_DAYS} days away; Apple's certificate and tokens last one year. Check the date.`,
        { reason: "too_far", reasonKey: "renewal.mark.too_far", field: "date" },
      );
    }
  }

  private async upsert(
    actor: Actor,
    kind: RenewalKind,
    dates: { expiresAt: Date; lastSignInAt?: Date },
    address: string | null,
    details: Record<string, unknown>,
  ) {
    const now = this.deps.clock.now();
    return this.deps.db.$transaction(async (tx) => {
      const account = address ? await ensureAccount(tx, kind, address, now) : null;
      const current = await tx.renewal.findFirst({ where: { kind }, orderBy: { createdAt: "asc" } });
      const later = Boolean(current?.expiresAt && dates.expiresAt.getTime() > current.expiresAt.getTime());
      const data = {
        label: RENEWAL_LABELS[kind],
        ...dates,
        details: { ...((current?.details as object | null) ?? {}), ...details } as Prisma.InputJsonValue,
        accountId: account?.id ?? current?.accountId ?? null,
        ...(later ? { renewedAt: now, renewedBy: actor.id } : {}),
      };
      const renewal = current
        ? await tx.renewal.update({ where: { id: current.id }, data, include: { account: true } })
        : await tx.renewal.create({ data: { kind, ...data, createdAt: now }, include: { account: true } });
      const previous = current?.expiresAt?.toISOString() ?? null;
      await audit(tx, {
        actor: actor.id,
        action: "renewal.record",
        subject: `renewal:${renewal.id}`,
        details: { kind, expiresAt: dates.expiresAt.toISOString(), previous, ...details },
        at: now,
      });
      // A later deadline from a token file or Apple's date is next year's: say so in the channel.
      if (later)
        await this.deps.events.publish(tx, {
          type: "renewal.renewed",
          renewalId: renewal.id,
          actor: actor.id,
          how: "renewed",
          previous,
        });
      return renewal;
    });
  }
}

/** "2027-11-30T15:00:00.000Z/30d": one threshold of one deadline. */
export function deadlineKey(deadline: Date, threshold: string): string {
  return `${deadline.toISOString()}/${threshold}`;
}

async function renewalOrThrow(tx: Db | Tx, id: string) {
  const renewal = await tx.renewal.findUnique({ where: { id } });
  if (!renewal) throw new NotFoundError("renewal", {}, { reason: "not_found.renewal" });
  return renewal;
}

/** The custody account a renewal signs in with, created on first mention. */
async function ensureAccount(tx: Tx, kind: RenewalKind, address: string, now: Date) {
  const role = ROLE_FOR_KIND[kind];
  const normalized = address.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(normalized)) throw notAnEmail(address, "address");
  return (
    (await tx.custodyAccount.findUnique({ where: { role_address: { role, address: normalized } } })) ??
    tx.custodyAccount.create({ data: { role, address: normalized, createdAt: now } })
  );
}
