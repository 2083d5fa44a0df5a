// node-cron's RunCoordinator on the database: the first replica to insert the (job, fire) row
// runs it; every other replica sees the row and skips. Works the same on PGlite and PostgreSQL.
import type { RunCoordinator } from "node-cron";
import type { Db } from "../db/client.js";
import type { Clock } from "../core/clock.js";

export class DbRunCoordinator implements RunCoordinator {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly owner: string,
  ) {}

  async shouldRun(key: string, ttlMs: number): Promise<boolean> {
    const now = this.clock.now();
    const job = key.replace(/:\d{4}-\d\d-\d\dT.*$/, "");
    const firedAt = new Date(key.slice(job.length + 1));
    const lease = new Date(now.getTime() + Math.max(ttlMs, 1000));
    const rows = await this.db.$queryRaw<{ key: string }[]>`
      INSERT INTO "JobRun" (key, job, "firedAt", "startedAt", owner, "leaseUntil")
      VALUES (${key}, ${job}, ${isNaN(firedAt.getTime()) ? now : firedAt}, ${now}, ${this.owner}, ${lease})
      ON CONFLICT (key) DO NOTHING
      RETURNING key`;
    return rows.length === 1;
  }

  async onComplete(key: string): Promise<void> {
    await this.db.jobRun.updateMany({ where: { key, owner: this.owner }, data: { doneAt: this.clock.now() } });
  }

  /** Claims a run by name outside cron (catch-up after downtime, a manual "/mdm digest"). */
  claim(job: string, slot: Date, ttlMs = 10 * 60_000): Promise<boolean> {
    return this.shouldRun(`${job}:${slot.toISOString()}`, ttlMs);
  }
}

/** A run row matters only around its fire; old ones are deleted so the table stays small. */
export async function pruneJobRuns(db: Db, now: Date, keepMs = 7 * 86_400_000): Promise<number> {
  const { count } = await db.jobRun.deleteMany({ where: { firedAt: { lt: new Date(now.getTime() - keepMs) } } });
  return count;
}
