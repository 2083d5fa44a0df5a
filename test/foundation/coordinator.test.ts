import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/core/clock.js";
import type { Database } from "../../src/db/client.js";
import { JobRuns } from "../../src/core/job-runs.js";
import { DbRunCoordinator } from "../../src/jobs/coordinator.js";
import { createTestDatabase } from "../support/db.js";

let db: Database;
beforeAll(async () => (db = await createTestDatabase()));
afterAll(() => db.close());

describe("scheduled jobs across replicas", () => {
  it("lets exactly one replica run each fire, and the next fire again", async () => {
    const clock = new ManualClock("2026-11-21T01:00:00Z");
    const a = new DbRunCoordinator(new JobRuns({ db: db.prisma }), clock, "replica-a");
    const b = new DbRunCoordinator(new JobRuns({ db: db.prisma }), clock, "replica-b");
    const key = "digest:2026-11-21T01:00:00.000Z";
    const results = await Promise.all([a.shouldRun(key, 60_000), b.shouldRun(key, 60_000)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await b.shouldRun("digest:2026-11-22T01:00:00.000Z", 60_000)).toBe(true);
    const winner = results[0] ? a : b;
    await winner.onComplete(key);
    const run = await db.prisma.jobRun.findUniqueOrThrow({ where: { key } });
    expect(run.job).toBe("digest");
    expect(run.doneAt).not.toBeNull();
  });
});
