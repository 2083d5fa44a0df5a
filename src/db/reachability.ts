// Whether the database answers, for edges that must answer before they touch it: Slack's
// receiver acks on arrival, so a request it acked while the database was away would be lost
// (Slack retries only what was refused). Only a ping that fails says "away": a slow one is a
// busy database, whose work waits its turn as before, so the answer is then the last one known
// (up to `waitMs` spent finding out). A healthy answer is trusted for a second (one ping per
// second at most, however busy the replica); an unhealthy one never is, so the first request
// after the database is back is served. Concurrent callers share one ping.
export function databaseReachability(
  ping: () => Promise<boolean>,
  opts: { trustMs?: number; waitMs?: number; now?: () => number } = {},
): () => Promise<boolean> {
  const trustMs = opts.trustMs ?? 1000;
  const waitMs = opts.waitMs ?? 250;
  const now = opts.now ?? (() => performance.now());
  let healthy = true;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let asking: Promise<boolean> | null = null;
  return async () => {
    if (healthy && now() - checkedAt < trustMs) return true;
    asking ??= ping()
      .catch(() => false)
      .then((ok) => {
        healthy = ok;
        checkedAt = now();
        asking = null;
        return ok;
      });
    let timer: NodeJS.Timeout | undefined;
    const known = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(healthy), waitMs);
    });
    try {
      return await Promise.race([asking, known]);
    } finally {
      clearTimeout(timer);
    }
  };
}
