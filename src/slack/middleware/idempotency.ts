// Slack delivers at least once: an event not acked in 3 s comes back with X-Slack-Retry-Num,
// a flaky network can replay an interaction, and several replicas may each receive a copy.
// Every request is claimed once in the database (InboundReceipt) before a listener runs; a
// copy finds the claim, is acked so Slack stops retrying, and goes no further. Because the
// claim lives in PostgreSQL, this holds across replicas too.
//
// Two different clicks on one button are two different interactions (new trigger_id): they
// are not duplicates here; the core's command state guards them (a command is queued once).
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Db } from "../../db/client.js";
import type { Clock } from "../../core/clock.js";
import { log } from "../../log.js";

type Body = Record<string, any>;

/**
 * The receipt key of one Slack delivery, or null for requests that are safe to repeat
 * (select-menu suggestions, which are read-only and asked for on every keystroke).
 */
export function receiptKey(body: Body): string | null {
  if (body.type === "event_callback" && typeof body.event_id === "string") return `slack:${body.event_id}`;
  if (body.type === "block_suggestion") return null;
  if (typeof body.command === "string") {
    return body.trigger_id ? `slack-command:${body.trigger_id}` : null;
  }
  if (typeof body.trigger_id === "string" && body.trigger_id) return `slack-action:${body.trigger_id}`;
  // Interactions from messages without a trigger (rare): the click itself identifies them.
  const action = Array.isArray(body.actions) ? body.actions[0] : undefined;
  if (action?.action_ts && body.user?.id) return `slack-action:${action.action_ts}:${body.user.id}:${action.action_id ?? ""}`;
  return null;
}

/**
 * Claims `key`; false when it was already claimed (by this replica or another).
 * One statement, one round trip, and no wait for a disk flush: set_config(…, true) turns off
 * synchronous commit for this statement's own transaction only. A crash of PostgreSQL itself
 * could forget the last fraction of a second of receipts, letting a retry of those through; the
 * work they guard is still protected by the core's own state.
 */
export async function claimReceipt(db: Db, key: string, now: Date): Promise<boolean> {
  const inserted = await db.$executeRaw`
    WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true))
    INSERT INTO "InboundReceipt" (key, "createdAt")
    SELECT ${key}::text, ${now}::timestamp(3) FROM async_commit
    ON CONFLICT (key) DO NOTHING`;
  return inserted === 1;
}

export function idempotency(deps: { db: Db; clock: Clock }): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { body, next, context } = args as AnyMiddlewareArgs & { next: () => Promise<void>; context: { retryNum?: number } };
    const key = receiptKey(body as Body);
    if (!key) return next();
    if (!(await claimReceipt(deps.db, key, deps.clock.now()))) {
      log.info("slack duplicate ignored", { key, retryNum: context.retryNum ?? 0 });
      const ack = (args as { ack?: () => Promise<void> }).ack;
      if (ack) await ack();
      return;
    }
    try {
      await next();
    } catch (err) {
      // The work did not happen: free the claim so Slack's retry can do it.
      await deps.db.inboundReceipt.deleteMany({ where: { key } }).catch(() => {});
      throw err;
    }
  };
}

/** Slack retries within minutes; a week of receipts is ample. Other receipts (forms) are kept. */
export async function pruneSlackReceipts(db: Db, now: Date, keepMs = 7 * 86_400_000): Promise<number> {
  const { count } = await db.inboundReceipt.deleteMany({
    where: { key: { startsWith: "slack" }, createdAt: { lt: new Date(now.getTime() - keepMs) } },
  });
  return count;
}
