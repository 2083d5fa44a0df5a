// Daily housekeeping of the coordination tables every replica writes to: Slack delivery
// receipts (idempotency), job-run rows (one per fire of every schedule), delivered outbox
// messages (a big fleet's digest queues thousands of DMs a day) and the report form's rate-limit
// windows would otherwise grow without end.
import { pruneOutbox } from "../core/outbox.js";
import { pruneSlackReceipts } from "../slack/middleware/idempotency.js";
import { pruneRateLimitWindows } from "../web/portal/rate-limit.js";
import { pruneJobRuns } from "./coordinator.js";
import type { JobContext } from "./index.js";
import type { Job } from "./scheduler.js";

export function housekeepingJobs({ core }: JobContext): Job[] {
  const { db } = core.deps;
  return [
    {
      name: "housekeeping",
      cron: "17 4 * * *",
      async run(now) {
        return {
          receipts: await pruneSlackReceipts(db, now),
          jobRuns: await pruneJobRuns(db, now),
          outbox: await pruneOutbox(db, now),
          rateLimitWindows: await pruneRateLimitWindows(db, now),
        };
      },
    },
  ];
}
