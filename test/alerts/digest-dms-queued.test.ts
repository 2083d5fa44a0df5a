// A large fleet's owner and department-admin DMs are built once, in the digest's own
// transaction (they read nothing but the summaries), and queued with it: the DMs wait in the
// outbox the moment the digest commits, with nothing left for the after-commit renderer, and a
// digest that fails queues none of them.
import { afterEach, describe, expect, it } from "vitest";
import { buildCore } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { SYSTEM } from "../../src/core/actors.js";
import { ManualClock } from "../../src/core/clock.js";
import type { Database } from "../../src/db/client.js";
import { aDepartment, aDevice, aPerson } from "../support/builders.js";
import { createTestDatabase } from "../support/db.js";

let db: Database;
afterEach(() => db?.close());

async function fleet() {
  db = await createTestDatabase();
  const now = new Date("2026-11-21T01:00:00Z");
  const core = buildCore(loadConfig({ APP_LOCALE: "en", LOG_LEVEL: "error" }), db, new ManualClock(now));
  const dept = await aDepartment(db.prisma, { name: "Sales" });
  const admin = await aPerson(db.prisma, { slackUserId: "UDEPTADMIN" });
  await db.prisma.departmentAdmin.create({ data: { departmentId: dept.id, personId: admin.id } });
  for (let i = 0; i < 3; i++) {
    const owner = await aPerson(db.prisma, { slackUserId: `UOWNER${i}`, departmentId: dept.id });
    const device = await aDevice(db.prisma, { name: `Phone ${i}`, ownerId: owner.id, lastCheckInAt: now });
    await db.prisma.alert.create({
      data: {
        type: "root",
        deviceId: device.id,
        detectedAt: new Date(now.getTime() - 3_600_000),
        immediate: false,
        dedupeKey: `k${i}`,
        createdAt: new Date(now.getTime() - 3_600_000),
      },
    });
  }
  await core.digest.updateSettings(SYSTEM, { ownerSummaries: true, departmentAdminSummaries: true });
  return { core, now };
}

describe("the digest's personal DMs", () => {
  it("are in the outbox, in the bulk lane, when the digest commits, with no render left to do", async () => {
    const { core, now } = await fleet();
    expect(await core.digest.sendScheduled("2026-11-21", now)).toBe(true);
    const dms = await db.prisma.outboxMessage.findMany({ where: { method: "dm" }, orderBy: { id: "asc" } });
    expect(dms.map((d) => (d.payload as { user: string }).user).sort()).toEqual([
      "UDEPTADMIN",
      "UOWNER0",
      "UOWNER1",
      "UOWNER2",
    ]);
    expect(dms.every((d) => d.lane === 1)).toBe(true);
    expect(JSON.stringify(dms.find((d) => (d.payload as { user: string }).user === "UOWNER1")!.payload)).toContain(
      "Phone 1",
    );
    // Only the admin digest waits for the renderer; no DM is built a second time.
    const renders = await db.prisma.slackRender.findMany({ where: { kind: "event" } });
    expect(renders.map((r) => (r.event as { type: string }).type)).toEqual(["digest.ready"]);
    // The day's second run queues nothing.
    expect(await core.digest.sendScheduled("2026-11-21", now)).toBe(false);
    expect(await db.prisma.outboxMessage.count({ where: { method: "dm" } })).toBe(4);
  });
});
