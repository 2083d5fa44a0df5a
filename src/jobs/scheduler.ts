// The schedules: transport only. Each job is a function of "now" that lives with its capability
// (core or an adapter); here it is only given a cron expression and run once per fire across all
// replicas through the database coordinator.
//
// The app's own frequent jobs each fire at their own second of the minute (alerts every 5 s on
// the multiples of 5; the others at 12, 22, 27, 37, 42, 52, 57): fired together, their queries
// queue on the embedded database's one session and the app's one thread, and every check-in and
// Slack request arriving at :00 waited behind all of them (130 ms at 500 check-ins/s on PGlite;
// decision 0198).
import cron, { type ScheduledTask } from "node-cron";
import type { Clock } from "../core/clock.js";
import { log } from "../log.js";
import type { DbRunCoordinator } from "./coordinator.js";

export interface Job {
  name: string;
  cron: string;
  timezone?: string;
  run(now: Date): Promise<unknown>;
  /** Run at start-up to make up for fires missed while every replica was down. */
  catchUp?(now: Date): Promise<unknown>;
}

export class Scheduler {
  private tasks: ScheduledTask[] = [];
  private inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly coordinator: DbRunCoordinator,
    private readonly clock: Clock,
    private readonly jobs: Job[],
  ) {}

  async start(): Promise<void> {
    for (const job of this.jobs) {
      if (job.catchUp) await this.track(job.name, () => job.catchUp!(this.clock.now()));
      const task = cron.schedule(job.cron, () => this.track(job.name, () => job.run(this.clock.now())), {
        name: job.name,
        timezone: job.timezone,
        noOverlap: true,
        distributed: true,
        runCoordinator: this.coordinator,
        distributedLease: 10 * 60_000,
      });
      this.tasks.push(task);
    }
  }

  private track(name: string, fn: () => Promise<unknown>): Promise<unknown> {
    const p = fn()
      .catch((err) => log.error("job failed", { job: name, err }))
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
    return p;
  }

  /** Stops firing and waits for the runs in flight (graceful shutdown). */
  async stop(): Promise<void> {
    for (const t of this.tasks) await t.destroy();
    this.tasks = [];
    await Promise.allSettled([...this.inFlight]);
  }
}
