// Google's lost-mode rules for Android, enforced before a request reaches Google: company-owned
// devices only (fully managed from Android 11, a company-owned work profile from Android 13).
// A personally-owned device is offered "remove work data" — never a factory reset — and the
// reason is shown where the lost-mode button would be. The fake refuses as Google does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, ADMIN_2, startTestApp, type TestApp } from "../support/harness.js";
import { aPerson } from "../support/builders.js";
import { FakeAndroidApi, presetTokenAuth } from "../support/fake-android.js";
import { AndroidDriver } from "../../src/drivers/android.js";
import { actionIds, latestIncident, incidentTs, until } from "../commands/support.js";
import { messageText } from "../reports/portal.js";

let t: TestApp;
let api: FakeAndroidApi;
let driver: AndroidDriver;

beforeAll(async () => {
  api = await new FakeAndroidApi("enterprises/LC0own").start();
  const clock = { now: () => t.clock.now() };
  driver = new AndroidDriver({
    enterpriseId: "LC0own",
    auth: presetTokenAuth(api.token),
    rootUrl: api.url,
    clock,
    timeoutMs: 5_000,
    locale: "en",
  });
  t = await startTestApp({ drivers: [driver] });
});
afterAll(async () => {
  await t.close();
  await api.stop();
});

/** A phone Google lists, imported, owned by an employee who reports it lost. */
async function reported(id: string, facts: Record<string, unknown>) {
  const name = api.addDevice(id, {
    hardwareInfo: { brand: "google", model: "Pixel 7", serialNumber: `SN-${id}` },
    networkInfo: { imei: `49${Date.now() % 1e9}${id.length}`.padEnd(15, "7") },
    ...facts,
  });
  await t.app.core.enrollments.importDevices("android", driver.devices());
  const device = await t.db.prisma.device.findUniqueOrThrow({ where: { externalId: name } });
  const owner = await aPerson(t.db.prisma);
  await t.db.prisma.device.update({ where: { id: device.id }, data: { ownerId: owner.id } });
  const created = await t.app.core.reports.create({
    channel: "WEB",
    reporterEmail: owner.email,
    deviceDescription: "my Pixel",
    deviceIds: [device.id],
    circumstances: "LOST",
    consentLostMode: true,
    locale: "en",
  });
  // The first delivery after start also asks Slack who the bot is; drain until the post landed.
  await until(
    async () =>
      (await t.db.prisma.slackMessageRef.findUnique({ where: { key: `report:${created.report.id}` } })) ||
      ((await t.flush()) && null),
    "the incident post",
  );
  const ts = await incidentTs(t, created.report.id);
  return { device, name, message: latestIncident(t, ts, created.report.reference) };
}

const request = async (deviceId: string, type: "ENABLE_LOST_MODE" | "ERASE_DEVICE") =>
  t.app.core.commands.request(await t.app.core.actors.fromSlack(ADMIN_1), {
    deviceId,
    type,
    params: type === "ENABLE_LOST_MODE" ? { Message: "Please call IT" } : {},
  });

describe("Android ownership and API level", () => {
  it("offers lost mode on a company-owned, fully managed Android 14 phone", async () => {
    const { message } = await reported("co14", {
      ownership: "COMPANY_OWNED",
      managementMode: "DEVICE_OWNER",
      apiLevel: 34,
    });
    expect(actionIds(message)).toContain("lost_mode_enable");
  });

  it("refuses lost mode on a personally-owned work profile, says why, and offers only removing the work data", async () => {
    const { device, name, message } = await reported("byod", {
      ownership: "PERSONALLY_OWNED",
      managementMode: "PROFILE_OWNER",
      apiLevel: 34,
    });
    expect(actionIds(message)).not.toContain("lost_mode_enable");
    expect(actionIds(message)).toContain("device_wipe");
    const text = messageText(message);
    expect(text).toMatch(/only on company-owned Android devices/);
    expect(text).toMatch(/removes the work profile and company data only.*not factory reset/);
    expect(JSON.stringify(message.blocks)).toContain("Remove work data");
    // A crafted request is refused in the core with the same reason; Google is never asked.
    await expect(request(device.id, "ENABLE_LOST_MODE")).rejects.toThrow(/only on company-owned Android devices/);
    expect(api.calls("POST", `${name}:issueCommand`)).toHaveLength(0);
  });

  it("refuses lost mode below Android 11 (fully managed) and Android 13 (company-owned work profile)", async () => {
    const old = await reported("do10", { ownership: "COMPANY_OWNED", managementMode: "DEVICE_OWNER", apiLevel: 29 });
    expect(messageText(old.message)).toMatch(/from Android 11/);
    const wp = await reported("wp12", { ownership: "COMPANY_OWNED", managementMode: "PROFILE_OWNER", apiLevel: 32 });
    expect(actionIds(wp.message)).not.toContain("lost_mode_enable");
    expect(messageText(wp.message)).toMatch(/from Android 13/);
    const wp13 = await reported("wp13", { ownership: "COMPANY_OWNED", managementMode: "PROFILE_OWNER", apiLevel: 33 });
    expect(actionIds(wp13.message)).toContain("lost_mode_enable");
  });

  it("tells the person on a personal device what the wipe really does (wipeReasonMessage)", async () => {
    const { device, name } = await reported("byod2", {
      ownership: "PERSONALLY_OWNED",
      managementMode: "PROFILE_OWNER",
      apiLevel: 31,
    });
    await request(device.id, "ERASE_DEVICE");
    // The two-person rule may hold the wipe for a second admin; approve when asked.
    const pending = await t.db.prisma.command.findFirstOrThrow({
      where: { deviceId: device.id, type: "ERASE_DEVICE" },
    });
    if (pending.state === "AWAITING_APPROVAL")
      await t.app.core.commands.approve(await t.app.core.actors.fromSlack(ADMIN_2), pending.id);
    const calls = [...api.calls("DELETE", name), ...api.calls("POST", `${name}:issueCommand`)];
    expect(JSON.stringify(calls.map((c) => [c.query.getAll("wipeReasonMessage"), c.body]))).toMatch(
      /removing the work profile and company data\. Your personal apps and data stay/,
    );
    // Company data only (issue 19): the owner's SD card and eSIM are never wiped with the work profile.
    expect(pending.params).toMatchObject({ scope: "company_data" });
    const flags = JSON.stringify(calls.map((c) => [c.query.getAll("wipeDataFlags"), c.body]));
    expect(flags).toMatch(/PRESERVE_RESET_PROTECTION_DATA/);
    expect(flags).not.toMatch(/WIPE_EXTERNAL_STORAGE|WIPE_ESIMS/);
  });
});
