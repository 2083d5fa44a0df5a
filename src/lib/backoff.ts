// How long a failed attempt waits before the next: doubling from a second, capped (15 minutes
// unless told), so work that keeps failing is tried again within the cap, never given up on.
const MAX_BACKOFF_MS = 15 * 60_000;

/** The wait after `attempts` failures: 1 s, 2 s, 4 s, … up to `maxMs`. */
export function backoffMs(attempts: number, maxMs = MAX_BACKOFF_MS): number {
  return Math.min(2 ** Math.min(attempts, 20) * 1000, maxMs);
}
