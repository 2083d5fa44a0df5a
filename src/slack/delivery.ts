// Delivers the outbox to Slack: claims due rows (SKIP LOCKED, so replicas share the work and
// never take the same row), resolves placeholders, calls the Web API, records the result.
// Nothing deliverable is ever given up (decision 0152): 429 waits exactly Retry-After, transient
// failures back off (at most 15 min) without a last try, configuration errors park messages
// until a probe finds Slack usable again, and only a payload Slack will never accept is final —
// a post then goes out once more as plain text. Every post carries its outbox id as message
// metadata, so a post whose answer was lost is found in the channel instead of posted twice
// (decision 0153).
import { randomUUID } from "node:crypto";
import { ErrorCode, type WebClient } from "@slack/web-api";
import type { Db, Prisma } from "../db/client.js";
import type { Clock } from "../core/clock.js";
import { NotAuthorizedError } from "../core/errors.js";
import { ADMIN_CHANNEL, LANES } from "../core/outbox.js";
import { t, type Locale } from "../i18n/index.js";
import { backoffMs } from "../lib/backoff.js";
import { log } from "../log.js";
import { BulkPacer } from "./pacing.js";
import { type UploadTarget, uploadFileStreamed, writeTempFile } from "./streamed-upload.js";

type CallResult = { ok?: boolean; channel?: string; ts?: string; adopted?: boolean };

/** Slack's state an admin fixes later (a token, a scope, a channel): messages wait for it. */
const CONFIGURATION = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "missing_scope",
  "channel_not_found",
  "not_in_channel",
  "is_archived",
]);
/** Errors about the token itself: nothing can be sent until it works, so nothing is tried. */
const TOKEN = new Set(["invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"]);
/** A payload Slack will never accept, however often it is sent: the one final outcome. */
const REFUSED = new Set([
  "invalid_blocks",
  "invalid_blocks_format",
  "invalid_attachments",
  "too_many_attachments",
  "msg_too_long",
  "no_text",
  "invalid_arguments",
  "invalid_metadata_format",
  "invalid_metadata_schema",
  "metadata_too_large",
  "user_not_found",
  "cant_update_message",
  "message_not_found",
]);
/** Posts: tagged with their outbox id, looked for before being sent again. */
const POSTS = new Set(["chat.postMessage", "dm"]);
/** The metadata event type our posts carry (event_payload.outbox_id names the row). */
export const OUTBOX_EVENT = "ldo_outbox";
const LEASE_MS = 60_000;
/** How often parked messages' configuration is probed (auth.test, then the channel). */
export const PROBE_MS = 60_000;
/** How far before the first send the channel is searched (Slack's clock may differ from ours). */
const LOOKBACK_MS = 10 * 60_000;
const LOOKUP_PAGES = 5;
/** Parked rows stay PENDING (holding their thread's order) but are never due by themselves. */
const PARKED = new Date("9999-12-31T00:00:00Z");

interface Row {
  id: bigint;
  method: string;
  payload: Record<string, unknown>;
  correlation: string | null;
  attempts: number;
  lane: number;
  fallbackFor?: string | null;
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
  /** The language of the plain-text fallback's note. */
  locale?: Locale;
  /** Bulk-lane messages (digest DMs, directory look-ups) per minute (src/slack/pacing.ts). */
  bulkPerMinute?: number;
  /**
   * Files written when they are delivered (method "files.uploadExternal"), by the `source.kind`
   * the row names: the row holds what to write, never the file, so any replica can send it and a
   * retry writes it afresh. A producer that throws NotAuthorizedError refuses the row for good.
   */
  files?: Record<string, (source: Record<string, unknown>) => AsyncIterable<string | Uint8Array>>;
  /**
   * Rows queued compact and built when they are sent (the digest's personal DMs): the payload to
   * send, undefined to send the row as queued, null when there is nothing to send any more
   * (the row is then done without a call to Slack).
   */
  buildAtDelivery?: (
    method: string,
    payload: Record<string, unknown>,
  ) => Promise<Record<string, unknown> | null | undefined>;
}

export class OutboxDelivery {
  private readonly worker: string;
  private readonly leaseMs: number;
  private running: Promise<number> | null = null;
  private again = false;
  /** When parked messages were last probed; null: not yet in this process, so the first drain
   *  probes at once (a restart with a new token resumes without waiting). */
  private probedAt: number | null = null;
  /** Slack refuses the token itself: nothing is tried until a probe finds it working. */
  private tokenRefused: string | null = null;
  /** The configuration error last announced in the log: one line per outage, not per message. */
  private announced: string | null = null;
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
        await this.probeIfDue();
        if (this.tokenRefused) return total;
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
      if (this.tokenRefused) return total;
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
      // The token stopped working mid-batch: the rest are let go untried, for after the probe.
      if (this.tokenRefused) {
        await this.release(
          rows.slice(i).map((r) => r.id),
          null,
        );
        return i;
      }
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
      RETURNING id, method, payload, correlation, attempts, lane, "fallbackFor"`;
  }

  private async deliver(queued: Row): Promise<void> {
    const { db, clock } = this.o;
    let built: Record<string, unknown> | null | undefined;
    try {
      built = await this.o.buildAtDelivery?.(queued.method, queued.payload);
    } catch (err) {
      // The database, most likely: tried again with backoff, as a Slack that did not answer.
      log.error("an outbox message could not be built; it is tried again", { id: String(queued.id), err });
      return this.retry(queued, "could not be built", backoffMs(queued.attempts), true, true);
    }
    if (built === null) return this.skip(queued);
    const row = built ? { ...queued, payload: built } : queued;
    const resolved = await this.resolve(row.payload);
    if (resolved === null) return this.retry(row, "waiting for the message it refers to", 5_000, false, false);
    const payload = row.fallbackFor ? plainFallback(resolved, row.fallbackFor, this.o.locale ?? "ja") : resolved;
    try {
      const result = await this.call(row, payload);
      if (!result) return; // the lease was lost before the post: another worker has the row
      await db.$transaction(async (tx) => {
        await tx.outboxMessage.update({
          where: { id: row.id },
          data: {
            state: "SENT",
            sentAt: clock.now(),
            lockedUntil: null,
            waitingFor: null,
            result: slim(result, row.fallbackFor),
          },
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
      if (result.adopted) log.info("slack post found in the channel, not posted again", { id: String(row.id) });
    } catch (err) {
      const e = err as {
        code?: string;
        retryAfter?: number;
        data?: { error?: string; needed?: string };
        message?: string;
      };
      if (e.code === ErrorCode.RateLimitedError) {
        const wait = (e.retryAfter ?? 1) * 1000;
        if (row.lane === LANES.bulk) this.pacer.pause(wait);
        return this.retry(row, "rate limited", wait, false, true);
      }
      const slackError = e.data?.error;
      if (slackError && CONFIGURATION.has(slackError)) {
        return this.park(
          row,
          slackError === "missing_scope" && e.data?.needed ? `missing_scope:${e.data.needed}` : slackError,
        );
      }
      if (slackError && REFUSED.has(slackError)) return this.refuse(row, slackError);
      const backoff = backoffMs(row.attempts);
      // No answer (a timeout, a reset connection, a 5xx): whether Slack posted it is unknown.
      return this.retry(row, slackError ?? e.message ?? "unknown error", backoff, true, Boolean(slackError));
    }
  }

  /** Nothing left to send (its recipient left, or nothing is left to tell): done, no call to Slack. */
  private async skip(row: Row): Promise<void> {
    await this.o.db.outboxMessage.updateMany({
      where: this.stillOurs(row),
      data: { state: "SENT", sentAt: this.o.clock.now(), lockedUntil: null, result: { ok: false, skipped: true } },
    });
  }

  /** The Web API call; null when the row's lease was lost before a post went out. */
  private async call(row: Row, payload: Record<string, unknown>): Promise<CallResult | null> {
    const { client } = this.o;
    const method = row.method;
    if (method === "files.uploadV2") {
      const { content, ...rest } = payload as { content: string };
      await client.filesUploadV2({ ...(rest as any), file: Buffer.from(content, "base64") });
      return { ok: true };
    }
    if (method === "files.uploadExternal") return this.uploadProduced(row, payload);
    if (method === "users.link") {
      // A directory person without a Slack id: ask Slack who has that address, and remember.
      const user = await this.memberByEmail(String(payload.email));
      return { ok: Boolean(user) };
    }
    if (!POSTS.has(method)) return (await client.apiCall(method, payload)) as CallResult;

    let message = payload;
    if (method === "dm") {
      // A direct message to a user — by member id, or by the directory's e-mail for someone not
      // linked yet. chat.postMessage with the user's id as the channel posts in the app's DM
      // with them, without conversations.open (Tier 3, about 50 a minute: 20,000 digest DMs
      // would take hours).
      const { user: id, email, ...rest } = payload as { user?: string; email?: string };
      const user = id ?? (email ? await this.memberByEmail(email) : null);
      // Not a member of this workspace: there is nobody to tell in Slack (the status page still is).
      if (!user) return { ok: false };
      message = { ...rest, channel: user };
    }
    // Marked before the call, so a crash or a lost answer leaves a trace: then the channel is
    // searched for the post first, and it is adopted instead of posted twice.
    const since = await this.markSending(row.id);
    if (since === undefined) return null;
    if (since) {
      // A DM is searched in its IM channel, opened only in this rare case.
      const where =
        method === "dm"
          ? { ...message, channel: (await client.conversations.open({ users: String(message.channel) })).channel!.id! }
          : message;
      const found = await this.findPosted(row.id, where, since);
      if (found) return { ok: true, channel: String(where.channel), ts: found, adopted: true };
    }
    const metadata = { event_type: OUTBOX_EVENT, event_payload: { outbox_id: String(row.id) } };
    return (await client.chat.postMessage({ ...(message as any), metadata })) as CallResult;
  }

  /** A file written now from its source (a temporary file, so its length is known) and streamed to Slack. */
  private async uploadProduced(row: Row, payload: Record<string, unknown>): Promise<CallResult | null> {
    const { source, ...target } = payload as unknown as {
      source: { kind: string } & Record<string, unknown>;
    } & UploadTarget;
    const produce = this.o.files?.[source.kind];
    if (!produce) {
      await this.refuse(row, `unknown_file_source:${source.kind}`);
      return null;
    }
    let file: Awaited<ReturnType<typeof writeTempFile>>;
    try {
      file = await writeTempFile(produce(source));
    } catch (err) {
      if (!(err instanceof NotAuthorizedError)) throw err;
      // The reader is no longer allowed to see it (an admin right taken away since they asked).
      await this.refuse(row, "not_authorized");
      return null;
    }
    try {
      await uploadFileStreamed(this.o.client, file, target);
    } finally {
      await file.dispose();
    }
    return { ok: true };
  }

  /** Marks the row as being sent; returns when an earlier send began (null: none), undefined
   *  when the lease is no longer this worker's. */
  private async markSending(id: bigint): Promise<Date | null | undefined> {
    const now = this.o.clock.now();
    // The join reads the row as it was before this statement: the previous mark, if any.
    const rows = await this.o.db.$queryRaw<{ prev: Date | null }[]>`
      UPDATE "OutboxMessage" n SET "sendingSince" = COALESCE(o."sendingSince", ${now})
      FROM "OutboxMessage" o
      WHERE n.id = o.id AND n.id = ${id} AND n."lockedBy" = ${this.worker} AND n.state = 'PENDING'
      RETURNING o."sendingSince" AS prev`;
    return rows.length ? rows[0]!.prev : undefined;
  }

  /**
   * The ts of our post of this row if it is in the channel: its metadata names the outbox id.
   * Only messages since shortly before the first send are read (newest first, a few pages).
   * A channel we may not read (history scope not granted yet) is not searched: the post is sent,
   * at worst twice, never lost.
   */
  private async findPosted(id: bigint, message: Record<string, unknown>, since: Date): Promise<string | null> {
    const channel = String(message.channel);
    const thread = typeof message.thread_ts === "string" ? message.thread_ts : undefined;
    const oldest = ((since.getTime() - LOOKBACK_MS) / 1000).toFixed(6);
    let cursor: string | undefined;
    try {
      for (let page = 0; page < LOOKUP_PAGES; page++) {
        const args = { channel, oldest, limit: 200, include_all_metadata: true, ...(cursor ? { cursor } : {}) };
        const res = thread
          ? await this.o.client.conversations.replies({ ...args, ts: thread })
          : await this.o.client.conversations.history(args);
        const match = (res.messages ?? []).find(
          (m) =>
            m.metadata?.event_type === OUTBOX_EVENT &&
            String((m.metadata?.event_payload as { outbox_id?: unknown } | undefined)?.outbox_id) === String(id),
        );
        if (match?.ts) return match.ts;
        cursor = res.response_metadata?.next_cursor || undefined;
        if (!res.has_more || !cursor) return null;
      }
      return null;
    } catch (err) {
      const error = (err as { data?: { error?: string } }).data?.error;
      // No answer: still unknown, try again later. Slack's refusal to let us read: post.
      if (!error) throw err;
      log.warn("slack channel could not be searched for an earlier post; posting it again", {
        id: String(id),
        error,
      });
      return null;
    }
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
      if (typeof v !== "string") continue;
      const value = await this.resolveValue(v);
      if (value === null) return null;
      out[k] = value;
    }
    return out;
  }

  private async resolveValue(v: string): Promise<string | null> {
    if (v === ADMIN_CHANNEL) return this.o.adminChannel() ?? null;
    if (!v.startsWith("$ref:")) return v;
    const [, key, field] = /^\$ref:(.+?)(?::(channel))?$/.exec(v) ?? [];
    const ref = await this.o.db.slackMessageRef.findUnique({ where: { key: key! } });
    if (!ref) return null;
    return field === "channel" ? ref.channel : ref.ts;
  }

  /**
   * Parked messages go back to due when Slack works for them: the token passes auth.test, the
   * scope a message lacked is granted, and the bot can see (and is in) its channel.
   */
  private async probeIfDue(): Promise<void> {
    const now = this.o.clock.now().getTime();
    if (this.probedAt !== null && now - this.probedAt < PROBE_MS) return;
    this.probedAt = now;
    const parked = await this.o.db.$queryRaw<{ channel: string | null; waitingFor: string }[]>`
      SELECT DISTINCT payload->>'channel' AS channel, "waitingFor" FROM "OutboxMessage"
      WHERE state = 'PENDING' AND "waitingFor" IS NOT NULL`;
    if (!parked.length && !this.tokenRefused) return;
    let scopes: string[] | undefined;
    try {
      const auth = await this.o.client.auth.test();
      scopes = auth.response_metadata?.scopes;
    } catch (err) {
      const error = (err as { data?: { error?: string } }).data?.error;
      if (error && TOKEN.has(error)) this.announce(error, parked.length);
      return; // still refused, or Slack did not answer: the next probe asks again
    }
    this.tokenRefused = null;
    let resumed = 0;
    const channelOk = new Map<string, boolean>();
    for (const { channel, waitingFor } of parked) {
      const needed = waitingFor.startsWith("missing_scope:") ? waitingFor.slice("missing_scope:".length) : null;
      if (needed && scopes && !scopes.includes(needed)) continue;
      const resolved = channel === null ? null : await this.resolveValue(channel);
      if (resolved) {
        if (!channelOk.has(resolved)) channelOk.set(resolved, await this.channelUsable(resolved));
        if (!channelOk.get(resolved)) continue;
      }
      resumed += await this.o.db.$executeRaw`
        UPDATE "OutboxMessage" SET "waitingFor" = NULL, "nextAttemptAt" = NULL
        WHERE state = 'PENDING' AND "waitingFor" = ${waitingFor}
          AND (payload->>'channel') IS NOT DISTINCT FROM ${channel}`;
    }
    if (resumed) {
      log.info("slack configuration works again: waiting messages are being delivered", { resumed });
      this.announced = null;
    }
  }

  /** conversations.info: the bot can see the channel and is in it. DMs are not probed. */
  private async channelUsable(channel: string): Promise<boolean> {
    if (channel.startsWith("D")) return true;
    try {
      const info = await this.o.client.conversations.info({ channel });
      return info.channel?.is_member !== false;
    } catch {
      return false;
    }
  }

  /** One log line when Slack's configuration stops delivery (or the reason changes), not one per message. */
  private announce(reason: string, waiting: number) {
    if (this.announced === reason) return;
    this.announced = reason;
    log.error(
      "slack refuses delivery until its configuration is fixed; messages wait and are sent by themselves once it works",
      { reason, waiting, see: "npm run doctor; npm run outbox -- status" },
    );
  }

  private async park(row: Row, reason: string) {
    const error = reason.split(":")[0]!;
    if (TOKEN.has(error)) this.tokenRefused = error;
    this.announce(reason, 1);
    log.debug("slack delivery waits for configuration", { id: String(row.id), reason });
    await this.o.db.outboxMessage.updateMany({
      where: this.stillOurs(row),
      data: {
        waitingFor: reason,
        lastError: reason,
        lockedUntil: null,
        nextAttemptAt: PARKED,
        sendingSince: null, // Slack answered: it did not post it
      },
    });
  }

  /** Slack will never accept this payload: a post goes out once more as plain text; anything else stops here. */
  private async refuse(row: Row, reason: string) {
    if (POSTS.has(row.method) && !row.fallbackFor) {
      log.error("slack refused a message; its plain-text fallback is sent instead", {
        id: String(row.id),
        method: row.method,
        reason,
      });
      await this.o.db.outboxMessage.updateMany({
        where: this.stillOurs(row),
        data: { fallbackFor: reason, lastError: reason, lockedUntil: null, nextAttemptAt: null, sendingSince: null },
      });
      return;
    }
    log.error("slack delivery refused for good", { id: String(row.id), method: row.method, reason });
    await this.o.db.outboxMessage.updateMany({
      where: this.stillOurs(row),
      data: { state: "FAILED", lastError: reason, lockedUntil: null, attempts: row.attempts + 1, sendingSince: null },
    });
  }

  /** The row as long as this worker holds it: a late answer never undoes another worker's lease or outcome. */
  private stillOurs(row: Row) {
    return { id: row.id, lockedBy: this.worker, state: "PENDING" as const };
  }

  /** Tried again after `delayMs`; there is no last try. `answered`: Slack said no, so it did not post it. */
  private async retry(row: Row, reason: string, delayMs: number, countAttempt: boolean, answered: boolean) {
    log.warn("slack delivery postponed", { id: String(row.id), method: row.method, reason, delayMs });
    await this.o.db.outboxMessage.updateMany({
      where: this.stillOurs(row),
      data: {
        attempts: row.attempts + (countAttempt ? 1 : 0),
        lastError: reason,
        lockedUntil: null,
        nextAttemptAt: new Date(this.o.clock.now().getTime() + delayMs),
        ...(answered ? { sendingSince: null } : {}),
      },
    });
  }
}

/**
 * What a refused post still has to say, as plain text: its top-level text and the text of its
 * blocks, within Slack's limits, and a note that the full message was refused. Thread and
 * channel stay, so no incident goes unseen and replies still find it.
 */
export function plainFallback(
  payload: Record<string, unknown>,
  reason: string,
  locale: Locale,
): Record<string, unknown> {
  const lines: string[] = [];
  const add = (s: unknown) => {
    if (typeof s === "string" && s.trim() && !lines.includes(s.trim())) lines.push(s.trim());
  };
  add(payload.text);
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    if (o.type === "actions") return; // buttons: nothing to read without them
    if (typeof o.text === "string") add(o.text);
    else walk(o.text);
    walk(o.fields);
    walk(o.elements);
  };
  walk(typeof payload.blocks === "string" ? safeJson(payload.blocks) : payload.blocks);
  const note = t(locale, "outbox.fallback_note", { reason });
  const text = `${lines.join("\n").slice(0, 3000)}\n\n${note}`;
  const out: Record<string, unknown> = { channel: payload.channel, text };
  for (const k of ["thread_ts", "user", "email"]) if (payload[k] !== undefined) out[k] = payload[k];
  return out;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

function slim(result: CallResult, fallbackFor?: string | null): Prisma.InputJsonValue {
  return {
    ok: result.ok ?? true,
    channel: result.channel ?? null,
    ts: result.ts ?? null,
    ...(result.adopted ? { adopted: true } : {}),
    ...(fallbackFor ? { fallbackFor } : {}),
  };
}
