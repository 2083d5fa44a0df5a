// The alert schedules: posting immediate alerts every few seconds (grouped per run, so a flood
// is one post), and the daily digest with its catch-up after downtime.
import cron from "node-cron";
import { dayIn } from "../core/digest/index.js";
import { HOUR } from "../core/clock.js";
import type { JobContext } from "./context.js";
import type { Job } from "./scheduler.js";

export const ALERTS_POST_JOB = "alerts.post";
export const DIGEST_JOB = "digest";

/** The latest time at or before `now` (to the minute, within two days) the cron expression fires. */
export function previousFire(expression: string, timeZone: string, now: Date): Date | null {
  const task = cron.createTask(expression, () => {}, { timezone: timeZone });
  try {
    const minute = Math.floor(now.getTime() / 60_000) * 60_000;
    for (let t = minute; t > minute - 48 * HOUR; t -= 60_000) {
      if (task.match(new Date(t))) return new Date(t);
    }
    return null;
  } finally {
    void task.destroy();
  }
}

export function alertJobs({ core, config }: JobContext): Job[] {
  const jobs: Job[] = [];
  // Always scheduled: a type can be ticked "post at once" from Slack at any time, even when
  // IMMEDIATE_ALERTS=false made every type start unticked.
  jobs.push({
    name: ALERTS_POST_JOB,
    cron: "*/5 * * * * *",
    async run(now) {
      const posted = await core.alerts.postPending(now);
      // A fire every five seconds leaves a coordinator row each time; an hour of them is plenty.
      await core.jobRuns.prune(now, HOUR, ALERTS_POST_JOB);
      return posted;
    },
  });
  const tz = config.DIGEST_TZ;
  jobs.push({
    name: DIGEST_JOB,
    cron: config.DIGEST_CRON,
    timezone: tz,
    run: (now) => core.digest.sendScheduled(dayIn(now, tz), now),
    catchUp: (now) => core.digest.catchUp(previousFire(config.DIGEST_CRON, tz, now), tz, now),
  });
  return jobs;
}
