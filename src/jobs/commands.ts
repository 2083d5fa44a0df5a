// Command lifecycle schedules: the expiry sweep (an ordinary command lapses 7 days after it was
// queued; lost mode and a wipe after lost mode never do) and the push-driver sweep (re-sends
// after a failure or a crash, and polls services that only answer when asked).
import type { JobContext } from "./context.js";
import type { Job } from "./scheduler.js";

// Each fires at its own second (scheduler.ts says why): expiry and re-check every 5 minutes,
// dispatch and escalation every minute, the checklist every 15.
export function commandJobs({ core }: JobContext): Job[] {
  return [
    {
      name: "commands-expire",
      cron: "52 */5 * * * *",
      run: (now) => core.commands.expireDue(now),
      catchUp: (now) => core.commands.expireDue(now),
    },
    { name: "commands-dispatch", cron: "12 * * * * *", run: (now) => core.commands.sweep(now) },
    // A sent command whose answer never came (NanoMDM never retries a webhook) is re-checked.
    { name: "commands-recheck", cron: "57 */5 * * * *", run: (now) => core.commands.recheckDue(now) },
    // Incident response: the on-call mention when nobody acts, and the 24-hour "wipe?" question.
    { name: "incident-escalation", cron: "27 * * * * *", run: (now) => core.escalation.sweep(now) },
    { name: "incident-checklist-reminders", cron: "37 */15 * * * *", run: (now) => core.checklist.remindDue(now) },
  ];
}
