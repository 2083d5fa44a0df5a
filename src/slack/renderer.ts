// Renders what committed changes asked Slack to show (SlackRender rows, written by the
// notifier) into outbox messages, after commit and from the committed state. One pass is one
// transaction of its own: it locks the oldest due rows (replicas take turns, so a post is
// always queued before its updates), renders each, drops the earlier of two redraws of the same
// message or Home tab, queues the messages and deletes the rows. A render that fails is rolled
// back to its savepoint and tried again later; the other rows go on.
import type { Tx } from "../core/audit.js";
import { MINUTE, type Clock } from "../core/clock.js";
import { backoffMs } from "../lib/backoff.js";
import { enqueue, type OutboxItem } from "../core/outbox.js";
import type { Db } from "../db/client.js";
import { log } from "../log.js";
import type { NotificationHandler, NotifyContext } from "./notifications/handler.js";
import { refreshAdminHomes } from "./notifications/home-refresh.js";
import { notifications } from "./notifications/index.js";
import { decodeEvent } from "./notifier.js";

interface Row {
  id: bigint;
  kind: string;
  event: unknown;
  attempts: number;
}

export interface RendererOptions {
  db: Db;
  clock: Clock;
  context: () => NotifyContext;
  /** Rows per pass (one transaction). */
  batch?: number;
}

export class SlackRenderer {
  private running: Promise<number> | null = null;
  private again = false;
  constructor(private readonly o: RendererOptions) {}

  /** Renders everything due now; returns how many rows it handled. Safe to call concurrently. */
  render(): Promise<number> {
    // One run at a time per process; a caller arriving meanwhile makes it look once more, since
    // what it came for may have committed after the run's last look.
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let total = 0;
      do {
        this.again = false;
        for (let n = await this.pass(); n > 0; n = await this.pass()) total += n;
      } while (this.again);
      return total;
    })().finally(() => (this.running = null));
    return this.running;
  }

  private pass(): Promise<number> {
    const { db, clock } = this.o;
    return db.$transaction(
      async (tx) => {
        const now = clock.now();
        // FOR UPDATE without SKIP LOCKED: another replica's pass waits for this one, so the
        // messages of one incident reach the outbox in the order their changes committed.
        const rows = await tx.$queryRaw<Row[]>`
          SELECT id, kind, event, attempts FROM "SlackRender"
          WHERE "notBefore" IS NULL OR "notBefore" <= ${now}
          ORDER BY id LIMIT ${this.o.batch ?? 25} FOR UPDATE`;
        if (!rows.length) return 0;
        const ctx = { ...this.o.context(), now };
        const items: OutboxItem[] = [];
        const done: bigint[] = [];
        for (const row of rows.filter((r) => r.kind === "event")) {
          const event = decodeEvent(row.event);
          const handler = notifications[event.type] as NotificationHandler | undefined;
          const rendered = await this.isolated(tx, row, async () => (handler ? handler(tx, event, ctx) : []));
          if (!rendered) continue;
          items.push(...rendered);
          done.push(row.id);
        }
        const homes = rows.find((r) => r.kind === "homes");
        if (homes) {
          // One refresh answers every Home request committed before it reads, due or not yet.
          const waiting = await tx.$queryRaw<{ id: bigint }[]>`
            SELECT id FROM "SlackRender" WHERE kind = 'homes' FOR UPDATE`;
          const rendered = await this.isolated(tx, homes, () => refreshAdminHomes(tx, ctx));
          if (rendered) {
            items.push(...rendered);
            done.push(...waiting.map((w) => w.id));
          }
        }
        await enqueue(tx, ...latestRedraws(items));
        await tx.slackRender.deleteMany({ where: { id: { in: done } } });
        return rows.length;
      },
      { timeout: 2 * MINUTE, maxWait: MINUTE },
    );
  }

  /** Runs one render in a savepoint: a failure is undone alone and the row tried again later. */
  private async isolated(tx: Tx, row: Row, render: () => Promise<OutboxItem[]>): Promise<OutboxItem[] | null> {
    await tx.$executeRawUnsafe("SAVEPOINT slack_render");
    try {
      const items = await render();
      await tx.$executeRawUnsafe("RELEASE SAVEPOINT slack_render");
      return items;
    } catch (err) {
      await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT slack_render");
      const message = (err as Error).message;
      log.error("slack render failed; tried again later", { id: String(row.id), kind: row.kind, err: message });
      const backoff = backoffMs(row.attempts);
      await tx.slackRender.update({
        where: { id: row.id },
        data: {
          attempts: row.attempts + 1,
          lastError: message.slice(0, 500),
          notBefore: new Date(this.o.clock.now().getTime() + backoff),
        },
      });
      return null;
    }
  }
}

/**
 * Several changes in one pass redraw the same incident message or Home tab from the same
 * committed state: only the last of each is kept. Thread posts and everything else stay.
 */
export function latestRedraws(items: OutboxItem[]): OutboxItem[] {
  const target = (i: OutboxItem): string | null =>
    i.method === "chat.update"
      ? `update:${String(i.payload.channel)}:${String(i.payload.ts)}`
      : i.method === "views.publish"
        ? `home:${String(i.payload.user_id)}`
        : null;
  const last = new Map<string, number>();
  items.forEach((item, n) => {
    const key = target(item);
    if (key) last.set(key, n);
  });
  return items.filter((item, n) => {
    const key = target(item);
    return key === null || last.get(key) === n;
  });
}
