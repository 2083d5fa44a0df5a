// The daily digest: once a day (DIGEST_CRON in DIGEST_TZ, 10:00 Japan time by default, the alert e-mail guide)
// one summary for the system admins, and where enabled one per owner and per department admin.
// "Once" holds across restarts and replicas: the day's row in JobState is claimed inside the same
// transaction that writes the messages, and the outbox drops a second message for the same day.
// The personal DMs are queued compact and built at delivery (personal.ts).
import type { Db, Prisma } from "../../db/client.js";
import { Platform } from "../../generated/prisma/enums.js";
import type { Actor, Actors } from "../actors.js";
import { audit, type Tx } from "../audit.js";
import { DAY, type Clock } from "../clock.js";
import { InvalidInputError } from "../errors.js";
import type { EventSink } from "../events.js";
import { buildDigest, type Digest } from "./build.js";
import { noResponseDevices } from "./no-response.js";
import { type PersonalDigestRef, personalSummary, queuePersonalDigests } from "./personal.js";
import { readDigestSettings, writeDigestSettings, type DigestSettings } from "./settings.js";

export interface DigestDeps {
  db: Db;
  clock: Clock;
  events: EventSink;
  actors: Actors;
}

const LAST_KEY = "digest:last";
/** Building a large fleet's digest outlasts Prisma's 5-second default for a transaction. */
const LONG_TX = { timeout: 120_000, maxWait: 30_000 };
const sentKey = (day: string) => `digest:sent:${day}`;

/** The calendar day of `at` in `timeZone`, as yyyy-mm-dd: what "once a day" counts. */
export function dayIn(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

export class DigestService {
  constructor(private readonly deps: DigestDeps) {}

  settings(): Promise<DigestSettings> {
    return readDigestSettings(this.deps.db);
  }

  async updateSettings(
    actor: Actor,
    change: Partial<Pick<DigestSettings, "ownerSummaries" | "departmentAdminSummaries">> & {
      noResponseHours?: Partial<Record<Platform, number>>;
    },
  ): Promise<DigestSettings> {
    this.deps.actors.requireSystemAdmin(actor);
    for (const [platform, h] of Object.entries(change.noResponseHours ?? {})) {
      if (!(platform in Platform))
        throw new InvalidInputError(`unknown platform ${platform}`, {}, { reason: "digest.unknown_platform" });
      if (!Number.isInteger(h) || h < 0 || h > 24 * 90)
        throw new InvalidInputError(
          "hours must be a whole number from 0 (off) to 2160",
          {},
          { reason: "digest.hours", params: { max: 24 * 90 } },
        );
    }
    return this.deps.db.$transaction(async (tx) => {
      await writeDigestSettings(tx, change);
      const next = await readDigestSettings(tx);
      await audit(tx, {
        actor: actor.id,
        action: "digest.settings",
        subject: "digest",
        details: change as Record<string, unknown>,
        at: this.deps.clock.now(),
      });
      return next;
    });
  }

  /** Devices the no-response rule detects at `at` (what the next digest will list). */
  async noResponse(at: Date = this.deps.clock.now()) {
    return noResponseDevices(this.deps.db, at, await this.settings());
  }

  /** The digest as it would read at `at`, without sending it. */
  async preview(at: Date = this.deps.clock.now()): Promise<Digest> {
    return this.deps.db.$transaction(
      async (tx) => buildDigest(tx, at, await this.since(tx, at), await readDigestSettings(tx)),
      LONG_TX,
    );
  }

  /** The scheduled digest for `day` (yyyy-mm-dd); false when that day's digest already went out. */
  async sendScheduled(day: string, now: Date = this.deps.clock.now()): Promise<boolean> {
    return this.deps.db.$transaction(async (tx) => {
      const claimed = await tx.$queryRaw<{ key: string }[]>`
        INSERT INTO "JobState" (key, value, "updatedAt") VALUES (${sentKey(day)}, ${JSON.stringify({ at: now.toISOString() })}::jsonb, ${now})
        ON CONFLICT (key) DO NOTHING RETURNING key`;
      if (!claimed.length) return false;
      const settings = await readDigestSettings(tx);
      const digest = await buildDigest(tx, now, await this.since(tx, now), settings);
      const value = { at: now.toISOString(), day } as Prisma.InputJsonValue;
      await tx.jobState.upsert({ where: { key: LAST_KEY }, create: { key: LAST_KEY, value }, update: { value } });
      await audit(tx, {
        actor: "system",
        action: "digest.send",
        subject: `digest:${day}`,
        details: summaryOf(digest),
        at: now,
      });
      const key = `digest:${day}`;
      await this.deps.events.publish(tx, { type: "digest.ready", key, digest });
      // One compact row per person, in one statement per kind: each DM is built when the bulk
      // lane delivers it (personalSummary), from this window's committed alerts.
      await queuePersonalDigests(
        tx,
        { key, since: digest.since, at: digest.at, noResponse: digest.noResponse },
        settings,
      );
      return true;
    }, LONG_TX);
  }

  /**
   * A queued digest DM's content, read when it is delivered: null when its person left, was
   * unlinked from Slack or no longer administers a department, or nothing is left to say.
   */
  async personalSummary(ref: PersonalDigestRef) {
    const { db } = this.deps;
    return personalSummary(db, ref, await readDigestSettings(db));
  }

  /**
   * Makes up for a digest missed while every replica was down: `lastFire` is when the schedule
   * last fired; its day's digest is sent now unless it already went out.
   */
  async catchUp(lastFire: Date | null, timeZone: string, now: Date = this.deps.clock.now()): Promise<boolean> {
    if (!lastFire || lastFire > now || now.getTime() - lastFire.getTime() > DAY) return false;
    return this.sendScheduled(dayIn(lastFire, timeZone), now);
  }

  /**
   * /mdm digest: the admin channel gets the digest now. It does not replace the scheduled one
   * (the day's digest still comes, counting from the last scheduled digest), and owners are not
   * messaged twice.
   */
  async sendNow(actor: Actor): Promise<Digest> {
    this.deps.actors.requireSystemAdmin(actor);
    const now = this.deps.clock.now();
    return this.deps.db.$transaction(async (tx) => {
      const digest = await buildDigest(tx, now, await this.since(tx, now), await readDigestSettings(tx));
      await audit(tx, {
        actor: actor.id,
        action: "digest.send_now",
        subject: "digest",
        details: summaryOf(digest),
        at: now,
      });
      await this.deps.events.publish(tx, { type: "digest.ready", key: `digest:manual:${now.getTime()}`, digest });
      return digest;
    }, LONG_TX);
  }

  /** Counting starts where the last scheduled digest stopped; the first digest covers a day. */
  private async since(tx: Tx, at: Date): Promise<Date> {
    const last = await tx.jobState.findUnique({ where: { key: LAST_KEY } });
    const lastAt = (last?.value as { at?: string } | null)?.at;
    const since = lastAt ? new Date(lastAt) : new Date(at.getTime() - DAY);
    return since < at ? since : new Date(at.getTime() - DAY);
  }
}

function summaryOf(d: Digest) {
  return {
    alerts: d.alertsTotal,
    noResponse: d.noResponse.length,
    openReports: d.openReports.length,
    awaitingApproval: d.awaitingApproval.length,
    pendingCommands: d.pendingCommands.length,
    renewals: d.renewals.length,
  };
}
