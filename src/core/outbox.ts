// The durable outbox: every message for Slack is a row, and a worker delivers it later. A change
// records what Slack should show in its own transaction (the Slack notifier's render rows); the
// renderer writes the messages here after commit. Slack down, unconfigured, or a crash between
// the change and the post: the row waits, nothing is lost.
import type { Db, Prisma } from "../db/client.js";
import type { Tx } from "./audit.js";
import { DAY } from "./clock.js";

export interface OutboxItem {
  method: string; // Slack Web API method, e.g. chat.postMessage
  payload: Record<string, unknown>;
  /** Record the delivered message under this key ("report:<id>") for later updates and replies. */
  correlation?: string;
  /** Items with the same key are delivered strictly in order (a post before its updates). */
  orderingKey?: string;
  /** A second item with the same key is dropped: one post per reminder threshold, per digest day. */
  dedupeKey?: string;
}

/** Placeholder resolved at delivery: the admin channel as configured then. */
export const ADMIN_CHANNEL = "$admin";
/** Placeholders resolved at delivery from the message recorded under `key`. */
export const refTs = (key: string) => `$ref:${key}`;
export const refChannel = (key: string) => `$ref:${key}:channel`;

/** Messages an adapter queues itself (a file it was asked for), delivered like every other. */
export class Outbox {
  constructor(private readonly deps: { db: Db }) {}

  queue(...items: OutboxItem[]): Promise<void> {
    return enqueue(this.deps.db, ...items);
  }
}

export async function enqueue(tx: Tx, ...items: OutboxItem[]): Promise<void> {
  if (!items.length) return;
  await tx.outboxMessage.createMany({
    data: items.map((i) => ({
      method: i.method,
      payload: i.payload as Prisma.InputJsonValue,
      correlation: i.correlation ?? null,
      orderingKey: i.orderingKey ?? null,
      dedupeKey: i.dedupeKey ?? null,
    })),
    skipDuplicates: true,
  });
}

/**
 * Delivered rows are deleted after 30 days and rows Slack refused for good after 90 (left for an
 * admin to look into); pending rows never. Nothing reads a delivered row again — the message's
 * channel and ts live in SlackMessageRef, once-only rules in their own tables — and a reporter's
 * DM carries their status link, which should not outlive its use in a table of its own.
 */
export async function pruneOutbox(db: Db, now: Date): Promise<number> {
  const { count } = await db.outboxMessage.deleteMany({
    where: {
      OR: [
        { state: "SENT", sentAt: { lt: new Date(now.getTime() - 30 * DAY) } },
        { state: "FAILED", createdAt: { lt: new Date(now.getTime() - 90 * DAY) } },
      ],
    },
  });
  return count;
}
