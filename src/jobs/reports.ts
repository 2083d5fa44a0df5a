// Loss-report schedules: mark reports whose incident message Slack now has as "admins
// notified" (the status page's honest second step), and pull Google Form responses when the
// pull alternative is configured.
import { googleFormJobs } from "./google-form.js";
import type { JobContext } from "./context.js";
import type { Job } from "./scheduler.js";

export function reportJobs(ctx: JobContext): Job[] {
  return [
    { name: "reports-notified", cron: "42 * * * * *", run: () => ctx.core.reports.reconcileNotified() },
    ...googleFormJobs(ctx),
  ];
}
