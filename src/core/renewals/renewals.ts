// Every renewal that, missed, forces re-enrolling devices: tokens and the Android Enterprise
// Gmail recorded here (the push certificate in ../certificates), and the reminders that go out
// before each deadline — once per threshold, across restarts and replicas.
import type { Db, Prisma } from "../../db/client.js";
import type { RenewalKind } from "../../generated/prisma/client.js";
import type { Actor, Actors } from "../actors.js";
import { audit, type Tx } from "../audit.js";
import type { Clock } from "../clock.js";
import { DAY } from "../clock.js";
import { InvalidInputError, NotAllowedError, NotFoundError } from "../errors.js";
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

const LABELS: Record<RenewalKind, string> = {
  PUSH_CERTIFICATE: "MDM push certificate",
  ADE_TOKEN: "ADE server token",
  VPP_TOKEN: "VPP content token",
  ANDROID_ENTERPRISE_GMAIL: "Android Enterprise admin Gmail",
};

/** For the daily digest: renewals not marked done whose deadline is within `withinDays` (or past). */
export function renewalsDueSoon(db: Db | Tx, now: Date, withinDays = 60) {
  return db.renewal.findMany({
    where: { doneAt: null, expiresAt: { not: null, lte: new Date(now.getTime() + withinDays * DAY) } },
    orderBy: { expiresAt: "asc" },
    include: { account: true },
  });
}

export class Renewals {
  constructor(private readonly deps: RenewalsDeps) {}

  list() {
    return this.deps.db.renewal.findMany({ orderBy: [{ expiresAt: "asc" }, { createdAt: "asc" }], include: { account: true } });
  }

  /**
   * ADE or VPP token: its expiry as shown in Apple Business Manager, and the managed Apple ID.
   * Also a push certificate whose key is not here (made through the MDM vendor's panel), so its
   * deadline is still reminded; its topic is then unknown until a .pem is uploaded here.
   */
  async recordToken(actor: Actor, input: { kind: RenewalKind; expiresAt: Date; appleId?: string | null; source?: string }) {
    this.deps.actors.requireSystemAdmin(actor);
    if (input.kind === "ANDROID_ENTERPRISE_GMAIL") throw new InvalidInputError("The Android Enterprise Gmail is recorded by its last sign-in.");
    const appleId = input.appleId?.trim().toLowerCase() || null;
    const details = { source: input.source ?? "manual", ...(input.kind === "PUSH_CERTIFICATE" && appleId ? { appleId } : {}) };
    return this.upsert(actor, input.kind, { expiresAt: input.expiresAt }, appleId, details);
  }

  async recordTokenFile(actor: Actor, input: { kind: RenewalKind; filename: string; content: Buffer; appleId?: string | null }) {
    this.deps.actors.requireSystemAdmin(actor);
    const facts = readTokenFile(input.kind, input.filename, input.content);
    return this.recordToken(actor, { kind: input.kind, expiresAt: facts.expiresAt, appleId: input.appleId, source: "file" });
  }

  /** The Android Enterprise admin Gmail and its last confirmed sign-in. */
  async recordGmail(actor: Actor, input: { address: string; lastSignInAt: Date }) {
    this.deps.actors.requireSystemAdmin(actor);
    if (input.lastSignInAt.getTime() > this.deps.clock.now().getTime()) throw new InvalidInputError("The last sign-in cannot be in the future.");
    return this.upsert(actor, "ANDROID_ENTERPRISE_GMAIL", { lastSignInAt: input.lastSignInAt, expiresAt: this.gmailDeadline(input.lastSignInAt) }, input.address, {});
  }

  /** "I signed in today": the deadline moves a full policy period from now, recording who. */
  async confirmGmailSignIn(actor: Actor, renewalId: string) {
    this.deps.actors.requireAdmin(actor);
    const now = this.deps.clock.now();
    return this.deps.db.$transaction(async (tx) => {
      const renewal = await renewalOrThrow(tx, renewalId);
      if (renewal.kind !== "ANDROID_ENTERPRISE_GMAIL") throw new NotAllowedError("Only the Android Enterprise Gmail is renewed by signing in.");
      const updated = await tx.renewal.update({
        where: { id: renewalId },
        data: { lastSignInAt: now, expiresAt: this.gmailDeadline(now), renewedAt: now, renewedBy: actor.id, doneAt: null },
        include: { account: true },
      });
      await tx.renewalReminder.deleteMany({ where: { renewalId } });
      await audit(tx, { actor: actor.id, action: "renewal.gmail_signed_in", subject: `renewal:${renewalId}`, details: { expiresAt: updated.expiresAt?.toISOString() }, at: now });
      await this.deps.events.publish(tx, { type: "renewal.renewed", renewalId, actor: actor.id });
      return updated;
    });
  }

  /** Renewed outside the app: stop reminders until the deadline moves. */
  async markDone(actor: Actor, renewalId: string) {
    this.deps.actors.requireAdmin(actor);
    const now = this.deps.clock.now();
    return this.deps.db.$transaction(async (tx) => {
      const renewal = await renewalOrThrow(tx, renewalId);
      if (renewal.doneAt) return renewal;
      const updated = await tx.renewal.update({ where: { id: renewalId }, data: { doneAt: now, renewedAt: now, renewedBy: actor.id } });
      await audit(tx, { actor: actor.id, action: "renewal.done", subject: `renewal:${renewalId}`, details: { kind: renewal.kind }, at: now });
      return updated;
    });
  }

  /** The reminders job: posts each due threshold once (a RenewalReminder row and the post commit together). */
  async sendDueReminders(now: Date = this.deps.clock.now()): Promise<number> {
    const renewals = await this.deps.db.renewal.findMany({ where: { doneAt: null, expiresAt: { not: null } }, select: { id: true, expiresAt: true } });
    let posted = 0;
    for (const r of renewals) {
      const key = reminderKey(r.expiresAt!, now, this.deps.settings.reminderDays, this.deps.timeZone);
      if (!key) continue;
      posted += await this.deps.db.$transaction(async (tx) => {
        // skipDuplicates: another replica (or an earlier run) already claimed this threshold.
        const { count } = await tx.renewalReminder.createMany({ data: [{ renewalId: r.id, key, sentAt: now }], skipDuplicates: true });
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

  private async upsert(actor: Actor, kind: RenewalKind, dates: { expiresAt: Date; lastSignInAt?: Date }, address: string | null, details: Record<string, unknown>) {
    const now = this.deps.clock.now();
    return this.deps.db.$transaction(async (tx) => {
      const account = address ? await ensureAccount(tx, kind, address, now) : null;
      const current = await tx.renewal.findFirst({ where: { kind }, orderBy: { createdAt: "asc" } });
      const data = {
        label: LABELS[kind],
        ...dates,
        details: { ...((current?.details as object | null) ?? {}), ...details } as Prisma.InputJsonValue,
        accountId: account?.id ?? current?.accountId ?? null,
        doneAt: null,
      };
      const renewal = current
        ? await tx.renewal.update({ where: { id: current.id }, data, include: { account: true } })
        : await tx.renewal.create({ data: { kind, ...data, createdAt: now }, include: { account: true } });
      if (current && current.expiresAt?.getTime() !== dates.expiresAt.getTime()) {
        await tx.renewalReminder.deleteMany({ where: { renewalId: renewal.id } });
      }
      await audit(tx, { actor: actor.id, action: "renewal.record", subject: `renewal:${renewal.id}`, details: { kind, expiresAt: dates.expiresAt.toISOString(), ...details }, at: now });
      return renewal;
    });
  }
}

async function renewalOrThrow(tx: Tx, id: string) {
  const renewal = await tx.renewal.findUnique({ where: { id } });
  if (!renewal) throw new NotFoundError("renewal");
  return renewal;
}

/** The custody account a renewal signs in with, created on first mention. */
async function ensureAccount(tx: Tx, kind: RenewalKind, address: string, now: Date) {
  const role = ROLE_FOR_KIND[kind];
  const normalized = address.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(normalized)) throw new InvalidInputError(`"${address}" is not an email address.`, { field: "address" });
  return (
    (await tx.custodyAccount.findUnique({ where: { role_address: { role, address: normalized } } })) ??
    tx.custodyAccount.create({ data: { role, address: normalized, createdAt: now } })
  );
}
