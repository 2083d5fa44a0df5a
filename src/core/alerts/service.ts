// Alerts: intake from the MDM side (POST /api/alerts, drivers' own events), the immediate posts
// (grouped, so a flood becomes one message), resolving, and a device's open alerts.
import { cleanDeep, describeUnstorable, findUnstorable } from "../text/unstorable.js";
import type { Db, Prisma } from "../../db/client.js";
import type { Actor, Actors } from "../actors.js";
import { audit, type Tx } from "../audit.js";
import type { Clock } from "../clock.js";
import { ConflictError, InvalidInputError, NotFoundError } from "../errors.js";
import type { EventSink } from "../events.js";
import { findDevice, findDevicesByRefs } from "./devices.js";
import { alertInputSchema, dedupeKeyOf, issueReason, type AlertInput } from "./intake.js";
import { postsAtOnce, readAlertRouting } from "./routing.js";
import { currentPolicy, violatesPolicy } from "./app-usage.js";

export interface AlertsDeps {
  db: Db;
  clock: Clock;
  events: EventSink;
  actors: Actors;
  /** IMMEDIATE_ALERTS: whether a type nobody ticked or unticked in Slack is posted at once. */
  immediateByDefault?: boolean;
}

export interface IntakeResult {
  /** Stored now, or already stored before (a duplicate is accepted, not stored twice). */
  accepted: number;
  duplicates: number;
  rejected: { index: number; reason: string }[];
  /** Ids of the alerts stored by this call. */
  stored: string[];
}

/** Most alerts one call may carry; a larger batch is refused whole so the sender splits it. */
export const MAX_BATCH = 1000;
/** While this many alerts were posted within FLOOD_WINDOW_MS, further ones wait for the window. */
const FLOOD_THRESHOLD = 10;
const FLOOD_WINDOW_MS = 60_000;
/** Immediate alerts older than this when first seen unposted are left to the digest. */
const STALE_MS = 60 * 60_000;

export class AlertService {
  constructor(private readonly deps: AlertsDeps) {}

  /**
   * Validates and stores alerts; each bad item is rejected with its index and reason while the
   * good ones are kept. Usable inside another transaction (pass `tx`) by drivers and the core.
   */
  async raise(items: unknown[], opts: { source?: string; actor?: string; tx?: Tx } = {}): Promise<IntakeResult> {
    if (items.length > MAX_BATCH)
      throw new InvalidInputError(
        `at most ${MAX_BATCH} alerts per request; send the rest separately`,
        {},
        { reason: "alert.batch_too_large", params: { max: MAX_BATCH } },
      );
    const source = opts.source ?? "api";
    const now = this.deps.clock.now();
    const receivedDay = now.toISOString().slice(0, 10);
    const run = async (tx: Tx): Promise<IntakeResult> => {
      const rejected: IntakeResult["rejected"] = [];
      const rows: Prisma.AlertCreateManyInput[] = [];
      const valid: { index: number; input: AlertInput }[] = [];
      for (const [index, item] of items.entries()) {
        // PostgreSQL stores neither NUL nor a lone surrogate. In what identifies the alert (type,
        // device, time) one refuses this item alone; in the details, free text such as app names,
        // the character is dropped and the alert kept (decision 0150).
        const { details, ...identity } = (item && typeof item === "object" ? item : {}) as Record<string, unknown>;
        const bad = findUnstorable(identity);
        if (bad) {
          rejected.push({ index, reason: describeUnstorable(bad) });
          continue;
        }
        const parsed = alertInputSchema.safeParse(
          details === undefined ? item : { ...identity, details: cleanDeep(details) },
        );
        if (parsed.success) valid.push({ index, input: parsed.data });
        else rejected.push({ index, reason: issueReason(parsed.error) });
      }
      await applyPolicy(tx, valid, rejected);
      const devices = await findDevicesByRefs(
        tx,
        valid.map((v) => v.input.device),
      );
      const routing = valid.length ? await readAlertRouting(tx, this.deps.immediateByDefault ?? true) : null;
      for (const [i, { index, input }] of valid.entries()) {
        const device = devices[i];
        if (!device) {
          rejected.push({ index, reason: `device: no device with ${describeRef(input.device)}` });
          continue;
        }
        rows.push({
          type: input.type,
          deviceId: device.id,
          detectedAt: input.detectedAt ? new Date(input.detectedAt) : now,
          immediate: postsAtOnce(routing!, input.type, device.platform),
          details: (input.details ?? {}) as Prisma.InputJsonValue,
          dedupeKey: dedupeKeyOf(input, device.id, receivedDay, source),
          source,
          createdAt: now,
        });
      }
      rejected.sort((a, b) => a.index - b.index);
      // Two identical items in one batch are one alert too.
      const unique = [...new Map(rows.map((r) => [r.dedupeKey, r])).values()];
      const created = unique.length
        ? await tx.alert.createManyAndReturn({ data: unique, skipDuplicates: true, select: { id: true } })
        : [];
      if (created.length || rejected.length) {
        await audit(tx, {
          actor: opts.actor ?? source,
          action: "alerts.intake",
          details: { stored: created.length, duplicates: rows.length - created.length, rejected: rejected.length },
          at: now,
        });
      }
      return {
        accepted: rows.length,
        duplicates: rows.length - created.length,
        rejected,
        stored: created.map((c) => c.id),
      };
    };
    return opts.tx ? run(opts.tx) : this.deps.db.$transaction(run, { timeout: 30_000, maxWait: 10_000 });
  }

  /**
   * Posts the immediate alerts not posted yet, as one batch: whatever arrived since the last run
   * becomes one notification. During a flood it waits for the window to pass, so the channel
   * gets at most one message a minute however many alerts arrive.
   */
  async postPending(now: Date = this.deps.clock.now()): Promise<number> {
    return this.deps.db.$transaction(async (tx) => {
      const windowStart = new Date(now.getTime() - FLOOD_WINDOW_MS);
      const staleBefore = new Date(now.getTime() - STALE_MS);
      const recent = await tx.alert.aggregate({
        // Only alerts created within the hour are ever posted: the createdAt bound lets the
        // index answer instead of a scan of every alert, every five seconds.
        where: {
          immediate: true,
          createdAt: { gte: new Date(staleBefore.getTime() - FLOOD_WINDOW_MS) },
          postedAt: { gt: windowStart, lte: now },
        },
        _count: { _all: true },
      });
      if (recent._count._all >= FLOOD_THRESHOLD) return 0;
      const claimed = await tx.$queryRaw<{ id: string }[]>`
        UPDATE "Alert" SET "postedAt" = ${now}
        WHERE id IN (
          SELECT id FROM "Alert"
          WHERE immediate AND "postedAt" IS NULL AND "resolvedAt" IS NULL AND "createdAt" >= ${staleBefore}
          ORDER BY "createdAt", id LIMIT 5000
          FOR UPDATE SKIP LOCKED)
        RETURNING id`;
      if (!claimed.length) return 0;
      await this.deps.events.publish(tx, { type: "alerts.immediate", alertIds: claimed.map((c) => c.id) });
      return claimed.length;
    });
  }

  async resolve(actor: Actor, alertId: string): Promise<void> {
    const { db, clock, actors, events } = this.deps;
    const alert = await db.alert.findUnique({
      where: { id: alertId },
      select: { id: true, deviceId: true, type: true },
    });
    if (!alert) throw new NotFoundError("this alert", { what: "alert" }, { reason: "not_found.alert" });
    await actors.requireDeviceAdmin(actor, alert.deviceId);
    const now = clock.now();
    await db.$transaction(async (tx) => {
      const done = await tx.alert.updateMany({
        where: { id: alertId, resolvedAt: null },
        data: { resolvedAt: now, resolvedBy: actor.id },
      });
      if (!done.count) throw new ConflictError("this alert is already resolved", {}, { reason: "alert_resolved" });
      await audit(tx, {
        actor: actor.id,
        action: "alert.resolve",
        subject: `alert:${alertId}`,
        details: { type: alert.type, deviceId: alert.deviceId },
        at: now,
      });
      await events.publish(tx, { type: "alert.resolved", alertId });
    });
  }

  /** A device's open alerts, newest first, for an administrator of that device. */
  async openForDevice(actor: Actor, query: string) {
    this.deps.actors.requireAdmin(actor);
    const device = await findDevice(this.deps.db, query);
    await this.deps.actors.requireDeviceAdmin(actor, device.id);
    const alerts = await this.deps.db.alert.findMany({
      where: { deviceId: device.id, resolvedAt: null },
      orderBy: [{ detectedAt: "desc" }, { id: "desc" }],
      take: 50,
    });
    const total = await this.deps.db.alert.count({ where: { deviceId: device.id, resolvedAt: null } });
    const more = await this.deps.db.device.findUniqueOrThrow({
      where: { id: device.id },
      select: { lastCheckInAt: true, owner: { select: { name: true, email: true } } },
    });
    return {
      device,
      alerts,
      total,
      lastResponseAt: more.lastCheckInAt,
      owner: more.owner ? (more.owner.name ?? more.owner.email) : null,
    };
  }
}

/**
 * An `app_policy_violation` sent in names apps; those the policy allows are not violations
 * (the vendor's guide to alert e-mails 「重要なアラートメール設定」: the policy is what detects them). With none left the item is refused with the
 * reason; otherwise only the violating apps are kept (all that was sent stays in reportedApps).
 */
async function applyPolicy(tx: Tx, valid: { index: number; input: AlertInput }[], rejected: IntakeResult["rejected"]) {
  const reported = valid.filter((v) => v.input.type === "app_policy_violation" && v.input.details?.apps?.length);
  if (!reported.length) return;
  const policy = await currentPolicy(tx);
  if (!policy) return;
  for (const v of reported) {
    const apps = v.input.details!.apps!;
    const violating = apps.filter((a) => violatesPolicy(policy, /\(([^()\s]+)\)\s*$/.exec(a)?.[1] ?? a.trim()));
    if (violating.length === apps.length) continue;
    if (!violating.length) {
      rejected.push({
        index: v.index,
        reason: `not a violation: the app usage policy (${policy.mode === "ALLOW" ? "allow list" : "deny list"}) allows ${apps.join(", ")}`,
      });
      valid.splice(valid.indexOf(v), 1);
      continue;
    }
    v.input = { ...v.input, details: { ...v.input.details, apps: violating, reportedApps: apps } };
  }
}

function describeRef(ref: { udid?: string; imei?: string; serial?: string; id?: string }): string {
  return Object.entries(ref)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
    .join(" / ");
}
