// Applies MDM_DRIVER_APPLE / MDM_DRIVER_ANDROID to devices that arrived without a driver of
// their own (inventory import): at start-up and every 10 minutes. The rule is the core's.
import type { JobContext } from "./context.js";
import type { Job } from "./scheduler.js";

export function driverSelectionJobs({ core, config }: JobContext): Job[] {
  if (config.MDM_DRIVER_APPLE === "agent" && config.MDM_DRIVER_ANDROID === "agent") return [];
  const run = () => core.enrollments.applyDriverSelection();
  return [{ name: "mdm-driver-selection", cron: "*/10 * * * *", run, catchUp: run }];
}
