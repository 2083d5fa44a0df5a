// Per-address limit on report submissions: a fixed number per window, counted in memory.
// Per replica on purpose: it only has to stop a flood from one address, and a real employee
// sends one or two reports; N replicas allow N× the limit, which is still a small number.
import type { Clock } from "../../core/clock.js";

export class RateLimiter {
  private hits = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt; false when the address already used its allowance. */
  take(key: string): boolean {
    const now = this.clock.now().getTime();
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.prune(now);
    return true;
  }

  private prune(now: number) {
    for (const [k, v] of this.hits) if (!v.some((t) => now - t < this.windowMs)) this.hits.delete(k);
  }
}
