// The core's EventSink for Slack. Inside the core's transaction it only records what changed —
// one SlackRender row per domain event Slack shows, and one Home-tab refresh for the events that
// change what administrators see there — so a rolled-back change leaves nothing and a committed
// one is never lost. The renderer (renderer.ts) turns the rows into outbox messages after
// commit, from the committed state; nothing it does can fail or slow the change itself.
import type { Tx } from "../core/audit.js";
import type { Clock } from "../core/clock.js";
import type { DomainEvent, EventSink } from "../core/events.js";
import type { Prisma } from "../db/client.js";
import { notifications, refreshesHomes } from "./notifications/index.js";

export class SlackNotifier implements EventSink {
  /** homeDelayMs: how long a Home-tab refresh waits for more changes to show with it. */
  constructor(
    private readonly clock: Clock,
    private readonly homeDelayMs = 0,
  ) {}

  async publish(tx: Tx, event: DomainEvent): Promise<void> {
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
