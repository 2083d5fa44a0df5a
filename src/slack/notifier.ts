// The core's EventSink for Slack. Inside the core's transaction it only records what changed —
// one SlackRender row per domain event Slack shows, and one Home-tab refresh for the events that
// change what administrators see there — so a rolled-back change leaves nothing and a committed
// one is never lost. The renderer (renderer.ts) turns the rows into outbox messages after
// commit, from the committed state; nothing it does can fail or slow the change itself.
// The exception is a message built from the event alone (BUILT_AT_ONCE): it reads no state that
// could change before commit, so it is built once, here, and queued in the same transaction.
import type { Tx } from "../core/audit.js";
import type { Clock } from "../core/clock.js";
import type { DomainEvent, EventSink } from "../core/events.js";
import { enqueueAll, type OutboxItem } from "../core/outbox.js";
import type { Prisma } from "../db/client.js";
import { digestPersonalItems } from "./notifications/digest-personal.js";
import type { NotifyContext } from "./notifications/handler.js";
import { notifications, refreshesHomes } from "./notifications/index.js";

/**
 * The owners' and department admins' digest DMs: pure Block Kit from the summaries the event
 * carries, 20,000 of them on a large fleet. Through a render row each page was written as JSON,
 * read back, decoded and built after commit — twice the work and the memory for nothing the
 * committed state could change. The outbox's dedupe key and the day's claim in the same
 * transaction keep them once-only.
 */
const BUILT_AT_ONCE: {
  [T in DomainEvent["type"]]?: (event: Extract<DomainEvent, { type: T }>, ctx: NotifyContext) => Iterable<OutboxItem>;
} = { "digest.personal": digestPersonalItems };

export class SlackNotifier implements EventSink {
  /** homeDelayMs: how long a Home-tab refresh waits for more changes to show with it;
   *  context: the language, zone and links messages built at once are written with. */
  constructor(
    private readonly clock: Clock,
    private readonly homeDelayMs = 0,
    private readonly context?: () => Omit<NotifyContext, "now">,
  ) {}

  async publish(tx: Tx, event: DomainEvent): Promise<void> {
    const build = BUILT_AT_ONCE[event.type] as
      | ((e: DomainEvent, ctx: NotifyContext) => Iterable<OutboxItem>)
      | undefined;
    if (build && this.context) {
      await enqueueAll(tx, build(event, { ...this.context(), now: this.clock.now() }));
      return;
    }
    const rows: Prisma.SlackRenderCreateManyInput[] = [];
    if (notifications[event.type]) rows.push({ kind: "event", event: encodeEvent(event) });
    if (refreshesHomes(event.type)) {
      rows.push({ kind: "homes", notBefore: new Date(this.clock.now().getTime() + this.homeDelayMs) });
    }
    if (rows.length) await tx.slackRender.createMany({ data: rows });
  }
}

/** Events carry Dates (a digest's period, a deadline): kept as {"$date": iso} so they come back as Dates. */
export function encodeEvent(event: DomainEvent): Prisma.InputJsonValue {
  return JSON.parse(
    JSON.stringify(event, function (this: Record<string, unknown>, key, value) {
      const raw = this[key];
      return raw instanceof Date ? { $date: raw.toISOString() } : value;
    }),
  );
}

export function decodeEvent(json: unknown): DomainEvent {
  return JSON.parse(JSON.stringify(json), (_key, value) =>
    value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 1 && "$date" in value
      ? new Date(value.$date)
      : value,
  );
}
