// Per-address limit on report submissions: a fixed number per 15-minute window, counted in the
// database so that every replica behind a load balancer draws on the same allowance. It only
// has to stop a flood from one address; a real employee sends one or two reports. The address
// is stored as an HMAC under the portal secret, never as itself.
import { createHmac } from "node:crypto";
import type { Clock } from "../../core/clock.js";
import type { RateLimits } from "../../core/rate-limits.js";

export class RateLimiter {
  constructor(
    private readonly deps: { limits: RateLimits; clock: Clock; secret: Buffer },
    private readonly scope: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt; false when the address already used its allowance in this window. */
  async take(address: string): Promise<boolean> {
    const { key, windowStart } = this.window(address);
    return (await this.deps.limits.hit(key, windowStart)) <= this.limit;
  }

  /** Whether the address has allowance left in this window, counting nothing. */
  async allows(address: string): Promise<boolean> {
    const { key, windowStart } = this.window(address);
    return (await this.deps.limits.count(key, windowStart)) < this.limit;
  }

  private window(address: string) {
    const now = this.deps.clock.now().getTime();
    const windowStart = new Date(now - (now % this.windowMs));
    const key = `${this.scope}:${createHmac("sha256", this.deps.secret).update(address).digest("base64url")}`;
    return { key, windowStart };
  }
}
