// Seed 002's expiry rules on a controllable clock: ordinary commands lapse 7 days after they were
// queued; lost mode never does, nor does a wipe issued after lost mode.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY, HOUR } from "../../src/core/clock.js";
import { ADMIN_1, ADMIN_2, startTestApp, type TestApp } from "../support/harness.js";
import { checkIn, incidentTs, lostDevice, threadTexts } from "./support.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const admin = (id: string) => t.app.core.actors.fromSlack(id);
const state = async (id: string) => (await t.db.prisma.command.findUniqueOrThrow({ where: { id } })).state;

describe("command expiry", () => {
  it("expires a lock after 7 days, never lost mode, never a wipe issued after lost mode", async () => {
    const offline = await lostDevice(t); // the device never checks in again
    const other = await lostDevice(t);
    const lostMode = await t.app.core.commands.request(await admin(ADMIN_1), {
      deviceId: offline.agent.deviceId,
      type: "ENABLE_LOST_MODE",
      reportId: offline.reportId,
      params: { Message: "Lost" },
    });
    // Lost mode pending (not yet run): a wipe now inherits "never expires".
    const wipe = await t.app.core.commands.request(await admin(ADMIN_1), {
      deviceId: offline.agent.deviceId,
      type: "ERASE_DEVICE",
      reportId: offline.reportId,
    });
    await t.app.core.commands.approve(await admin(ADMIN_2), wipe.id);
    const lock = await t.app.core.commands.request(await admin(ADMIN_1), {
      deviceId: other.agent.deviceId,
      type: "DEVICE_LOCK",
      reportId: other.reportId,
    });
    // A wipe with no lost mode around expires like any other command.
    const plainWipe = await t.app.core.commands.request(await admin(ADMIN_1), {
      deviceId: other.agent.deviceId,
      type: "ERASE_DEVICE",
      reportId: other.reportId,
    });

    expect(lostMode.expiresAt).toBeNull();
    expect((await t.db.prisma.command.findUniqueOrThrow({ where: { id: wipe.id } })).expiresAt).toBeNull();
    expect(lock.expiresAt!.getTime() - t.clock.now().getTime()).toBe(7 * DAY);

    t.clock.advance(7 * DAY - HOUR);
    expect(await t.app.core.commands.expireDue(t.clock.now())).toBe(0);
    expect(await state(lock.id)).toBe("QUEUED");

    t.clock.advance(HOUR);
    expect(await t.app.core.commands.expireDue(t.clock.now())).toBe(2);
    expect(await t.db.prisma.command.findUniqueOrThrow({ where: { id: lock.id } })).toMatchObject({
      state: "EXPIRED",
      activeKey: null,
    });
    expect(await state(plainWipe.id)).toBe("EXPIRED");

    // A year later the offline device comes back: lost mode, then the wipe, still waiting for it.
    t.clock.advance(365 * DAY);
    expect(await t.app.core.commands.expireDue(t.clock.now())).toBe(0);
    expect(await state(lostMode.id)).toBe("QUEUED");
    expect(await state(wipe.id)).toBe("QUEUED");
    const back = (await checkIn(t, offline.agent.token)).json.commands.map((c: any) => c.type);
    expect(back).toEqual(["EnableLostMode", "EraseDevice"]);
    // The expired lock is not handed to its device.
    expect((await checkIn(t, other.agent.token)).json.commands).toEqual([]);

    // The expiry is said in the incident thread.
    await t.flush();
    expect(threadTexts(t, await incidentTs(t, other.reportId)).join("\n")).toMatch(
      /Lock\* for .* expired: the device did not run it within 7 days/,
    );
    const trail = await t.db.prisma.auditEntry.findFirst({
      where: { subject: `command:${lock.id}`, action: "command.expired" },
    });
    expect(trail).toMatchObject({ actor: "system" });
  });

  it("runs as a scheduled job", async () => {
    const job = t.app.jobs.find((j) => j.name === "commands-expire")!;
    expect(job).toBeDefined();
    const lost = await lostDevice(t);
    const lock = await t.app.core.commands.request(await admin(ADMIN_1), {
      deviceId: lost.agent.deviceId,
      type: "DEVICE_LOCK",
    });
    t.clock.advance(8 * DAY);
    await job.run(t.clock.now());
    expect(await state(lock.id)).toBe("EXPIRED");
  });
});
