// Daily housekeeping of the coordination tables every replica writes to: delivery receipts
// (idempotency), job-run rows (one per fire of every schedule), delivered outbox messages (a big
// fleet's digest queues thousands of DMs a day) and the report form's rate-limit windows would
// otherwise grow without end. So would the alerts: a large fleet sends a million a day.
import type { Db } from "../db/client.js";
import { DAY } from "./clock.js";
import type { JobRuns } from "./job-runs.js";
import { pruneOutbox } from "./outbox.js";
import type { RateLimits } from "./rate-limits.js";
import type { InboundReceipts } from "./receipts.js";

export class Housekeeping {
  constructor(
    private readonly deps: {
      db: Db;
      receipts: InboundReceipts;
      jobRuns: JobRuns;
      rateLimits: RateLimits;
      alertRetentionDays: number;
    },
  ) {}

  async run(now: Date) {
    return {
      receipts: await this.deps.receipts.pruneSlack(now),
      jobRuns: await this.deps.jobRuns.prune(now),
      outbox: await pruneOutbox(this.deps.db, now),
      rateLimitWindows: await this.deps.rateLimits.prune(now),
      alerts: await pruneAlerts(this.deps.db, new Date(now.getTime() - this.deps.alertRetentionDays * DAY)),
    };
  }
}

/** Alerts per statement: a day's million is deleted in short statements (by the createdAt
 *  index), so the alert API's inserts never wait long behind one. */
const PRUNE_BATCH = 10_000;

/** Deletes the alerts received before `before`; returns how many. */
export async function pruneAlerts(db: Db, before: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.$executeRaw`
      DELETE FROM "Alert" WHERE id IN (
        SELECT id FROM "Alert" WHERE "createdAt" < ${before} ORDER BY "createdAt" LIMIT ${PRUNE_BATCH})`;
    total += n;
    if (n < PRUNE_BATCH) return total;
  }
}
