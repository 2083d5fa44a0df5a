// Google's per-project quota: by default 1,000 queries per 100 seconds (the Android Management
// and Forms APIs' "Queries per 100 seconds per project"). One limiter per process is shared by
// every caller that spends it — the device import, the command sweep's polls and sends, the Form
// poller — so together they stay under it, and a 429 from Google pauses all of them, for as long
// as its Retry-After says (or an exponential backoff when it says nothing).
//
// Two ways to spend: `take()` waits for a slot (the import and the Form poll, background work
// that may take a while), `tryTake()` answers at once with how long to wait (a click's command:
// it is handed back to the core's retry instead of holding the request).

export interface QuotaOptions {
  /** Queries allowed per window. */
  limit: number;
  windowMs: number;
  now: () => number;
  /** How to wait; the default sleeps. Tests pass one that moves a manual clock. */
  wait?: (ms: number) => Promise<void>;
}

/** The first pause after a 429 without Retry-After; doubled per 429 in a row, capped at a window. */
const FIRST_BACKOFF_MS = 1_000;

export class QuotaLimiter {
  private readonly granted: number[] = [];
  private pausedUntil = 0;
  private backoffMs = FIRST_BACKOFF_MS;
  /** Most queries granted in any one window so far (what a test or an operator looks at). */
  peak = 0;

  constructor(private readonly o: QuotaOptions) {
    if (!(o.limit >= 1) || !(o.windowMs > 0)) throw new Error("quota: limit ≥ 1 and a window > 0 are needed");
  }

  /** 0: a query may go now (and is counted); otherwise the milliseconds until one may. */
  tryTake(): number {
    const now = this.o.now();
    if (now < this.pausedUntil) return this.pausedUntil - now;
    while (this.granted.length && this.granted[0]! <= now - this.o.windowMs) this.granted.shift();
    if (this.granted.length >= this.o.limit) return this.granted[0]! + this.o.windowMs - now;
    this.granted.push(now);
    this.peak = Math.max(this.peak, this.granted.length);
    return 0;
  }

  /** Waits until a query may go, and counts it. */
  async take(): Promise<void> {
    for (let ms = this.tryTake(); ms > 0; ms = this.tryTake()) await (this.o.wait ?? sleep)(ms);
  }

  /** Google answered 429: nobody asks again before Retry-After (or the next backoff step). */
  exhausted(retryAfterMs?: number): number {
    const pause = retryAfterMs ?? this.backoffMs;
    if (retryAfterMs === undefined) this.backoffMs = Math.min(this.backoffMs * 2, this.o.windowMs);
    this.pausedUntil = Math.max(this.pausedUntil, this.o.now() + pause);
    return pause;
  }

  /** A query went through: the next 429 starts the backoff from its first step again. */
  succeeded(): void {
    this.backoffMs = FIRST_BACKOFF_MS;
  }

  /**
   * Runs a Google call under the quota, waiting for a slot; on 429 waits as told and asks again,
   * at most `attempts` times in all. Other errors are the caller's.
   */
  async run<T>(call: () => Promise<T>, attempts = 5): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      await this.take();
      try {
        const result = await call();
        this.succeeded();
        return result;
      } catch (err) {
        const q = quotaRefusal(err, this.o.now());
        if (!q || attempt >= attempts) throw err;
        this.exhausted(q.retryAfterMs);
      }
    }
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A googleapis (gaxios) error that is Google's 429, and its Retry-After in milliseconds. */
export function quotaRefusal(err: unknown, now: number): { retryAfterMs?: number } | null {
  const e = err as { status?: number; response?: { status?: number; headers?: unknown } };
  const status = e?.response?.status ?? e?.status;
  if (status !== 429) return null;
  const headers = e.response?.headers as { get?: (k: string) => string | null } | Record<string, string> | undefined;
  const raw =
    typeof headers?.get === "function"
      ? headers.get("retry-after")
      : (headers as Record<string, string> | undefined)?.["retry-after"];
  return { retryAfterMs: retryAfterMs(raw, now) };
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), as milliseconds. */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const secs = Number(header);
  if (Number.isFinite(secs) && secs >= 0) return Math.round(secs * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const shared = new Map<string, QuotaLimiter>();

/**
 * The process's limiter for one Google Cloud project's quota, made on first use. Every replica
 * has its own, so each gets its share: `limit` is the project's quota divided by the replicas.
 */
export function sharedQuota(key: string, make: () => QuotaLimiter): QuotaLimiter {
  const known = shared.get(key);
  if (known) return known;
  const q = make();
  shared.set(key, q);
  return q;
}

/** Google's window for the per-project quota: queries per 100 seconds. */
export const GOOGLE_QUOTA_WINDOW_MS = 100_000;

/**
 * The process's limiter for the Google Cloud project (GOOGLE_API_QUOTA_PER_100S, default
 * 1,000), shared by the Android driver and the Form poller: each of APP_REPLICAS replicas
 * spends at most its share.
 */
export function googleQuota(o: { queriesPer100s?: number; replicas?: number }, now: () => number): QuotaLimiter {
  const limit = Math.max(1, Math.floor((o.queriesPer100s ?? 1000) / Math.max(1, o.replicas ?? 1)));
  return sharedQuota(`google:${limit}`, () => new QuotaLimiter({ limit, windowMs: GOOGLE_QUOTA_WINDOW_MS, now }));
}
