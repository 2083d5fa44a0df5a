// Daily housekeeping of the coordination tables every replica writes to; what is kept and for
// how long is the core's (core.housekeeping).
import type { JobContext } from "./context.js";
import type { Job } from "./scheduler.js";

export function housekeepingJobs({ core }: JobContext): Job[] {
  return [{ name: "housekeeping", cron: "17 4 * * *", run: (now) => core.housekeeping.run(now) }];
}
