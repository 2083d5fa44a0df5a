// The check-in's hand-over (one statement when nothing is newly queued, the transaction when
// something is): each command is sent once, handed again until the device answers, never lost,
// in the order it was queued, even with a device checking in many times at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, startTestApp, type TestApp } from "../support/harness.js";
import { answer, checkIn, enroll } from "./support.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

describe("agent check-in hand-over", () => {
  it("sends each queued command once under concurrent check-ins, re-hands it until answered, then stops", async () => {
    const d = await enroll(t);
    const other = await enroll(t);
    const admin = await t.app.core.actors.fromSlack(ADMIN_1);
    const lock = await t.app.core.commands.request(admin, { deviceId: d.deviceId, type: "DEVICE_LOCK" });
    t.clock.advance(60_000);
    // A second command queued a minute later (as a driver leaves a pull-based command).
    const locate = await t.db.prisma.command.create({
      data: {
        deviceId: d.deviceId,
        type: "DEVICE_LOCATION",
        state: "QUEUED",
        driver: "agent",
        queuedAt: t.clock.now(),
        requestedAt: t.clock.now(),
      },
    });

    const first = await Promise.all(Array.from({ length: 8 }, () => checkIn(t, d.token)));
    for (const res of first) {
      expect(res.status).toBe(200);
      // Nothing lost to a concurrent check-in: each sees both, in the order they were queued.
      expect(res.json.commands.map((c: { id: string }) => c.id)).toEqual([lock.uuid, locate.uuid]);
    }
    const sent = await t.db.prisma.auditEntry.findMany({
      where: { action: "command.sent", subject: { in: [`command:${lock.id}`, `command:${locate.id}`] } },
    });
    expect(sent).toHaveLength(2);
    expect(
      (await t.db.prisma.command.findMany({ where: { deviceId: d.deviceId }, orderBy: { requestedAt: "asc" } })).map(
        (c) => c.state,
      ),
    ).toEqual(["SENT", "SENT"]);

    // Sent, not answered (the device crashed): handed again, from the one-statement path.
    t.clock.advance(5 * 60_000);
    expect((await checkIn(t, d.token)).json.commands.map((c: { id: string }) => c.id)).toEqual([
      lock.uuid,
      locate.uuid,
    ]);
    expect(
      await t.db.prisma.auditEntry.count({ where: { action: "command.sent", subject: `command:${lock.id}` } }),
    ).toBe(1);
    expect((await t.db.prisma.device.findUniqueOrThrow({ where: { id: d.deviceId } })).lastCheckInAt).toEqual(
      t.clock.now(),
    );
    // Another device is handed nothing of this one's.
    expect((await checkIn(t, other.token)).json).toEqual({ commands: [] });

    expect((await answer(t, d.token, lock.uuid, { status: "Acknowledged" })).status).toBe(200);
    expect((await checkIn(t, d.token)).json.commands.map((c: { id: string }) => c.id)).toEqual([locate.uuid]);
  });

  it("refuses a revoked token on the one-statement path and does not touch the device", async () => {
    const d = await enroll(t);
    const before = await t.db.prisma.device.findUniqueOrThrow({ where: { id: d.deviceId } });
    await t.db.prisma.device.update({ where: { id: d.deviceId }, data: { agentTokenHash: null } });
    t.clock.advanceHours(1);
    expect((await checkIn(t, d.token)).status).toBe(401);
    expect((await t.db.prisma.device.findUniqueOrThrow({ where: { id: d.deviceId } })).lastCheckInAt).toEqual(
      before.lastCheckInAt,
    );
  });

  it("waits for a transaction in progress and is not part of it: a rolled-back change leaves the check-in standing", async () => {
    const d = await enroll(t);
    const before = await t.db.prisma.device.findUniqueOrThrow({ where: { id: d.deviceId } });
    t.clock.advanceHours(2);
    let release = () => {};
    let changed = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const updated = new Promise<void>((resolve) => (changed = resolve));
    // An administrator's change to the same device, rolled back (PGlite has one session for both).
    const tx = t.db.prisma
      .$transaction(async (db) => {
        await db.device.update({ where: { id: d.deviceId }, data: { name: "Renamed, then rolled back" } });
        changed();
        await held;
        throw new Error("rolled back");
      })
      .catch((err: Error) => err.message);
    await updated;
    const during = checkIn(t, d.token);
    // A few turns of the event loop: the check-in reaches the database while the change is open.
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    release();
    expect(await tx).toBe("rolled back");
    expect((await during).status).toBe(200);
    const after = await t.db.prisma.device.findUniqueOrThrow({ where: { id: d.deviceId } });
    expect(after.name).toBe(before.name);
    expect(after.lastCheckInAt).toEqual(t.clock.now());
  });
});
