// Inbound deliveries claimed once (InboundReceipt): Slack delivers at least once and several
// replicas may each receive a copy, so the Slack adapter claims each delivery here before any
// listener runs. Because the claim lives in the database, it holds across replicas.
import type { Db } from "../db/client.js";
import { DAY } from "./clock.js";

export class InboundReceipts {
  constructor(private readonly deps: { db: Db }) {}

  /**
   * Claims `key`; false when it was already claimed (by this replica or another).
   * One statement, one round trip, and no wait for a disk flush: set_config(…, true) turns off
   * synchronous commit for this statement's own transaction only. A crash of PostgreSQL itself
   * could forget the last fraction of a second of receipts, letting a retry of those through; the
   * work they guard is still protected by the core's own state.
   */
  async claim(key: string, now: Date): Promise<boolean> {
    const inserted = await this.deps.db.$executeRaw`
      WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true))
      INSERT INTO "InboundReceipt" (key, "createdAt")
      SELECT ${key}::text, ${now}::timestamp(3) FROM async_commit
      ON CONFLICT (key) DO NOTHING`;
    return inserted === 1;
  }

  /** The work a claim guarded did not happen: free it so the sender's retry can do it. */
  async release(key: string): Promise<void> {
    await this.deps.db.inboundReceipt.deleteMany({ where: { key } });
  }

  /** Slack retries within minutes; a week of receipts is ample. Other receipts (forms) are kept. */
  async pruneSlack(now: Date, keepMs = 7 * DAY): Promise<number> {
    const { count } = await this.deps.db.inboundReceipt.deleteMany({
      where: { key: { startsWith: "slack" }, createdAt: { lt: new Date(now.getTime() - keepMs) } },
    });
    return count;
  }
}
