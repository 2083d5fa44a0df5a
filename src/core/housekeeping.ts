// Daily housekeeping of the coordination tables every replica writes to: delivery receipts
// (idempotency), job-run rows (one per fire of every schedule), delivered outbox messages (a big
// fleet's digest queues thousands of DMs a day) and the report form's rate-limit windows would
// otherwise grow without end.
import type { Db } from "../db/client.js";
import type { JobRuns } from "./job-runs.js";
import { pruneOutbox } from "./outbox.js";
import type { RateLimits } from "./rate-limits.js";
import type { InboundReceipts } from "./receipts.js";

export class Housekeeping {
  constructor(private readonly deps: { db: Db; receipts: InboundReceipts; jobRuns: JobRuns; rateLimits: RateLimits }) {}

  async run(now: Date) {
    return {
      receipts: await this.deps.receipts.pruneSlack(now),
      jobRuns: await this.deps.jobRuns.prune(now),
      outbox: await pruneOutbox(this.deps.db, now),
      rateLimitWindows: await this.deps.rateLimits.prune(now),
    };
  }
}
