// Fixed-window allowances counted in the database (RateLimitWindow), so that every replica
// behind a load balancer draws on the same allowance. The caller names the key (already hashed:
// nothing personal is stored here).
import type { Db } from "../db/client.js";
import { DAY } from "./clock.js";

export class RateLimits {
  constructor(private readonly deps: { db: Db }) {}

  /** Counts one attempt under `key` in the window that starts at `windowStart`; the count so far. */
  async hit(key: string, windowStart: Date): Promise<number> {
    // One statement: concurrent attempts on any replica each get their own count.
    const [row] = await this.deps.db.$queryRaw<{ hits: number }[]>`
      INSERT INTO "RateLimitWindow" ("key", "windowStart", "hits") VALUES (${key}, ${windowStart}, 1)
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "hits" = "RateLimitWindow"."hits" + 1
      RETURNING "hits"`;
    return row!.hits;
  }

  /** The count so far under `key` in the window that starts at `windowStart`, without adding one. */
  async count(key: string, windowStart: Date): Promise<number> {
    const row = await this.deps.db.rateLimitWindow.findUnique({
      where: { key_windowStart: { key, windowStart } },
      select: { hits: true },
    });
    return row?.hits ?? 0;
  }

  /** Windows that ended more than a day ago say nothing any more (housekeeping). */
  async prune(now: Date): Promise<number> {
    const { count } = await this.deps.db.rateLimitWindow.deleteMany({
      where: { windowStart: { lt: new Date(now.getTime() - DAY) } },
    });
    return count;
  }
}
