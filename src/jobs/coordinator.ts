// node-cron's RunCoordinator over the core's job-run rows: the first replica to claim the
// (job, fire) row runs it; every other replica sees the row and skips.
import type { RunCoordinator } from "node-cron";
import type { Clock } from "../core/clock.js";
import type { JobRuns } from "../core/job-runs.js";

export class DbRunCoordinator implements RunCoordinator {
  constructor(
    private readonly runs: JobRuns,
    private readonly clock: Clock,
    private readonly owner: string,
  ) {}

  async shouldRun(key: string, ttlMs: number): Promise<boolean> {
    const now = this.clock.now();
    const job = key.replace(/:\d{4}-\d\d-\d\dT.*$/, "");
    const firedAt = new Date(key.slice(job.length + 1));
    const lease = new Date(now.getTime() + Math.max(ttlMs, 1000));
    return this.runs.claim({
      key,
      job,
      firedAt: Number.isNaN(firedAt.getTime()) ? now : firedAt,
      startedAt: now,
      owner: this.owner,
      leaseUntil: lease,
    });
  }

  async onComplete(key: string): Promise<void> {
    await this.runs.complete(key, this.owner, this.clock.now());
  }

  /** Claims a run by name outside cron (catch-up after downtime, a manual "/mdm digest"). */
  claim(job: string, slot: Date, ttlMs = 10 * 60_000): Promise<boolean> {
    return this.shouldRun(`${job}:${slot.toISOString()}`, ttlMs);
  }
}
