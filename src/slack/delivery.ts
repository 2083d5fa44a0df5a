// Delivers the outbox to Slack: claims due rows (SKIP LOCKED, so replicas share the work and
// never take the same row), resolves placeholders, calls the Web API, records the result.
// 429 waits exactly Retry-After; transient failures back off; permanent ones stop and say why.
import { randomUUID } from "node:crypto";
import { ErrorCode, type WebClient } from "@slack/web-api";

type CallResult = { ok?: boolean; channel?: string; ts?: string };
import type { Db, Prisma } from "../db/client.js";
import type { Clock } from "../core/clock.js";
import { ADMIN_CHANNEL, LANES } from "../core/outbox.js";
import { log } from "../log.js";
import { BulkPacer } from "./pacing.js";

const PERMANENT = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "invalid_blocks",
  "invalid_blocks_format",
  "msg_too_long",
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "no_text",
  "invalid_arguments",
  "user_not_found",
  "cant_update_message",
  "message_not_found",
  "missing_scope",
]);
const MAX_ATTEMPTS = 15;
const LEASE_MS = 60_000;

interface Row {
  id: bigint;
  method: string;
  payload: Record<string, unknown>;
  correlation: string | null;
  attempts: number;
  lane: number;
}

export interface DeliveryOptions {
  db: Db;
  client: WebClient;
  clock: Clock;
  adminChannel: () => string | undefined;
  worker?: string;
  /** Slack named the member behind an e-mail (a DM or a link sent by address): remember it. */
  onSlackUser?: (slackUserId: string, email: string) => Promise<unknown>;
  /** How long a claimed row stays this worker's; after it a crashed worker's rows are retried. */
  leaseMs?: number;
  /** Bulk-lane messages (digest DMs, directory look-ups) per minute (src/slack/pacing.ts). */
  bulkPerMinute?: number;
}

export class OutboxDelivery {
  private readonly worker: string;
  private readonly leaseMs: number;
  private running: Promise<number> | null = null;
  private again = false;
  private readonly pacer: BulkPacer;
  /** Ends a wait for the bulk lane early: something else may have been queued. */
  private wake: (() => void) | null = null;
  private stopping = false;
  constructor(private readonly o: DeliveryOptions) {
    this.worker = o.worker ?? randomUUID();
    this.leaseMs = o.leaseMs ?? LEASE_MS;
    this.pacer = new BulkPacer(o.bulkPerMinute, () => o.clock.now().getTime());
  }

  /** Shutting down: a drain no longer waits for the bulk lane's pace (the rest stays queued). */
  stop(): void {
    this.stopping = true;
    this.wake?.();
  }

  /** Delivers what is due now; returns how many rows it handled. Safe to call concurrently. */
  drain(batch = 50): Promise<number> {
    // One drain at a time per process: callers that arrive meanwhile share its result, and the
    // drain looks once more before it ends, since what they came for may have been committed
    // after its last look.
    if (this.running) {
      this.again = true;
      this.wake?.();
      return this.running;
    }
    this.running = (async () => {
      let total = 0;
      do {
        this.again = false;
        total += await this.drainLoop(batch);
      } while (this.again);
      return total;
    })().finally(() => (this.running = null));
    return this.running;
  }

  /**
   * The normal lane first, always: a bulk row is only claimed when no normal row is due, and
   * only as many as the bulk lane's pace lets go now, so an incident queued behind 20,000
   * digest DMs waits for one delivery at most. While the bulk lane must wait, the drain waits
   * with it (woken early by anything newly queued), so a backlog drains within Slack's limits.
   */
  private async drainLoop(batch: number): Promise<number> {
    let total = 0;
    for (;;) {
      const normal = await this.claim(LANES.normal, batch);
      if (normal.length) {
        total += await this.deliverAll(normal);
        continue;
      }
      const room = this.pacer.available();
      if (room >= 1) {
        const bulk = await this.claim(LANES.bulk, Math.min(batch, room));
        if (!bulk.length) return total;
        total += await this.deliverAll(bulk);
        continue;
      }
      // Paused by a 429: the poll comes back after Retry-After. Shutting down: the rest stays queued.
      if (this.stopping || this.pacer.paused() || !(await this.bulkDue())) return total;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.pacer.waitMs());
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  private async deliverAll(rows: Row[]): Promise<number> {
    const claimedAt = this.o.clock.now().getTime();
    for (const [i, row] of rows.entries()) {
      // A 429 paused the bulk lane: the rest of the batch waits out the same Retry-After.
      if (row.lane === LANES.bulk && !this.pacer.take()) {
        await this.release(
          rows.slice(i).map((r) => r.id),
          this.pacer.paused() ? new Date(this.pacer.resumesAt) : null,
        );
        return i;
      }
      // A slow batch must not outlive its lease: another replica would then take the same row
      // and post it twice. Late rows renew their lease first, and are skipped if it was lost.
      if (this.o.clock.now().getTime() - claimedAt > this.leaseMs / 2 && !(await this.renew(row.id))) continue;
      await this.deliver(row);
    }
    return rows.length;
  }

  private async release(ids: bigint[], notBefore: Date | null): Promise<void> {
    await this.o.db.outboxMessage.updateMany({
      where: { id: { in: ids }, lockedBy: this.worker, state: "PENDING" },
      data: { lockedUntil: null, ...(notBefore ? { nextAttemptAt: notBefore } : {}) },
    });
  }

  private async bulkDue(): Promise<boolean> {
    const now = this.o.clock.now();
    const row = await this.o.db.outboxMessage.findFirst({
      where: {
        state: "PENDING",
        lane: LANES.bulk,
        OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }],
        AND: [{ OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] }],
      },
      select: { id: true },
    });
    return row !== null;
  }

  private async renew(id: bigint): Promise<boolean> {
    const { count } = await this.o.db.outboxMessage.updateMany({
      where: { id, lockedBy: this.worker, state: "PENDING" },
      data: { lockedUntil: new Date(this.o.clock.now().getTime() + this.leaseMs) },
    });
    return count === 1;
  }

  private async claim(lane: number, limit: number): Promise<Row[]> {
    const now = this.o.clock.now();
    const lease = new Date(now.getTime() + this.leaseMs);
    // The oldest pending row of each ordering key only: a chat.update never overtakes its post.
    return this.o.db.$queryRaw<Row[]>`
      UPDATE "OutboxMessage" SET "lockedUntil" = ${lease}, "lockedBy" = ${this.worker}
      WHERE id IN (
        SELECT o.id FROM "OutboxMessage" o
        WHERE o.state = 'PENDING' AND o.lane = ${lane}
          AND (o."nextAttemptAt" IS NULL OR o."nextAttemptAt" <= ${now})
          AND (o."lockedUntil" IS NULL OR o."lockedUntil" < ${now})
          AND (o."orderingKey" IS NULL OR NOT EXISTS (
            SELECT 1 FROM "OutboxMessage" p
            WHERE p."orderingKey" = o."orderingKey" AND p.id < o.id AND p.state = 'PENDING'))
        ORDER BY o.id LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, method, payload, correlation, attempts, lane`;
  }

  private async deliver(row: Row): Promise<void> {
    const { db, clock } = this.o;
    const payload = await this.resolve(row.payload);
    if (payload === null) return this.retry(row, "waiting for the message it refers to", 5_000, false);
    try {
      const result = await this.call(row.method, payload);
      await db.$transaction(async (tx) => {
        await tx.outboxMessage.update({
          where: { id: row.id },
          data: { state: "SENT", sentAt: clock.now(), lockedUntil: null, result: slim(result) },
        });
        const channel = result.channel ?? (payload.channel as string | undefined);
        if (row.correlation && typeof result.ts === "string" && channel) {
          await tx.slackMessageRef.upsert({
            where: { key: row.correlation },
            create: { key: row.correlation, channel, ts: result.ts },
            update: { channel, ts: result.ts },
          });
        }
      });
    } catch (err) {
      const e = err as { code?: string; retryAfter?: number; data?: { error?: string }; message?: string };
      if (e.code === ErrorCode.RateLimitedError) {
        const wait = (e.retryAfter ?? 1) * 1000;
        if (row.lane === LANES.bulk) this.pacer.pause(wait);
        return this.retry(row, "rate limited", wait, false);
      }
      const slackError = e.data?.error;
      if (slackError && PERMANENT.has(slackError)) return this.fail(row, slackError);
      const backoff = Math.min(2 ** row.attempts * 1000, 15 * 60_000);
      return this.retry(row, slackError ?? e.message ?? "unknown error", backoff, true);
    }
  }

  private async call(method: string, payload: Record<string, unknown>): Promise<CallResult> {
    const { client } = this.o;
    if (method === "files.uploadV2") {
      const { content, ...rest } = payload as { content: string };
      await client.filesUploadV2({ ...(rest as any), file: Buffer.from(content, "base64") });
      return { ok: true };
    }
    if (method === "users.link") {
      // A directory person without a Slack id: ask Slack who has that address, and remember.
      const user = await this.memberByEmail(String(payload.email));
      return { ok: Boolean(user) };
    }
    if (method === "dm") {
      // A direct message to a user — by member id, or by the directory's e-mail for someone not
      // linked yet. chat.postMessage with the user's id as the channel posts in the app's DM
      // with them, without conversations.open (Tier 3, about 50 a minute: 20,000 digest DMs
      // would take hours).
      const { user: id, email, ...message } = payload as { user?: string; email?: string };
      const user = id ?? (email ? await this.memberByEmail(email) : null);
      // Not a member of this workspace: there is nobody to tell in Slack (the status page still is).
      if (!user) return { ok: false };
      return (await client.chat.postMessage({ ...(message as any), channel: user })) as CallResult;
    }
    return (await client.apiCall(method, payload)) as CallResult;
  }

  /** The Slack member with this e-mail (users.lookupByEmail, users:read.email), linked on the way; null when none. */
  private async memberByEmail(email: string): Promise<string | null> {
    try {
      const res = await this.o.client.users.lookupByEmail({ email });
      const id = res.user?.id;
      if (id) await this.o.onSlackUser?.(id, email);
      return id ?? null;
    } catch (err) {
      if ((err as { data?: { error?: string } }).data?.error === "users_not_found") return null;
      throw err;
    }
  }

  /** Replaces "$admin" and "$ref:<key>[:channel]" strings; null when a referenced post is not out yet. */
  private async resolve(payload: Record<string, unknown>): Promise<Record<string, unknown> | null> {
    const out: Record<string, unknown> = { ...payload };
    for (const [k, v] of Object.entries(payload)) {
      if (v === ADMIN_CHANNEL) {
        const channel = this.o.adminChannel();
        if (!channel) return null;
        out[k] = channel;
      } else if (typeof v === "string" && v.startsWith("$ref:")) {
        const [, key, field] = /^\$ref:(.+?)(?::(channel))?$/.exec(v) ?? [];
        const ref = await this.o.db.slackMessageRef.findUnique({ where: { key: key! } });
        if (!ref) return null;
        out[k] = field === "channel" ? ref.channel : ref.ts;
      }
    }
    return out;
  }

  private async retry(row: Row, reason: string, delayMs: number, countAttempt: boolean) {
    const attempts = row.attempts + (countAttempt ? 1 : 0);
    if (attempts >= MAX_ATTEMPTS) return this.fail(row, reason);
    log.warn("slack delivery postponed", { id: String(row.id), method: row.method, reason, delayMs });
    await this.o.db.outboxMessage.update({
      where: { id: row.id },
      data: {
        attempts,
        lastError: reason,
        lockedUntil: null,
        nextAttemptAt: new Date(this.o.clock.now().getTime() + delayMs),
      },
    });
  }

  private async fail(row: Row, reason: string) {
    log.error("slack delivery failed for good", { id: String(row.id), method: row.method, reason });
    await this.o.db.outboxMessage.update({
      where: { id: row.id },
      data: { state: "FAILED", lastError: reason, lockedUntil: null, attempts: row.attempts + 1 },
    });
  }
}

function slim(result: CallResult): Prisma.InputJsonValue {
  return { ok: result.ok ?? true, channel: result.channel ?? null, ts: result.ts ?? null };
}
