// The Android enterprise's devices, imported on a schedule (ANDROID_IMPORT_CRON) when the
// Android Management API is configured. The work is the core's (enrollments.importFrom, which
// reads the driver's device list); this only says when.
import { log } from "../log.js";
import type { JobContext } from "./context.js";
import type { Job } from "./scheduler.js";

export function androidJobs({ core, config }: JobContext): Job[] {
  if (!core.enrollments.canImportFrom("android")) return [];
  const run = async () => {
    const summary = await core.enrollments.importFrom("android");
    log.info("android devices imported", { ...summary });
    return summary;
  };
  return [{ name: "android-device-import", cron: config.ANDROID_IMPORT_CRON, run }];
}
