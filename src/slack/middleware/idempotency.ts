// Slack delivers at least once: an event not acked in 3 s comes back with X-Slack-Retry-Num,
// a flaky network can replay an interaction, and several replicas may each receive a copy.
// Every request is claimed once in the database (core.receipts) before a listener runs; a
// copy finds the claim, is acked so Slack stops retrying, and goes no further. Because the
// claim lives in PostgreSQL, this holds across replicas too.
//
// Two different clicks on one button are two different interactions (new trigger_id): they
// are not duplicates here; the core's command state guards them (a command is queued once).
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Clock } from "../../core/clock.js";
import type { InboundReceipts } from "../../core/receipts.js";
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
  if (action?.action_ts && body.user?.id)
    return `slack-action:${action.action_ts}:${body.user.id}:${action.action_id ?? ""}`;
  return null;
}

export function idempotency(deps: { receipts: InboundReceipts; clock: Clock }): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { body, next, context } = args as AnyMiddlewareArgs & {
      next: () => Promise<void>;
      context: { retryNum?: number };
    };
    const key = receiptKey(body as Body);
    if (!key) return next();
    if (!(await deps.receipts.claim(key, deps.clock.now()))) {
      log.info("slack duplicate ignored", { key, retryNum: context.retryNum ?? 0 });
      const ack = (args as { ack?: () => Promise<void> }).ack;
      if (ack) await ack();
      return;
    }
    try {
      await next();
    } catch (err) {
      // The work did not happen: free the claim so Slack's retry can do it.
      await deps.receipts.release(key).catch(() => {});
      throw err;
    }
  };
}
