// Enrolment as the real NanoMDM delivers it: each webhook on its own goroutine (concurrent,
// any order, never retried). Whatever the order, one device record with the device's real
// model, serial and platform; then the device describes itself (DeviceInformation,
// SecurityInfo) and its answers win over guesses and over an inventory import.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestApp } from "../support/harness.js";
import { acknowledgeEvent, checkinEvent, deliver, FakeNanoMdm, startNanoMdmApp } from "../support/fake-nanomdm.js";
import { capabilities } from "../../src/core/devices/capabilities.js";

const HMAC_KEY = "nanomdm-webhook-key-for-enrolment-tests";
let t: TestApp;
let nano: FakeNanoMdm;

beforeAll(async () => {
  nano = await new FakeNanoMdm().start();
  t = await startNanoMdmApp(nano, HMAC_KEY);
});
afterAll(async () => {
  await t.close();
  await nano.stop();
});
beforeEach(() => nano.reset());

const MAC = {
  DeviceName: "Design MacBook",
  ModelName: "MacBook Pro",
  Model: "Z15G",
  ProductName: "MacBookPro18,3",
  OSVersion: "15.1",
  BuildVersion: "24B83",
};
let n = 0;
const udidOf = () => `0000FE00-${String(++n).padStart(4, "0")}A1B2C3D4E5`;

/** Authenticate then TokenUpdate, as the device sends them, 1 s apart in NanoMDM's clock. */
function enrolment(udid: string, serial: string, raw: Record<string, unknown> = MAC, base = Date.now()) {
  return [
    checkinEvent("mdm.Authenticate", udid, {}, { raw: { ...raw, SerialNumber: serial }, at: new Date(base) }),
    checkinEvent(
      "mdm.TokenUpdate",
      udid,
      { token_update_tally: 1 },
      { raw: { Token: Buffer.from("token"), PushMagic: "magic" }, at: new Date(base + 1000) },
    ),
  ];
}

const device = (udid: string) => t.db.prisma.device.findUniqueOrThrow({ where: { udid } });
const queriesAt = (udid: string) =>
  nano
    .commandsFor(udid)
    .map((c) => c.Command.RequestType)
    .sort();

describe("enrolment in any order", () => {
  it("gives ten Macs their real model, serial and platform whether TokenUpdate or Authenticate is handled first", async () => {
    const udids = Array.from({ length: 10 }, udidOf);
    for (const u of udids) nano.enroll(u);
    // Alternate the order explicitly (half TokenUpdate first) and spread the arrivals 0–60 ms.
    await Promise.all(
      udids.map((u, i) => {
        const [auth, token] = enrolment(u, `C02SERIAL${i}`);
        return deliver(t.url, i % 2 ? [auth, token] : [token, auth], HMAC_KEY, {
          random: () => 0,
          delaysMs: [i % 2 ? 0 : 30, i % 2 ? 30 : 0],
        });
      }),
    );
    for (const [i, u] of udids.entries()) {
      expect(await device(u)).toMatchObject({
        platform: "MACOS",
        name: "Design MacBook",
        model: "MacBook Pro",
        productName: "MacBookPro18,3",
        serial: `C02SERIAL${i}`,
        osVersion: "15.1",
        state: "MANAGED",
        driver: "nanomdm",
      });
      expect(await t.db.prisma.device.count({ where: { udid: u } })).toBe(1);
      // Reachable, so asked to describe itself and list its apps: once each.
      expect(queriesAt(u)).toEqual(["DeviceInformation", "InstalledApplicationList", "SecurityInfo"]);
    }
    // Apple's rule follows the real platform: no lost mode for these Macs.
    expect(capabilities(await device(udids[0]!)).lost_mode).toMatchObject({
      allowed: false,
      reasonKey: "capability.lost_mode.macos",
    });
  }, 90_000);

  it("merges Authenticate, TokenUpdate, CheckOut and repeats of each, all at once in random order, into one device that has left", async () => {
    for (let round = 0; round < 5; round++) {
      const u = udidOf();
      nano.enroll(u);
      const base = Date.now();
      const [auth, token] = enrolment(u, `C02ROUND${round}${n}`, MAC, base);
      const out = checkinEvent("mdm.CheckOut", u, {}, { at: new Date(base + 5000) });
      const answers = await deliver(t.url, [auth, token, out, auth, token, out], HMAC_KEY);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
      const d = await device(u);
      expect(d).toMatchObject({ platform: "MACOS", serial: `C02ROUND${round}${n}`, state: "UNENROLLED" });
      expect(await t.db.prisma.device.count({ where: { OR: [{ udid: u }, { serial: d.serial }] } })).toBe(1);
      expect(await t.db.prisma.alert.count({ where: { deviceId: d.id, type: "unenrolled" } })).toBe(1);
    }
  });

  it("takes a device listed by serial (inventory import) as the one enrolling, even when TokenUpdate came first", async () => {
    const listed = await t.db.prisma.device.create({
      data: { platform: "IOS", name: "Sales iPhone 7", serial: "F17LISTED77", driver: "agent" },
    });
    const u = udidOf();
    nano.enroll(u);
    const [auth, token] = enrolment(u, "F17LISTED77", {
      DeviceName: "iPhone",
      ModelName: "iPhone",
      ProductName: "iPhone15,2",
      OSVersion: "18.1",
    });
    await deliver(t.url, [token, auth], HMAC_KEY, { random: () => 0, delaysMs: [0, 40] });
    const merged = await t.db.prisma.device.findUniqueOrThrow({ where: { id: listed.id } });
    expect(merged).toMatchObject({
      udid: u,
      driver: "nanomdm",
      platform: "IOS",
      productName: "iPhone15,2",
      state: "MANAGED",
    });
    expect(await t.db.prisma.device.count({ where: { OR: [{ udid: u }, { serial: "F17LISTED77" }] } })).toBe(1);
    // The queries queued for the short-lived UDID-only record now belong to the listed device.
    expect(
      await t.db.prisma.command.count({
        where: {
          deviceId: listed.id,
          type: { in: ["DEVICE_INFORMATION", "SECURITY_INFO", "INSTALLED_APPLICATION_LIST"] },
        },
      }),
    ).toBe(3);
  });
});

describe("the device describing itself", () => {
  it("learns supervision, lost mode, Activation Lock and the passcode from the device, and keeps them over an import", async () => {
    const u = udidOf();
    nano.enroll(u);
    await deliver(
      t.url,
      enrolment(u, "DMPSELF0001", {
        DeviceName: "Reception iPad",
        ModelName: "iPad",
        ProductName: "iPad13,18",
        OSVersion: "17.6",
      }),
      HMAC_KEY,
    );
    const before = await device(u);
    expect(before).toMatchObject({
      platform: "IPADOS",
      supervised: false,
      passcodePresent: null,
      selfReportedAt: null,
    });
    expect(capabilities(before).lost_mode.reasonKey).toBe("capability.lost_mode.unsupervised");

    const info = await t.db.prisma.command.findFirstOrThrow({
      where: { deviceId: before.id, type: "DEVICE_INFORMATION" },
    });
    const security = await t.db.prisma.command.findFirstOrThrow({
      where: { deviceId: before.id, type: "SECURITY_INFO" },
    });
    const answers = await deliver(
      t.url,
      [
        acknowledgeEvent(u, info.uuid, "Acknowledged", {
          QueryResponses: {
            DeviceName: "Reception iPad",
            ProductName: "iPad13,18",
            ModelName: "iPad",
            SerialNumber: "DMPSELF0001",
            OSVersion: "18.1",
            IsSupervised: true,
            IsMDMLostModeEnabled: false,
            IsActivationLockEnabled: true,
          },
        }),
        acknowledgeEvent(u, security.uuid, "Acknowledged", {
          SecurityInfo: { PasscodePresent: false, PasscodeCompliant: false },
        }),
      ],
      HMAC_KEY,
    );
    expect(answers.map((a) => a.json?.state).sort()).toEqual(["ACKNOWLEDGED", "ACKNOWLEDGED"]);
    const after = await device(u);
    expect(after).toMatchObject({
      supervised: true,
      osVersion: "18.1",
      activationLockEnabled: true,
      passcodePresent: false,
      state: "MANAGED",
    });
    expect(after.selfReportedAt).not.toBeNull();
    const caps = capabilities(after);
    expect(caps.lost_mode.allowed).toBe(true);
    // Passcode truth: known absent, so a lock is refused with the reason.
    expect(caps.lock).toEqual({ allowed: false, reasonKey: "capability.lock.no_passcode" });

    // An inventory import that still says "not supervised" does not overrule the device.
    const admin = await t.app.core.actors.fromSlack("UADMIN1");
    await t.app.core.inventory.importCsv(
      admin,
      `deviceName,platform,serial,supervised\nReception iPad,ipados,DMPSELF0001,no\n`,
    );
    expect(await device(u)).toMatchObject({ name: "Reception iPad", supervised: true });

    // Nothing of this is an incident step: no thread post, no admin-channel noise.
    await t.flush();
    expect(JSON.stringify(t.slack.calls)).not.toMatch(/Device information query|Security information query/);
  });

  it("asks again daily, only devices whose description is a day old, and the app list reaches the app usage policy", async () => {
    const admin = await t.app.core.actors.fromSlack("UADMIN1");
    await t.app.core.appPolicy.importCsv(admin, "DENY", "com.tiktok.app\n");
    const u = udidOf();
    nano.enroll(u);
    await deliver(t.url, enrolment(u, "DMPDAILY001"), HMAC_KEY);
    const d = await device(u);
    const answer = async (apps: { Identifier: string; Name: string }[]) => {
      for (const c of await t.db.prisma.command.findMany({
        where: { deviceId: d.id, state: { in: ["QUEUED", "SENT"] } },
      })) {
        const result =
          c.type === "DEVICE_INFORMATION"
            ? { QueryResponses: { IsSupervised: true } }
            : c.type === "SECURITY_INFO"
              ? { SecurityInfo: { PasscodePresent: true } }
              : { InstalledApplicationList: apps };
        await deliver(t.url, [acknowledgeEvent(u, c.uuid, "Acknowledged", result)], HMAC_KEY);
      }
    };
    const policyAlerts = () =>
      t.db.prisma.alert.findMany({
        where: { deviceId: d.id, type: "app_policy_violation" },
        orderBy: { createdAt: "asc" },
      });
    // Apple's InstalledApplicationList; this is a Mac, where Apple has no Items key: the full list
    // (an iPhone is asked for Identifier and Name only, test/drivers/apple-schema.test.ts).
    expect(d.platform).toBe("MACOS");
    const asked = nano.commandsFor(u).find((c) => c.Command.RequestType === "InstalledApplicationList")!;
    expect(asked.Command).toEqual({ RequestType: "InstalledApplicationList" });
    await answer([
      { Identifier: "com.tiktok.app", Name: "TikTok" },
      { Identifier: "com.apple.Pages", Name: "Pages" },
    ]);
    expect((await policyAlerts()).map((a) => [(a.details as any).apps, a.resolvedAt])).toEqual([
      [["TikTok (com.tiktok.app)"], null],
    ]);

    const answeredAt = (await device(u)).selfReportedAt!;
    nano.reset();
    await t.app.core.enrollments.askForSelfReports(new Date(answeredAt.getTime() + 60 * 60_000));
    expect(queriesAt(u)).toEqual([]);
    await t.app.core.enrollments.askForSelfReports(new Date(answeredAt.getTime() + 24 * 60 * 60_000));
    expect(queriesAt(u)).toEqual(["DeviceInformation", "InstalledApplicationList", "SecurityInfo"]);
    // The next day's list without the app: the alert is resolved by itself.
    await answer([{ Identifier: "com.apple.Pages", Name: "Pages" }]);
    const [resolved] = await policyAlerts();
    expect(resolved!.resolvedAt).not.toBeNull();
    expect(resolved!.resolvedBy).toBe("system:nanomdm");
  });
});
