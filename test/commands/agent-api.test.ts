// The built-in agent's HTTP API, as a device (or the simulator) uses it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, ENROLLMENT_SECRET, startTestApp, type TestApp } from "../support/harness.js";
import { answer, checkIn, enroll, postJson } from "./support.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

describe("POST /agent/v1/enroll", () => {
  it("enrolls a device, returns its token once and stores only its hash", async () => {
    const res = await postJson(`${t.url}/agent/v1/enroll`, {
      enrollmentSecret: ENROLLMENT_SECRET,
      platform: "android",
      name: "Pixel 8 (Sato)",
      imei: "356938035643809",
      ownerEmail: "New.Person@Example.co.jp",
    });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ deviceId: expect.any(String), token: expect.any(String) });
    const device = await t.db.prisma.device.findUniqueOrThrow({
      where: { id: res.json.deviceId },
      include: { owner: true },
    });
    expect(device).toMatchObject({ platform: "ANDROID", driver: "agent", state: "MANAGED" });
    expect(device.agentTokenHash).not.toContain(res.json.token);
    // An owner we did not know becomes a person, marked as created on the fly.
    expect(device.owner).toMatchObject({ email: "new.person@example.co.jp", autoCreated: true });
  });

  it("refuses a wrong secret with 401 and an invalid body with 400", async () => {
    const wrong = await postJson(`${t.url}/agent/v1/enroll`, { enrollmentSecret: "guess", platform: "ios", name: "x" });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toMatchObject({ error: "unauthenticated" });
    const bad = await postJson(`${t.url}/agent/v1/enroll`, {
      enrollmentSecret: ENROLLMENT_SECRET,
      platform: "symbian",
      name: "x",
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: "invalid_input", reason: expect.stringContaining("platform") });
    const garbage = await postJson(`${t.url}/agent/v1/enroll`, "{not json");
    expect(garbage.status).toBe(400);
    const huge = await postJson(`${t.url}/agent/v1/enroll`, {
      enrollmentSecret: ENROLLMENT_SECRET,
      platform: "ios",
      name: "x".repeat(40_000),
    });
    expect(huge.status).toBe(413);
  });

  it("re-enrolls a known device (an ADE device after its wipe) as managed, under a new token", async () => {
    const first = await enroll(t, { ade: true, serial: "ADESERIAL1", udid: "00008110-ADE1" });
    await t.db.prisma.device.update({
      where: { id: first.deviceId },
      data: { state: "AWAITING_REENROLLMENT", agentTokenHash: null },
    });
    const again = await enroll(t, { ade: true, serial: "ADESERIAL1", udid: "00008110-ADE1" });
    expect(again.deviceId).toBe(first.deviceId);
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: first.deviceId } })).toMatchObject({
      state: "MANAGED",
    });
    expect((await checkIn(t, again.token)).status).toBe(200);
    expect((await checkIn(t, first.token)).status).toBe(401);
  });

  it("refuses, with 409, identifiers that belong to two different devices", async () => {
    await enroll(t, { serial: "CONFLICT-A", udid: "UDID-CONFLICT-A" });
    await enroll(t, { serial: "CONFLICT-B", udid: "UDID-CONFLICT-B" });
    const res = await postJson(`${t.url}/agent/v1/enroll`, {
      enrollmentSecret: ENROLLMENT_SECRET,
      platform: "ios",
      name: "mixed up",
      serial: "CONFLICT-B",
      udid: "UDID-CONFLICT-A",
    });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ error: "conflict" });
  });
});

describe("POST /agent/v1/checkin and /commands/:id/result", () => {
  it("needs the device's own bearer token", async () => {
    expect((await postJson(`${t.url}/agent/v1/checkin`, {})).status).toBe(401);
    expect((await checkIn(t, "not-a-token")).status).toBe(401);
  });

  it("updates the last check-in from the app's clock and returns nothing when nothing waits", async () => {
    const d = await enroll(t);
    t.clock.advanceHours(3);
    const res = await checkIn(t, d.token);
    expect(res.json).toEqual({ commands: [] });
    expect((await t.db.prisma.device.findUniqueOrThrow({ where: { id: d.deviceId } })).lastCheckInAt).toEqual(
      t.clock.now(),
    );
  });

  it("does not let one device answer for another's command", async () => {
    const mine = await enroll(t);
    const other = await enroll(t);
    const admin = await t.app.core.actors.fromSlack(ADMIN_1);
    const lock = await t.app.core.commands.request(admin, { deviceId: mine.deviceId, type: "DEVICE_LOCK" });
    const res = await answer(t, other.token, lock.uuid, { status: "Acknowledged" });
    expect(res.status).toBe(404);
    expect((await t.db.prisma.command.findUniqueOrThrow({ where: { id: lock.id } })).state).toBe("QUEUED");
    expect((await answer(t, mine.token, lock.uuid, { status: "Maybe" })).status).toBe(400);
    // A repeated answer to a finished command is accepted and changes nothing.
    expect(
      (await answer(t, mine.token, lock.uuid, { status: "Acknowledged", result: { passcodePresent: true } })).status,
    ).toBe(200);
    expect((await answer(t, mine.token, lock.uuid, { status: "Error", error: "late" })).status).toBe(200);
    expect(await t.db.prisma.command.findUniqueOrThrow({ where: { id: lock.id } })).toMatchObject({
      state: "ACKNOWLEDGED",
      error: null,
    });
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: mine.deviceId } })).toMatchObject({
      passcodePresent: true,
    });
  });
});
