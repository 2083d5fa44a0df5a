// POST /api/alerts: bearer token, per-item validation, duplicates stored once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aDevice } from "../support/builders.js";
import { postJson, startTestApp, type TestApp } from "../support/harness.js";
import { sendAlerts } from "./support.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

describe("POST /api/alerts", () => {
  it("refuses a missing or wrong bearer token with 401 and stores nothing", async () => {
    const device = await aDevice(t.db.prisma, { platform: "IOS" });
    const alert = { type: "jailbreak", device: { udid: device.udid } };
    expect((await postJson(`${t.url}/api/alerts`, { alerts: [alert] })).status).toBe(401);
    const wrong = await sendAlerts(t, [alert], "not-the-token");
    expect(wrong.status).toBe(401);
    expect(wrong.json).toMatchObject({ error: "unauthenticated" });
    expect(await t.db.prisma.alert.count({ where: { deviceId: device.id } })).toBe(0);
  });

  it("keeps the good items of a batch and rejects the bad one with its index and reason", async () => {
    const iphone = await aDevice(t.db.prisma, { platform: "IOS" });
    const pixel = await aDevice(t.db.prisma, { platform: "ANDROID" });
    const win = await aDevice(t.db.prisma, { platform: "WINDOWS" });
    const res = await sendAlerts(t, [
      { type: "jailbreak", device: { udid: iphone.udid }, detectedAt: "2026-11-20T09:58:00+09:00" },
      { type: "teleported", device: { imei: pixel.imei } },
      { type: "root", device: { imei: pixel.imei }, details: { domain: "example" } },
      { type: "onebe_violation", device: { serial: win.serial } },
      { type: "root", device: { id: "no-such-device" } },
      { type: "virus", device: {} },
    ]);
    expect(res.status).toBe(200);
    expect(res.json.accepted).toBe(3);
    expect(res.json.rejected.map((r: { index: number }) => r.index)).toEqual([1, 4, 5]);
    expect(res.json.rejected[0].reason).toMatch(/type: unknown alert type "teleported"/);
    expect(res.json.rejected[1].reason).toMatch(/no device with id "no-such-device"/);
    expect(res.json.rejected[2].reason).toMatch(/udid, imei, serial or id/);
    const stored = await t.db.prisma.alert.findMany({
      where: { deviceId: { in: [iphone.id, pixel.id, win.id] } },
      orderBy: { type: "asc" },
    });
    expect(stored.map((a) => [a.type, a.immediate])).toEqual([
      ["jailbreak", true],
      ["onebe_violation", true],
      ["root", true],
    ]);
    expect(stored[0]!.detectedAt.toISOString()).toBe("2026-11-20T00:58:00.000Z");
    expect(stored[0]!.createdAt.toISOString()).toBe(t.clock.now().toISOString());
  });

  it("stores the same alert sent twice once, and says so", async () => {
    const pixel = await aDevice(t.db.prisma, { platform: "ANDROID" });
    const alert = {
      type: "unauthorized_sim",
      device: { imei: pixel.imei },
      detectedAt: "2026-11-20T01:00:00Z",
      details: { currentSim: "8981100000000000001", allowedSim: null },
    };
    const first = await sendAlerts(t, [alert, alert]);
    expect(first.json).toMatchObject({ accepted: 2, rejected: [], duplicates: 1 });
    // A retry later, keys in another order: still the same alert.
    t.clock.advance(60_000);
    const again = await sendAlerts(t, [
      {
        details: { allowedSim: null, currentSim: "8981100000000000001" },
        detectedAt: "2026-11-20T10:00:00+09:00",
        device: { imei: pixel.imei },
        type: "unauthorized_sim",
      },
    ]);
    expect(again.json).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(await t.db.prisma.alert.count({ where: { deviceId: pixel.id } })).toBe(1);
    // The sender's own id decides when given.
    await sendAlerts(t, [{ id: "evt-1", type: "root", device: { imei: pixel.imei } }]);
    t.clock.advance(3_600_000);
    await sendAlerts(t, [{ id: "evt-1", type: "root", device: { imei: pixel.imei } }]);
    expect(await t.db.prisma.alert.count({ where: { deviceId: pixel.id, type: "root" } })).toBe(1);
  });

  it("answers a malformed body with 400 and a reason, and the service keeps running", async () => {
    const res = await postJson(`${t.url}/api/alerts`, "{not json", { authorization: "Bearer alerts-token-for-tests" });
    expect(res.status).toBe(400);
    expect(res.json.reason).toMatch(/malformed/);
    const notList = await postJson(
      `${t.url}/api/alerts`,
      { alerts: "jailbreak" },
      { authorization: "Bearer alerts-token-for-tests" },
    );
    expect(notList.status).toBe(400);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it("raises the same alerts from inside the core (a driver's own event)", async () => {
    const mac = await aDevice(t.db.prisma, { platform: "MACOS" });
    const result = await t.app.core.alerts.raise([{ type: "unenrolled", device: { id: mac.id } }], {
      source: "nanomdm",
    });
    expect(result).toMatchObject({ accepted: 1, rejected: [] });
    expect(await t.db.prisma.alert.findFirstOrThrow({ where: { deviceId: mac.id } })).toMatchObject({
      type: "unenrolled",
      immediate: true,
      source: "nanomdm",
    });
  });
});
