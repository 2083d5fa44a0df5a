// The daily digest's schedule in its time zone, and the push certificate's expiry: both fail
// silently (a digest at 3 a.m., a certificate that lapses) unless someone looks.
import cron from "node-cron";
import { slackEnabled, type Config } from "../config.js";
import type { Core } from "../core/index.js";
import { DAY } from "../core/clock.js";
import { formatDateTime, type Locale } from "../i18n/index.js";
import { check, type CheckResult } from "./types.js";

export function digestCheck(config: Config, now: Date, locale: Locale): CheckResult {
  const task = cron.createTask(config.DIGEST_CRON, () => {}, { timezone: config.DIGEST_TZ });
  let next: Date | null = null;
  try {
    next = task.getNextRuns(1)[0] ?? null;
  } finally {
    void task.destroy();
  }
  const vars = {
    cron: config.DIGEST_CRON,
    tz: config.DIGEST_TZ,
    next: next ? formatDateTime(next, locale, config.DIGEST_TZ) : "—",
  };
  if (!next || next.getTime() < now.getTime() - DAY)
    return check("digest", "failing", "setup.digest.never", vars, "alerts-and-the-daily-digest");
  // With Slack off the Slack line already says so; a missing channel matters once it is on.
  if (slackEnabled(config) && !config.SLACK_ADMIN_CHANNEL)
    return check("digest", "warning", "setup.digest.no_channel", vars, "creating-the-slack-app");
  return check("digest", "ok", "setup.digest.ok", vars);
}

/** Warn this long before the push certificate expires (Apple's renewal takes the same Apple ID and some care). */
const SOON = 30 * DAY;

export async function pushCertificateCheck(
  core: Core,
  now: Date,
  locale: Locale,
  timeZone: string,
): Promise<CheckResult> {
  const cert = (await core.renewals.list()).find((r) => r.kind === "PUSH_CERTIFICATE");
  if (!cert?.expiresAt)
    return check(
      "push_certificate",
      "not_configured",
      "setup.push_certificate.none",
      undefined,
      "renewals-and-reminders",
    );
  const days = Math.floor((cert.expiresAt.getTime() - now.getTime()) / DAY);
  const vars = { date: formatDateTime(cert.expiresAt, locale, timeZone), days };
  if (days < 0)
    return check("push_certificate", "failing", "setup.push_certificate.expired", vars, "renewals-and-reminders");
  if (cert.expiresAt.getTime() - now.getTime() < SOON)
    return check("push_certificate", "warning", "setup.push_certificate.soon", vars, "renewals-and-reminders");
  return check("push_certificate", "ok", "setup.push_certificate.ok", vars);
}
