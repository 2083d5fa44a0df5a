// The app usage policy applied (seed 000/004): installed apps from the agent's check-in, NanoMDM's
// InstalledApplicationList answer and Android applicationReports are checked against the list; a
// violating device raises one immediate app_policy_violation naming the apps — to the admin
// channel, the owner (a DM in their language saying what to do) and the owner's department admin —
// and it is resolved when the apps are gone. An alert sent in for an allowed app is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AndroidDriver } from "../../src/drivers/android.js";
import { aDepartment, aDevice, aPerson } from "../support/builders.js";
import { ADMIN_1, ADMIN_CHANNEL, postJson, startTestApp, type TestApp } from "../support/harness.js";
import { FakeAndroidApi, presetTokenAuth } from "../support/fake-android.js";
import { acknowledgeEvent, FakeNanoMdm, postWebhook } from "../support/fake-nanomdm.js";
import { enroll } from "../commands/support.js";
import { runJob, sendAlerts, textOf } from "./support.js";
import { sequence } from "../support/sequence.js";

const nextMessage = sequence("msg-");

const HMAC_KEY = "nanomdm-key-app-usage";
const PUBSUB_TOKEN = "pubsub-app-usage";
let t: TestApp;
let nano: FakeNanoMdm;
let api: FakeAndroidApi;

beforeAll(async () => {
  nano = await new FakeNanoMdm().start();
  api = await new FakeAndroidApi("enterprises/LC0apps").start();
  const clock = { now: () => t.clock.now() };
  const android = new AndroidDriver({
    enterpriseId: "LC0apps",
    auth: presetTokenAuth(api.token),
    rootUrl: api.url,
    clock,
    timeoutMs: 5_000,
    locale: "en",
  });
  t = await startTestApp({
    env: {
      NANOMDM_URL: nano.url,
      NANOMDM_API_KEY: nano.apiKey,
      NANOMDM_WEBHOOK_HMAC_KEY: HMAC_KEY,
      ANDROID_PUBSUB_TOKEN: PUBSUB_TOKEN,
      MDM_REQUEST_TIMEOUT_MS: "5000",
    },
    drivers: [android],
  });
  await t.app.core.appPolicy.importCsv(
    await t.app.core.actors.fromSlack(ADMIN_1),
    "DENY",
    "com.example.Game\ncom.tiktok.app\n",
  );
});
afterAll(async () => {
  await t.close();
  await nano.stop();
  await api.stop();
});

const checkIn = (token: string, body: unknown) =>
  postJson(`${t.url}/agent/v1/checkin`, body, { authorization: `Bearer ${token}` });
const policyAlerts = (deviceId: string) =>
  t.db.prisma.alert.findMany({ where: { deviceId, type: "app_policy_violation" }, orderBy: { createdAt: "asc" } });
async function post() {
  await runJob(t, "alerts.post");
  await t.flush();
}

describe("from the agent's check-in", () => {
  it("raises one immediate alert naming the apps, DMs the owner and the department admin, and resolves when they are gone", async () => {
    const dept = await aDepartment(t.db.prisma, { name: "Sales" });
    const owner = await aPerson(t.db.prisma, {
      email: "taro@corp.example",
      name: "Taro",
      slackUserId: "UOWNER1",
      departmentId: dept.id,
      locale: "ja",
    });
    const deptAdmin = await aPerson(t.db.prisma, {
      email: "boss@corp.example",
      name: "Boss",
      slackUserId: "UDEPTADMIN1",
      locale: "en",
    });
    await t.db.prisma.departmentAdmin.create({ data: { departmentId: dept.id, personId: deptAdmin.id } });
    const phone = await enroll(t, { ownerEmail: owner.email, name: "Taro's iPhone" });

    const apps = [
      { id: "com.apple.mobilesafari", name: "Safari" },
      { id: "com.example.Game", name: "Fun Game" },
    ];
    expect((await checkIn(phone.token, { installedApps: apps })).status).toBe(200);
    await post();
    const alerts = await policyAlerts(phone.deviceId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      immediate: true,
      resolvedAt: null,
      details: expect.objectContaining({ appIds: ["com.example.Game"], apps: ["Fun Game (com.example.Game)"] }),
    });
    const channel = t.slack
      .posts(ADMIN_CHANNEL)
      .find((p) => String(p.text).includes("App usage policy violation detected on Taro's iPhone"))!;
    expect(textOf(channel)).toContain("Fun Game (com.example.Game)");
    expect(textOf(channel)).not.toContain("Safari");
    // The owner reads Japanese: the device, the app and what to do.
    const ownerDm = t.slack.posts("DUOWNER1").at(-1)!;
    expect(ownerDm.text).toContain("アプリ利用ポリシー違反");
    expect(textOf(ownerDm)).toContain("Fun Game (com.example.Game)");
    expect(textOf(ownerDm)).toContain("アンインストールしてください");
    const adminDm = t.slack.posts("DUDEPTADMIN1").at(-1)!;
    expect(textOf(adminDm)).toContain("a device of your department");
    expect(textOf(adminDm)).toContain("Fun Game (com.example.Game)");

    // The same list again: nothing new anywhere.
    const before = t.slack.posts().length;
    await checkIn(phone.token, { installedApps: apps });
    await post();
    expect(await policyAlerts(phone.deviceId)).toHaveLength(1);
    expect(t.slack.posts().length).toBe(before);

    // Uninstalled: the alert resolves itself.
    await checkIn(phone.token, { installedApps: [apps[0]] });
    await post();
    const [resolved] = await policyAlerts(phone.deviceId);
    expect(resolved).toMatchObject({ resolvedBy: "system:agent" });
    expect(resolved!.resolvedAt).not.toBeNull();
    // A check-in without the field says nothing about apps.
    await checkIn(phone.token, {});
    expect(await policyAlerts(phone.deviceId)).toHaveLength(1);
  });

  it("follows an allow list: everything not on it is a violation", async () => {
    const admin = await t.app.core.actors.fromSlack(ADMIN_1);
    await t.app.core.appPolicy.importCsv(admin, "ALLOW", "com.apple.mobilesafari\ncom.google.Maps\n");
    const phone = await enroll(t, { name: "Allow-list iPhone" });
    await checkIn(phone.token, { installedApps: ["com.google.Maps", "com.example.Other"] });
    expect((await policyAlerts(phone.deviceId)).map((a) => (a.details as any).appIds)).toEqual([["com.example.Other"]]);
    await t.app.core.appPolicy.importCsv(admin, "DENY", "com.example.Game\ncom.tiktok.app\n");
  });
});

describe("from the MDM services", () => {
  it("reads NanoMDM's InstalledApplicationList answer", async () => {
    const d = await aDevice(t.db.prisma, { driver: "nanomdm", platform: "IPADOS", name: "Shared iPad" });
    const list = [
      { Identifier: "com.tiktok.app", Name: "TikTok", Version: "1.0" },
      { Identifier: "com.apple.Pages", Name: "Pages" },
    ];
    const res = await postWebhook(
      t.url,
      acknowledgeEvent(d.udid!, crypto.randomUUID(), "Acknowledged", { InstalledApplicationList: list }),
      HMAC_KEY,
    );
    expect(res.status).toBe(200);
    expect((await policyAlerts(d.id)).map((a) => (a.details as any).apps)).toEqual([["TikTok (com.tiktok.app)"]]);
  });

  it("reads Android applicationReports from a status report, and an app REMOVED there resolves it", async () => {
    const name = api.addDevice("apps1");
    const d = await aDevice(t.db.prisma, { platform: "ANDROID", driver: "android", name: "Pixel of Hanako" });
    await t.db.prisma.device.update({ where: { id: d.id }, data: { externalId: name } });
    const push = (reports: unknown[]) =>
      postJson(`${t.url}/webhooks/android-pubsub?token=${PUBSUB_TOKEN}`, {
        message: {
          data: Buffer.from(JSON.stringify({ ...api.devices.get(name), applicationReports: reports })).toString(
            "base64",
          ),
          attributes: { notificationType: "STATUS_REPORT" },
          messageId: nextMessage(),
        },
      });
    await push([
      { packageName: "com.example.Game", displayName: "Fun Game", state: "INSTALLED" },
      { packageName: "com.android.chrome", displayName: "Chrome", state: "INSTALLED" },
    ]);
    expect((await policyAlerts(d.id)).map((a) => [(a.details as any).apps, a.resolvedAt])).toEqual([
      [["Fun Game (com.example.Game)"], null],
    ]);
    await push([
      { packageName: "com.example.Game", displayName: "Fun Game", state: "REMOVED" },
      { packageName: "com.android.chrome", state: "INSTALLED" },
    ]);
    expect((await policyAlerts(d.id))[0]!.resolvedBy).toBe("system:android");
  });
});

describe("alerts sent in", () => {
  it("refuses an app_policy_violation for an allowed app, and keeps only the violating apps of a mixed one", async () => {
    const d = await aDevice(t.db.prisma, { platform: "ANDROID", imei: "356789012345001" });
    const res = await sendAlerts(t, [
      { type: "app_policy_violation", device: { imei: "356789012345001" }, details: { apps: ["com.google.Maps"] } },
      {
        type: "app_policy_violation",
        device: { imei: "356789012345001" },
        details: { apps: ["com.google.Maps", "com.example.Game"] },
      },
    ]);
    expect(res.json).toMatchObject({
      accepted: 1,
      rejected: [{ index: 0, reason: expect.stringContaining("not a violation") }],
    });
    const [stored] = await policyAlerts(d.id);
    expect(stored!.details).toMatchObject({
      apps: ["com.example.Game"],
      reportedApps: ["com.google.Maps", "com.example.Game"],
    });
  });
});
