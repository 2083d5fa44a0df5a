// The durable outbox: every message for Slack is a row, and a worker delivers it later. A change
// records what Slack should show in its own transaction (the Slack notifier's render rows); the
// renderer writes the messages here after commit. Slack down, unconfigured, or a crash between
// the change and the post: the row waits, nothing is lost.
import type { Db } from "../db/client.js";
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
  /** "bulk" for what nobody is waiting on (digest DMs, directory look-ups): it goes after the rest. */
  lane?: "bulk";
}

/** Lanes as stored: the worker takes the lowest lane first. */
export const LANES = { normal: 0, bulk: 1 } as const;

/** Placeholder resolved at delivery: the admin channel as configured then. */
export const ADMIN_CHANNEL = "$admin";
/** Placeholders resolved at delivery from the message recorded under `key`. */
export const refTs = (key: string) => `$ref:${key}`;
export const refChannel = (key: string) => `$ref:${key}:channel`;

/** Slack configuration errors messages wait on, and how many wait on each. */
export interface WaitingForSlack {
  reason: string;
  count: number;
}

export interface OutboxStatus {
  pending: number;
  /** Pending rows that failed at least once and wait for their next try (with backoff). */
  retrying: number;
  waiting: WaitingForSlack[];
  failed: { id: string; method: string; lastError: string | null; createdAt: Date }[];
  oldestPending: Date | null;
}

/** Messages an adapter queues itself (a file it was asked for), delivered like every other;
 *  what waits, for /healthz and `npm run outbox`. */
export class Outbox {
  constructor(private readonly deps: { db: Db }) {}

  queue(...items: OutboxItem[]): Promise<void> {
    return enqueue(this.deps.db, ...items);
  }

  /** What waits for an admin to fix Slack's configuration (a token, a scope, a channel). */
  async waitingForSlack(): Promise<WaitingForSlack[]> {
    const groups = await this.deps.db.outboxMessage.groupBy({
      by: ["waitingFor"],
      where: { state: "PENDING", waitingFor: { not: null } },
      _count: { _all: true },
    });
    return groups.map((g) => ({ reason: g.waitingFor!, count: g._count._all })).sort((a, b) => b.count - a.count);
  }

  async status(): Promise<OutboxStatus> {
    const { db } = this.deps;
    const [pending, retrying, waiting, failed, oldest] = await Promise.all([
      db.outboxMessage.count({ where: { state: "PENDING" } }),
      db.outboxMessage.count({ where: { state: "PENDING", waitingFor: null, attempts: { gt: 0 } } }),
      this.waitingForSlack(),
      db.outboxMessage.findMany({
        where: { state: "FAILED" },
        orderBy: { id: "asc" },
        take: 100,
        select: { id: true, method: true, lastError: true, createdAt: true },
      }),
      db.outboxMessage.findFirst({ where: { state: "PENDING" }, orderBy: { id: "asc" }, select: { createdAt: true } }),
    ]);
    return {
      pending,
      retrying,
      waiting,
      failed: failed.map((f) => ({ ...f, id: String(f.id) })),
      oldestPending: oldest?.createdAt ?? null,
    };
  }

  /**
   * Due now, from the start: one message (by id) or every one that waits, backs off or was
   * refused. Returns how many. A message being sent right now keeps its lease, so it is never
   * sent twice at once.
   */
  async retry(which: bigint | "all"): Promise<number> {
    const { count } = await this.deps.db.outboxMessage.updateMany({
      where: {
        ...(which === "all" ? {} : { id: which }),
        OR: [{ state: "FAILED" }, { state: "PENDING", OR: [{ waitingFor: { not: null } }, { attempts: { gt: 0 } }] }],
      },
      data: { state: "PENDING", waitingFor: null, nextAttemptAt: null, attempts: 0, fallbackFor: null },
    });
    return count;
  }
}

/**
 * Prisma keeps the arguments of its last 100 queries (for error reports, whatever the log
 * level), so one statement's parameter stays in memory long after it ran: statements are cut at
 * this size, which bounds what a digest of 20,000 DMs leaves behind to 100 × this.
 */
const STATEMENT_BYTES = 96 * 1024;

export function enqueue(tx: Tx, ...items: OutboxItem[]): Promise<void> {
  return enqueueAll(tx, items);
}

/** As enqueue, from items built as they are taken (a generator): each is written into the
 *  statement's text and let go, so a thousand messages are never held as objects at once. */
export async function enqueueAll(tx: Tx, items: Iterable<OutboxItem>): Promise<void> {
  // A JSON parameter per statement however many items it carries: Prisma's handling of each
  // value (createMany) was most of a 20,000-DM digest's time and memory.
  let batch: string[] = [];
  let bytes = 0;
  for (const i of items) {
    const row = JSON.stringify({
      m: i.method,
      p: i.payload,
      c: i.correlation ?? null,
      o: i.orderingKey ?? null,
      d: i.dedupeKey ?? null,
      l: i.lane === "bulk" ? LANES.bulk : LANES.normal,
    });
    if (batch.length && bytes + row.length > STATEMENT_BYTES) {
      await insertRows(tx, batch);
      batch = [];
      bytes = 0;
    }
    batch.push(row);
    bytes += row.length;
  }
  if (batch.length) await insertRows(tx, batch);
}

/** WITH ORDINALITY keeps the ids in the items' order (a post before the files in its thread); a
 *  second item with a dedupe key already queued is dropped. */
async function insertRows(tx: Tx, rows: string[]): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "OutboxMessage" (method, payload, correlation, "orderingKey", "dedupeKey", lane)
    SELECT e->>'m', e->'p', e->>'c', e->>'o', e->>'d', (e->>'l')::smallint
    FROM jsonb_array_elements(${`[${rows.join(",")}]`}::jsonb) WITH ORDINALITY AS t(e, n)
    ORDER BY n
    ON CONFLICT ("dedupeKey") DO NOTHING`;
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
