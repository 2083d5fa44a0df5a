// Per-address limit on report submissions: a fixed number per 15-minute window, counted in the
// database so that every replica behind a load balancer draws on the same allowance. It only
// has to stop a flood from one address; a real employee sends one or two reports. The address
// is stored as an HMAC under the portal secret, never as itself.
import { createHmac } from "node:crypto";
import { DAY, type Clock } from "../../core/clock.js";
import type { Db } from "../../db/client.js";

export class RateLimiter {
  constructor(
    private readonly deps: { db: Db; clock: Clock; secret: Buffer },
    private readonly scope: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt; false when the address already used its allowance in this window. */
  async take(address: string): Promise<boolean> {
    const now = this.deps.clock.now().getTime();
    const windowStart = new Date(now - (now % this.windowMs));
    const key = `${this.scope}:${createHmac("sha256", this.deps.secret).update(address).digest("base64url")}`;
    // One statement: concurrent attempts on any replica each get their own count.
    const [row] = await this.deps.db.$queryRaw<{ hits: number }[]>`
      INSERT INTO "RateLimitWindow" ("key", "windowStart", "hits") VALUES (${key}, ${windowStart}, 1)
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "hits" = "RateLimitWindow"."hits" + 1
      RETURNING "hits"`;
    return row!.hits <= this.limit;
  }
}

/** Windows that ended more than a day ago say nothing any more (housekeeping). */
export async function pruneRateLimitWindows(db: Db, now: Date): Promise<number> {
  const { count } = await db.rateLimitWindow.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - DAY) } } });
  return count;
}
