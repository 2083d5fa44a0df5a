// How fast the outbox's bulk lane may post. Slack lets an app post about one message a second
// to one channel and "several hundred a minute" to a workspace (chat.postMessage, "Special"
// rate tier); a digest's 20,000 DMs queued at 10:00 must therefore drain over many minutes
// instead of running into 429s, and must leave room for what people are waiting for (the
// normal lane is never paced here: it is rare, and Slack's per-channel 1/s allows bursts).
// A 429 pauses the whole lane for its Retry-After, not just the one message. Each replica paces
// itself; with several, a 429 still stops each of them. The pace follows real time; a pause
// follows the app's clock, like every other retry in the outbox.

/** Default bulk rate: under the workspace's "several hundred a minute", with room for the rest. */
export const BULK_PER_MINUTE = 240;
/** Messages that may go at once after a quiet spell. */
const BURST = 10;

export class BulkPacer {
  private tokens: number;
  private last = performance.now();
  private pausedUntil = 0;

  constructor(
    private readonly perMinute = BULK_PER_MINUTE,
    private readonly clock: () => number = Date.now,
    private readonly burst = BURST,
  ) {
    this.tokens = burst;
  }

  /** How many bulk messages may go now (0 while paused). */
  available(): number {
    if (this.paused()) return 0;
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.perMinute) / 60_000);
    this.last = now;
    return Math.floor(this.tokens);
  }

  /** Takes one message's place; false when none is free. */
  take(): boolean {
    if (this.available() < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Slack asked us to wait (429): the lane is stopped until Retry-After has passed. */
  paused(): boolean {
    return this.clock() < this.pausedUntil;
  }

  /** Milliseconds until the pace lets the next bulk message go (0 when paused: see paused()). */
  waitMs(): number {
    if (this.paused() || this.available() >= 1) return 0;
    return Math.ceil(((1 - this.tokens) * 60_000) / this.perMinute);
  }

  /** Slack answered 429: nothing in the lane goes before Retry-After has passed. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock() + ms);
    this.tokens = 0;
  }

  /** When the pause ends (app clock, ms). */
  get resumesAt(): number {
    return this.pausedUntil;
  }
}
