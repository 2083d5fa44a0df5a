// Immediate posts: each immediate type and OS gets its post with the seed's fields; summary-only
// types never post at once; a flood is grouped; the buttons resolve and open.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aPerson, aDevice, aDepartment } from "../support/builders.js";
import { ADMIN_1, startTestApp, type TestApp } from "../support/harness.js";
import { runJob, sendAlerts, textOf, until } from "./support.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

/** Sends one alert, lets the posting job run, and returns what reached the admin channel. */
async function postOne(alert: Record<string, unknown>) {
  t.slack.reset();
  // Past any flood window an earlier test opened.
  t.clock.advance(2 * 60_000);
  const res = await sendAlerts(t, [alert]);
  expect(res.json).toMatchObject({ accepted: 1, rejected: [] });
  await runJob(t, "alerts.post");
  await t.flush();
  return t.slack.posts("C_ADMIN");
}

describe("immediate alerts", () => {
  it("posts each immediate type with the seed's title and the fields for its OS", async () => {
    const owner = await aPerson(t.db.prisma, { name: "Hanako Sato", email: "hanako@example.co.jp" });
    const iphone = await aDevice(t.db.prisma, { platform: "IOS", name: "Hanako's iPhone", ownerId: owner.id });
    const mac = await aDevice(t.db.prisma, { platform: "MACOS", name: "Build Mac" });
    const pixel = await aDevice(t.db.prisma, { platform: "ANDROID", name: "Field Pixel", ownerId: owner.id });
    const thinkpad = await aDevice(t.db.prisma, { platform: "WINDOWS", name: "Sales ThinkPad" });

    const cases: { alert: Record<string, unknown>; title: string; has: string[]; hasNot?: string[] }[] = [
      {
        alert: { type: "unenrolled", device: { udid: iphone.udid } },
        title: "Hanako's iPhone left MDM management",
        has: ["UDID", iphone.udid!, "Hanako Sato", "Time notified"],
        hasNot: ["IMEI"],
      },
      {
        alert: { type: "unenrolled", device: { serial: mac.serial } },
        title: "Build Mac left MDM management",
        has: ["UDID", mac.udid!, "*Owner:* —"],
      },
      {
        alert: { type: "jailbreak", device: { udid: iphone.udid }, details: { domain: "example-corp" } },
        title: "Jailbreak detected on Hanako's iPhone",
        has: ["*Domain:* example-corp", "*Device name:* Hanako's iPhone"],
      },
      {
        alert: { type: "app_policy_violation", device: { udid: iphone.udid }, details: { apps: ["com.example.Game"] } },
        title: "App usage policy violation detected on Hanako's iPhone",
        has: ["*App name:* com.example.Game"],
      },
      {
        alert: {
          type: "app_policy_violation",
          device: { imei: pixel.imei },
          details: { apps: ["com.bad.One", "com.bad.Two"] },
        },
        title: "App usage policy violation detected on Field Pixel",
        has: ["IMEI", pixel.imei!, "*App name:* com.bad.One", "*App name:* com.bad.Two"],
        hasNot: ["UDID"],
      },
      {
        alert: { type: "tampering", device: { imei: pixel.imei } },
        title: "Tampering detected on Field Pixel",
        has: ["IMEI"],
      },
      { alert: { type: "root", device: { imei: pixel.imei } }, title: "Root detected on Field Pixel", has: ["IMEI"] },
      {
        alert: {
          type: "unauthorized_sim",
          device: { imei: pixel.imei },
          details: { currentSim: null, allowedSim: "8981100000000000001", simDetectedAt: "2026-11-20T09:30:00+09:00" },
        },
        title: "Unauthorised SIM card used in Field Pixel",
        has: [
          "*Current SIM:* No SIM card",
          "*SIM set by the administrator:* 8981100000000000001",
          "SIM card detected at",
        ],
      },
      {
        alert: { type: "unknown_sources", device: { imei: pixel.imei } },
        title: "Installing apps from unknown sources allowed on Field Pixel",
        has: ["IMEI"],
      },
      {
        alert: {
          type: "geofence",
          device: { imei: pixel.imei },
          details: { lockState: "locked", location: { latitude: 35.6812, longitude: 139.7671 } },
        },
        title: "Field Pixel taken outside the geofence",
        has: ["*Lock state:* locked", "35.6812, 139.7671", "Taken out at"],
      },
      {
        alert: {
          type: "geofence",
          device: { imei: pixel.imei },
          details: { lockState: "unlocked" },
          detectedAt: "2026-11-20T10:05:00+09:00",
        },
        title: "Field Pixel taken outside the geofence",
        has: ["The location could not be obtained"],
      },
      {
        alert: {
          type: "virus",
          device: { imei: pixel.imei },
          details: { virusDetectedAt: "2026-11-20T08:00:00+09:00" },
        },
        title: "Virus detected on Field Pixel",
        has: ["Virus detected at"],
      },
      {
        alert: { type: "virusscan_missing", device: { imei: pixel.imei } },
        title: "VirusScan app not installed on Field Pixel",
        has: ["IMEI"],
      },
      {
        alert: { type: "virusscan_missing", device: { serial: thinkpad.serial } },
        title: "VirusScan app not installed on Sales ThinkPad",
        has: ["*Serial number:* " + thinkpad.serial],
        hasNot: ["IMEI", "UDID"],
      },
      {
        alert: { type: "onebe_violation", device: { serial: thinkpad.serial } },
        title: "OneBe policy violation detected on Sales ThinkPad",
        has: ["Serial number"],
      },
    ];
    for (const c of cases) {
      const posts = await postOne(c.alert);
      expect(posts, c.title).toHaveLength(1);
      const text = textOf(posts[0]!);
      expect(posts[0]!.text).toBe(c.title);
      for (const s of c.has) expect(text, `${c.title}: ${s}`).toContain(s);
      for (const s of c.hasNot ?? []) expect(text, `${c.title}: not ${s}`).not.toContain(s);
      expect(text).toContain("alert_resolve");
      expect(text).toContain("alert_open_device");
    }
  });

  it("posts within seconds when the schedules run for real (cron every 5 s through the run coordinator)", async () => {
    const live = await startTestApp({ schedule: true });
    try {
      const iphone = await aDevice(live.db.prisma, { platform: "IOS", name: "Live iPhone" });
      await sendAlerts(live, [{ type: "jailbreak", device: { udid: iphone.udid } }]);
      const post = await until(async () => {
        await live.flush();
        return live.slack.posts("C_ADMIN").find((p) => p.text === "Jailbreak detected on Live iPhone");
      }, "the alert posted by the scheduled job");
      expect(post).toBeDefined();
      expect(await live.db.prisma.jobRun.count({ where: { job: "alerts.post" } })).toBeGreaterThan(0);
    } finally {
      await live.close();
    }
  });

  it("never posts summary-only types at once, nor a type outside its OS row", async () => {
    const pixel = await aDevice(t.db.prisma, { platform: "ANDROID" });
    const iphone = await aDevice(t.db.prisma, { platform: "IOS" });
    for (const alert of [
      { type: "device_admin_missing", device: { imei: pixel.imei } },
      { type: "deep_instinct_disabled", device: { imei: pixel.imei } },
      { type: "deep_instinct_event", device: { imei: pixel.imei } },
      { type: "deep_instinct_suspicious", device: { imei: pixel.imei } },
      { type: "jailbreak", device: { imei: pixel.imei } }, // jailbreak is an iOS alert
      { type: "root", device: { udid: iphone.udid } }, // root is an Android alert
    ]) {
      expect(await postOne(alert)).toHaveLength(0);
    }
    expect(
      await t.db.prisma.alert.count({ where: { deviceId: { in: [pixel.id, iphone.id] }, immediate: false } }),
    ).toBe(6);
  });

  it("Japanese readers get the seed's Japanese subject", async () => {
    const ja = await startTestApp({ env: { APP_LOCALE: "ja" } });
    try {
      const iphone = await aDevice(ja.db.prisma, { platform: "IOS", name: "営業部iPhone" });
      await sendAlerts(ja, [{ type: "jailbreak", device: { udid: iphone.udid } }]);
      await runJob(ja, "alerts.post");
      await ja.flush();
      const [post] = ja.slack.posts("C_ADMIN");
      expect(post!.text).toBe("営業部iPhone から Jailbreak が検出されました");
      expect(textOf(post!)).toContain("サーバーへの通知日時");
    } finally {
      await ja.close();
    }
  });

  it("groups a flood into one post with a CSV, and holds further posts for a minute", async () => {
    t.slack.reset();
    t.clock.advance(10 * 60_000);
    const devices: { imei: string | null }[] = [];
    for (let i = 0; i < 20; i++)
      devices.push(await aDevice(t.db.prisma, { platform: "ANDROID", name: `Flood Pixel ${i}` }));
    const batch = Array.from({ length: 300 }, (_, i) => ({
      id: `flood-${i}`,
      type: i % 2 ? "root" : "virus",
      device: { imei: devices[i % 20]!.imei },
    }));
    expect((await sendAlerts(t, batch)).json.accepted).toBe(300);
    await runJob(t, "alerts.post");
    await t.flush();
    let posts = t.slack.posts("C_ADMIN");
    expect(posts).toHaveLength(1);
    expect(posts[0]!.text).toBe("300 alerts arrived together");
    expect(textOf(posts[0]!)).toContain("Virus detected: 150");
    const [csv] = t.slack.uploads;
    expect(csv!.threadTs).toBeDefined();
    expect(csv!.content.toString().trim().split("\r\n")).toHaveLength(301);

    // More keep arriving, one request at a time, within the minute: nothing more is posted yet.
    for (let i = 0; i < 50; i++) {
      t.clock.advance(1_000);
      await sendAlerts(t, [{ id: `late-${i}`, type: "root", device: { imei: devices[i % 20]!.imei } }]);
      if (i % 5 === 0) await runJob(t, "alerts.post");
    }
    await t.flush();
    expect(t.slack.posts("C_ADMIN")).toHaveLength(1);
    t.clock.advance(15_000);
    await runJob(t, "alerts.post");
    await t.flush();
    posts = t.slack.posts("C_ADMIN");
    expect(posts).toHaveLength(2);
    expect(posts[1]!.text).toBe("50 alerts arrived together");
  });

  it("marks an alert resolved from its post, for an admin of the device only", async () => {
    const dept = await aDepartment(t.db.prisma);
    const owner = await aPerson(t.db.prisma, { departmentId: dept.id });
    const iphone = await aDevice(t.db.prisma, { platform: "IOS", name: "Resolve iPhone", ownerId: owner.id });
    const [post] = await postOne({ type: "jailbreak", device: { udid: iphone.udid } });
    expect(post!.text).toBe("Jailbreak detected on Resolve iPhone");
    const alert = await t.db.prisma.alert.findFirstOrThrow({ where: { deviceId: iphone.id } });
    t.slack.reset();

    const stranger = await aPerson(t.db.prisma);
    await t.requests.blockAction({
      user: stranger.slackUserId!,
      actionId: "alert_resolve",
      value: alert.id,
      responseId: "stranger",
    });
    const refused = await until(() => t.slack.responses.find((r) => r.id === "stranger"));
    expect(refused.body.text).toMatch(/not allowed/);
    expect((await t.db.prisma.alert.findUniqueOrThrow({ where: { id: alert.id } })).resolvedAt).toBeNull();

    await t.requests.blockAction({ user: ADMIN_1, actionId: "alert_resolve", value: alert.id, responseId: "admin" });
    await until(() => t.slack.responses.find((r) => r.id === "admin"));
    const resolved = await t.db.prisma.alert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(resolved).toMatchObject({ resolvedBy: `slack:${ADMIN_1}` });
    await t.flush();
    const [update] = t.slack.callsTo("chat.update");
    expect(update!.args.ts).toBe(
      (await t.db.prisma.slackMessageRef.findUniqueOrThrow({ where: { key: `alert:${alert.id}` } })).ts,
    );
    expect(textOf(update!.args)).toContain(`Resolved by <@${ADMIN_1}>`);
    expect(textOf(update!.args)).not.toContain("alert_resolve");

    // A second click: already done, and said so.
    await t.requests.blockAction({ user: ADMIN_1, actionId: "alert_resolve", value: alert.id, responseId: "again" });
    expect((await until(() => t.slack.responses.find((r) => r.id === "again"))).body.text).toMatch(/already resolved/);
    // A Japanese administrator clicking it reads the same refusal in Japanese.
    t.slack.addUser({ id: "UJARES01", email: "ja.resolve@example.co.jp", locale: "ja-JP" });
    await aPerson(t.db.prisma, { slackUserId: "UJARES01", email: "ja.resolve@example.co.jp", isSystemAdmin: true });
    await t.requests.blockAction({ user: "UJARES01", actionId: "alert_resolve", value: alert.id, responseId: "ja" });
    expect((await until(() => t.slack.responses.find((r) => r.id === "ja"))).body.text).toContain(
      "すでに他の人が操作しました: このアラートはすでに解決済みです",
    );
  });

  it("lists a device's open alerts from the post's button and from /mdm alerts", async () => {
    const pixel = await aDevice(t.db.prisma, { platform: "ANDROID", name: "Audit Pixel" });
    await sendAlerts(t, [
      { type: "root", device: { imei: pixel.imei } },
      { type: "deep_instinct_event", device: { imei: pixel.imei } },
    ]);
    await t.requests.blockAction({ user: ADMIN_1, actionId: "alert_open_device", value: pixel.id, responseId: "open" });
    const open = await until(() => t.slack.responses.find((r) => r.id === "open"));
    expect(textOf(open.body)).toContain("Open alerts: 2");
    expect(textOf(open.body)).toContain("Root detected on Audit Pixel");

    await t.requests.slashCommand({
      command: "/mdm",
      text: "alerts audit pixel",
      user: ADMIN_1,
      responseId: "mdm-alerts",
    });
    const listed = await until(() => t.slack.responses.find((r) => r.id === "mdm-alerts"));
    expect(textOf(listed.body)).toContain("Deep Instinct event on Audit Pixel");

    await t.requests.slashCommand({
      command: "/mdm",
      text: "alerts nothing-like-this",
      user: ADMIN_1,
      responseId: "mdm-none",
    });
    expect((await until(() => t.slack.responses.find((r) => r.id === "mdm-none"))).body.text).toMatch(/Not found/);
  });
});
