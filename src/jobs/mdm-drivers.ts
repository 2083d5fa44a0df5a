// Applies MDM_DRIVER_APPLE / MDM_DRIVER_ANDROID to devices that arrived without a driver of
// their own (inventory import): at start-up and every 10 minutes. And, with NanoMDM configured,
// asks every Apple device to describe itself once a day (DeviceInformation, SecurityInfo) and
// to list its apps (InstalledApplicationList), so the app usage policy sees Apple devices too.
// The rules are the core's.
import type { JobContext } from "./context.js";
import type { Job } from "./scheduler.js";

export function driverSelectionJobs({ core, config }: JobContext): Job[] {
  const jobs: Job[] = [];
  if (config.MDM_DRIVER_APPLE !== "agent" || config.MDM_DRIVER_ANDROID !== "agent") {
    const run = () => core.enrollments.applyDriverSelection();
    jobs.push({ name: "mdm-driver-selection", cron: "22 */10 * * * *", run, catchUp: run });
  }
  if (config.NANOMDM_URL) {
    const ask = (now: Date) => core.enrollments.askForSelfReports(now);
    // No catch-up at start: a missed day waits for the next run (new enrolments ask at once).
    jobs.push({ name: "apple-self-reports", cron: "30 3 * * *", run: ask });
  }
  return jobs;
}
