// Every schedule the app runs, in one list. Each job's work lives with its capability; the
// entries here only say when. All run once per fire across replicas (DbRunCoordinator).
import type { JobContext } from "./context.js";
import { alertJobs } from "./alerts.js";
import { androidJobs } from "./android.js";
import { driverSelectionJobs } from "./mdm-drivers.js";
import { commandJobs } from "./commands.js";
import { housekeepingJobs } from "./housekeeping.js";
import { reportJobs } from "./reports.js";
import { renewalJobs } from "./renewals.js";
import type { Job } from "./scheduler.js";

export function defineJobs(ctx: JobContext): Job[] {
  return [
    ...alertJobs(ctx),
    ...androidJobs(ctx),
    ...driverSelectionJobs(ctx),
    ...reportJobs(ctx),
    ...commandJobs(ctx),
    ...renewalJobs(ctx),
    ...housekeepingJobs(ctx),
  ];
}
