// The Android enterprise's devices, imported on a schedule (ANDROID_IMPORT_CRON) when the
// Android Management API is configured. The work is the core's (enrollments.importDevices);
// this only says when, and where the pages come from.
import { AndroidDriver } from "../drivers/android.js";
import { enterpriseDevices } from "../drivers/android/devices.js";
import { log } from "../log.js";
import type { JobContext } from "./index.js";
import type { Job } from "./scheduler.js";

export function androidJobs({ core, config }: JobContext): Job[] {
  const registry = core.deps.drivers;
  const driver = registry?.has("android") ? registry.get("android") : null;
  if (!(driver instanceof AndroidDriver)) return [];
  const run = async () => {
    const summary = await core.enrollments.importDevices("android", enterpriseDevices(driver));
    log.info("android devices imported", { ...summary });
    return summary;
  };
  return [{ name: "android-device-import", cron: config.ANDROID_IMPORT_CRON, run }];
}
