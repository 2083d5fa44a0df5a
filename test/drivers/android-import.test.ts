// The Android enterprise's devices imported into the device table: every page of
// enterprises.devices.list, matched to known devices, and those no longer listed marked as left.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AndroidDriver } from "../../src/drivers/android.js";
import { androidJobs } from "../../src/jobs/android.js";
import { aDevice } from "../support/builders.js";
import { FakeAndroidApi, presetTokenAuth } from "../support/fake-android.js";
import { startTestApp, type TestApp } from "../support/harness.js";

let t: TestApp;
let api: FakeAndroidApi;
let driver: AndroidDriver;

beforeAll(async () => {
  api = await new FakeAndroidApi("enterprises/LC0import").start();
  t = await startTestApp();
  driver = new AndroidDriver({
    enterpriseId: "LC0import",
    auth: presetTokenAuth(api.token),
    rootUrl: api.url,
    clock: t.clock,
    timeoutMs: 5_000,
  });
});
afterAll(async () => {
  await t.close();
  await api.stop();
});

describe("Android device import", () => {
  it("reads every page (pageSize 100, then pageToken) and adds the devices with the android driver", async () => {
    for (let i = 0; i < 120; i++) api.addDevice(`dev${String(i).padStart(3, "0")}`);
    const summary = await t.app.core.enrollments.importDevices("android", driver.devices());
    expect(summary).toMatchObject({ seen: 120, created: 120, left: 0 });
    const lists = api.calls("GET", "/devices").filter((r) => r.path === "/v1/enterprises/LC0import/devices");
    expect(lists.map((r) => [r.query.get("pageSize"), r.query.get("pageToken")])).toEqual([
      ["100", null],
      ["100", "100"],
    ]);
    expect(lists.every((r) => r.authorization === `Bearer ${api.token}`)).toBe(true);
    const d = await t.db.prisma.device.findUniqueOrThrow({
      where: { externalId: "enterprises/LC0import/devices/dev007" },
    });
    expect(d).toMatchObject({
      platform: "ANDROID",
      driver: "android",
      serial: "SN-dev007",
      model: "Pixel 8",
      state: "MANAGED",
      name: "Google Pixel 8 (v007)",
    });
    expect(d.lastCheckInAt).toEqual(new Date("2026-11-19T23:00:00Z"));
  });

  it("keeps who owns the device, its management mode and API level, and follows changes", async () => {
    api.addDevice("byod901", { ownership: "PERSONALLY_OWNED", managementMode: "PROFILE_OWNER", apiLevel: 31 });
    api.addDevice("wpco902", { ownership: "COMPANY_OWNED", managementMode: "PROFILE_OWNER", apiLevel: 33 });
    api.addDevice("old903", {
      ownership: "OWNERSHIP_UNSPECIFIED",
      managementMode: "MANAGEMENT_MODE_UNSPECIFIED",
      apiLevel: undefined,
    });
    await t.app.core.enrollments.importDevices("android", driver.devices());
    const byName = async (id: string) =>
      t.db.prisma.device.findUniqueOrThrow({ where: { externalId: `enterprises/LC0import/devices/${id}` } });
    expect(await byName("dev007")).toMatchObject({
      ownership: "company",
      managementMode: "DEVICE_OWNER",
      apiLevel: 34,
    });
    expect(await byName("byod901")).toMatchObject({
      ownership: "personal",
      managementMode: "PROFILE_OWNER",
      apiLevel: 31,
    });
    expect(await byName("wpco902")).toMatchObject({
      ownership: "company",
      managementMode: "PROFILE_OWNER",
      apiLevel: 33,
    });
    expect(await byName("old903")).toMatchObject({ ownership: null, managementMode: null, apiLevel: null });
    // The phone took an OS update: the next import says so.
    api.devices.get("enterprises/LC0import/devices/wpco902")!.apiLevel = 34;
    await t.app.core.enrollments.importDevices("android", driver.devices());
    expect(await byName("wpco902")).toMatchObject({ apiLevel: 34 });
  });

  it("adopts a device already in the inventory by serial number instead of adding it twice", async () => {
    const known = await aDevice(t.db.prisma, { platform: "ANDROID", serial: "SN-adopt1", driver: "agent" });
    api.addDevice("adopt1", { hardwareInfo: { brand: "samsung", model: "Galaxy S24", serialNumber: "SN-adopt1" } });
    await t.app.core.enrollments.importDevices("android", driver.devices());
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: known.id } })).toMatchObject({
      externalId: "enterprises/LC0import/devices/adopt1",
      driver: "android",
    });
    expect(await t.db.prisma.device.count({ where: { serial: "SN-adopt1" } })).toBe(1);
  });

  it("marks devices Google no longer lists, or lists as DELETED, as unenrolled", async () => {
    api.devices.delete("enterprises/LC0import/devices/dev001");
    api.addDevice("dev002", { state: "DELETED", appliedState: "DELETED" });
    // A financed phone its creditor locked is still enrolled and managed: not "gone".
    const financed = api.addDevice("fin001", {
      appliedState: "DEACTIVATED_BY_DEVICE_FINANCE",
      networkInfo: { imei: "359999999999901" },
    });
    const summary = await t.app.core.enrollments.importDevices("android", driver.devices());
    expect(summary.left).toBe(2);
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { externalId: financed } })).toMatchObject({
      state: "MANAGED",
    });
    for (const id of ["dev001", "dev002"]) {
      expect(
        await t.db.prisma.device.findUniqueOrThrow({ where: { externalId: `enterprises/LC0import/devices/${id}` } }),
      ).toMatchObject({ state: "UNENROLLED" });
    }
  });

  it("marks nothing as left when a page fails midway (a partial list proves nothing)", async () => {
    const before = await t.db.prisma.device.count({ where: { state: "UNENROLLED" } });
    // Page 2 fails, and fails again on the one retry a read gets.
    const page2 = (_: string, q: URLSearchParams) => q.get("pageToken") === "100";
    api.failNext({ status: 503, message: "unavailable" }, page2);
    api.failNext({ status: 503, message: "unavailable" }, page2);
    await expect(t.app.core.enrollments.importDevices("android", driver.devices())).rejects.toThrow();
    expect(await t.db.prisma.device.count({ where: { state: "UNENROLLED" } })).toBe(before);
  });

  it("is scheduled only when the Android Management API is configured", () => {
    expect(androidJobs({ core: t.app.core, config: t.config })).toEqual([]);
  });
});
