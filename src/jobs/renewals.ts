// Renewal reminders: hourly, so a threshold is posted within the hour it is crossed; catch-up at
// start covers hours every replica was down. Posting once per threshold is the core's job
// (RenewalReminder rows), so an extra run never posts twice.
import type { JobContext } from "./context.js";
import type { Job } from "./scheduler.js";

export function renewalJobs(ctx: JobContext): Job[] {
  const send = (now: Date) => ctx.core.renewals.sendDueReminders(now);
  return [
    { name: "renewal-reminders", cron: "5 * * * *", timezone: ctx.config.APP_TIMEZONE, run: send, catchUp: send },
  ];
}
