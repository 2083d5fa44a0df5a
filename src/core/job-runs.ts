// One row per fire of a schedule (JobRun): the first replica to insert the (job, fire) row runs
// it; every other replica sees the row and skips. The scheduler's coordinator (src/jobs) asks here.
import type { Db } from "../db/client.js";
import { DAY } from "./clock.js";

export interface RunClaim {
  key: string;
  job: string;
  firedAt: Date;
  startedAt: Date;
  owner: string;
  leaseUntil: Date;
}

export class JobRuns {
  constructor(private readonly deps: { db: Db }) {}

  /** True when this claim is the first for its key. Works the same on PGlite and PostgreSQL. */
  async claim(c: RunClaim): Promise<boolean> {
    const rows = await this.deps.db.$queryRaw<{ key: string }[]>`
      INSERT INTO "JobRun" (key, job, "firedAt", "startedAt", owner, "leaseUntil")
      VALUES (${c.key}, ${c.job}, ${c.firedAt}, ${c.startedAt}, ${c.owner}, ${c.leaseUntil})
      ON CONFLICT (key) DO NOTHING
      RETURNING key`;
    return rows.length === 1;
  }

  async complete(key: string, owner: string, at: Date): Promise<void> {
    await this.deps.db.jobRun.updateMany({ where: { key, owner }, data: { doneAt: at } });
  }

  /** A run row matters only around its fire; old ones are deleted so the table stays small. */
  async prune(now: Date, keepMs = 7 * DAY, job?: string): Promise<number> {
    const { count } = await this.deps.db.jobRun.deleteMany({
      where: { ...(job ? { job } : {}), firedAt: { lt: new Date(now.getTime() - keepMs) } },
    });
    return count;
  }
}
