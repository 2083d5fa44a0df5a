// Where alerts go, as the vendor's alert mail settings have it (重要なアラート通知設定), changed from
// Slack: per type "post at once" (defaults from the table; digest-only types cannot be ticked),
// DMs to owners and to their department admins carrying each alert's facts, the 10:00 summary
// always on. Through the real HTTP server and the fake Slack, in English and Japanese.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/core/clock.js";
import { aDepartment, aDevice, aPerson } from "../support/builders.js";
import { ADMIN_1, ADMIN_2, ADMIN_CHANNEL, startTestApp, type TestApp } from "../support/harness.js";
import { runJob, sendAlerts, textOf, until } from "./support.js";
import { sequence } from "../support/sequence.js";

const nextResponse = sequence("r-");

const jst = (s: string) => new Date(`${s}+09:00`);
let t: TestApp;
let owner: { id: string; slackUserId: string | null };
let phone: { id: string; udid: string | null };
let pixel: { imei: string | null };

beforeAll(async () => {
  t = await startTestApp({ clock: new ManualClock(jst("2026-11-20T10:30:00")) });
  const dept = await aDepartment(t.db.prisma, { name: "Sales" });
  owner = await aPerson(t.db.prisma, {
    name: "Hanako Sato",
    email: "hanako@corp.example",
    slackUserId: "UOWNERR",
    departmentId: dept.id,
    locale: "ja",
  });
  const boss = await aPerson(t.db.prisma, {
    name: "Boss",
    email: "boss@corp.example",
    slackUserId: "UBOSSR",
    locale: "en",
  });
  await t.db.prisma.departmentAdmin.create({ data: { departmentId: dept.id, personId: boss.id } });
  phone = await aDevice(t.db.prisma, { platform: "IOS", name: "Hanako's iPhone", ownerId: owner.id });
  pixel = await aDevice(t.db.prisma, { platform: "ANDROID", name: "Hanako's Pixel", ownerId: owner.id });
  // A Japanese-reading system admin.
  await aPerson(t.db.prisma, { email: "admin2@corp.example", slackUserId: ADMIN_2, locale: "ja" });
});
afterAll(() => t.close());

async function mdm(text: string, user = ADMIN_1) {
  const id = `${nextResponse()}`;
  await t.requests.slashCommand({ command: "/mdm", text, user, responseId: id });
  return String((await until(() => t.slack.responses.find((r) => r.id === id))).body.text);
}

/** Sends one alert, runs the 5-second posting job, delivers; returns what reached Slack. */
async function alertNow(alert: Record<string, unknown>) {
  t.slack.reset();
  t.clock.advance(2 * 60_000);
  const detectedAt = t.clock.now().toISOString();
  expect((await sendAlerts(t, [{ detectedAt, ...alert }])).json).toMatchObject({ accepted: 1, duplicates: 0 });
  await runJob(t, "alerts.post");
  await t.flush();
  return {
    channel: t.slack.posts(ADMIN_CHANNEL),
    owner: t.slack.posts("DUOWNERR"),
    boss: t.slack.posts("DUBOSSR"),
  };
}

describe("alert routing from /mdm alerts", () => {
  it("shows the seed's defaults, in the reader's language", async () => {
    const en = await mdm("alerts settings");
    expect(en).toContain("Jailbreak (`jailbreak`): on");
    expect(en).toContain("Deep Instinct event (`deep_instinct_event`): digest only");
    expect(en).toContain("Device owners");
    expect(en).toMatch(/Device owners.*: off/);
    expect(en).toContain("The 10:00 summary to the admin channel: always on.");
    const ja = await mdm("alerts settings", ADMIN_2);
    expect(ja).toContain("*アラートの通知先*");
    expect(ja).toContain("Jailbreak(`jailbreak`): 有効");
    expect(ja).toContain("Deep Instinct イベント検知(`deep_instinct_event`): 対象外(日次サマリーのみ)");
    expect(ja).toContain("常に有効");
    expect(ja).not.toContain("Device owners");
  });

  it("a type turned off is not posted at once but still counted in the digest; a digest-only type cannot be turned on", async () => {
    expect(await mdm("alerts set jailbreak off")).toContain("Jailbreak (`jailbreak`): off");
    const off = await alertNow({ type: "jailbreak", device: { udid: phone.udid } });
    expect(off.channel).toHaveLength(0);
    expect(await t.db.prisma.alert.count({ where: { type: "jailbreak", immediate: false } })).toBe(1);

    expect(await mdm("alerts set deep_instinct_event on")).toContain(
      "deep_instinct_event is digest only in the vendor's table",
    );
    expect(await mdm("alerts set deep_instinct_event on", ADMIN_2)).toContain("即時通知の対象外");
    expect(await mdm("alerts set teleported on")).toContain("Unknown alert type `teleported`");
    // Stored in the database: a second app instance on it reads the same.
    expect((await t.app.core.alertRouting.get()).immediate.jailbreak).toBe(false);
    expect(await mdm("alerts set jailbreak on")).toContain("Jailbreak (`jailbreak`): on");
    const on = await alertNow({ type: "jailbreak", device: { udid: phone.udid } });
    expect(on.channel.map((p) => p.text)).toEqual(["Jailbreak detected on Hanako's iPhone"]);
    // Owners' DMs are off by default: only the admin channel heard.
    expect(on.owner).toHaveLength(0);
    expect(on.boss).toHaveLength(0);
  });

  it("owners' and department admins' DMs carry the alert's facts, each in their language", async () => {
    await mdm("alerts set owners on");
    const ownerOnly = await alertNow({ type: "root", device: { imei: pixel.imei } });
    expect(ownerOnly.channel).toHaveLength(1);
    const dm = ownerOnly.owner.at(-1)!;
    expect(dm.text).toContain("Hanako's Pixel から Root 化が検出されました");
    expect(textOf(dm)).toContain("IMEI");
    expect(textOf(dm)).toContain(pixel.imei!);
    expect(textOf(dm)).toContain("サーバーへの通知日時");
    expect(ownerOnly.boss).toHaveLength(0);

    expect(await mdm("alerts set departments on")).toMatch(/department admins — the same: on/);
    const both = await alertNow({ type: "jailbreak", device: { udid: phone.udid } });
    expect(textOf(both.boss.at(-1)!)).toContain("a device of your department");
    expect(textOf(both.boss.at(-1)!)).toContain(phone.udid!);
    // One switch: /mdm digest shows the same setting.
    expect(await mdm("digest settings")).toContain("Owners' own summary: on");
  });

  it("the daily summary lists each alert (device, type, time, detail) to the owner and the department admin", async () => {
    await sendAlerts(t, [
      {
        type: "app_policy_violation",
        device: { udid: phone.udid },
        details: { apps: ["Fun Game (com.example.Game)"] },
      },
      { type: "deep_instinct_event", device: { imei: pixel.imei } },
    ]);
    t.slack.reset();
    t.clock.set(jst("2026-11-21T10:00:00"));
    await runJob(t, "digest");
    await t.flush();
    expect(t.slack.posts(ADMIN_CHANNEL).length).toBeGreaterThan(0);
    const ownerDm = textOf(t.slack.posts("DUOWNERR").at(-1)!);
    expect(ownerDm).toContain("あなたのデバイス — 日次サマリー");
    expect(ownerDm).toContain("Hanako's iPhone* — アプリ利用ポリシー違反 — アプリ名: Fun Game (com.example.Game)");
    expect(ownerDm).toContain("Hanako's Pixel* — Deep Instinct イベント検知");
    expect(ownerDm).toContain("Hanako's Pixel* — root 化");
    const bossDm = textOf(t.slack.posts("DUBOSSR").at(-1)!);
    expect(bossDm).toContain("Devices in your departments — daily summary");
    expect(bossDm).toContain("Hanako's iPhone* — App usage policy violation — App name: Fun Game (com.example.Game)");
    expect(bossDm).toMatch(/\d{1,2}:\d{2}/);
  });

  it("only system admins change it", async () => {
    const employee = await aPerson(t.db.prisma, { email: "e@corp.example", slackUserId: "UEMPR" });
    expect(await mdm("alerts set jailbreak off", employee.slackUserId!)).toMatch(/system admin/i);
    expect((await t.app.core.alertRouting.get()).immediate.jailbreak).toBe(true);
  });
});

describe("alert routing from the App Home", () => {
  it("the Home's Alert settings button opens the form with the current ticks; submitting saves every type it lists", async () => {
    await t.requests.event({ type: "app_home_opened", user: ADMIN_1, tab: "home" });
    const home = await until(() => t.slack.callsTo("views.publish").find((c) => c.args.user_id === ADMIN_1));
    expect(JSON.stringify(home.args.view)).toContain("home_alert_routing");
    t.slack.reset();
    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "home_alert_routing",
      value: "routing",
      view: { id: "VHOME", type: "home" },
    });
    const opened = await until(() => t.slack.callsTo("views.open")[0]);
    const view = typeof opened.args.view === "string" ? JSON.parse(opened.args.view) : opened.args.view;
    expect(view.callback_id).toBe("alert_routing");
    const ticks = JSON.stringify(view.blocks);
    expect(ticks).toContain("Left MDM management");
    expect(ticks).not.toContain("Deep Instinct");

    await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: "alert_routing",
      values: {
        routing_immediate: { value: { selectedOptions: ["unenrolled", "app_policy_violation"] } },
        routing_people: { value: { selectedOptions: ["owners"] } },
      },
    });
    await until(async () => (await t.app.core.alertRouting.get()).immediate.jailbreak === false);
    const r = await t.app.core.alertRouting.get();
    expect(r).toMatchObject({ owners: true, departmentAdmins: false });
    expect(r.immediate).toMatchObject({ unenrolled: true, app_policy_violation: true, root: false, virus: false });
    expect(await t.db.prisma.auditEntry.count({ where: { action: "alerts.routing" } })).toBeGreaterThan(0);

    // The Japanese admin's form is in Japanese.
    t.slack.reset();
    await t.requests.blockAction({
      user: ADMIN_2,
      actionId: "home_alert_routing",
      value: "routing",
      view: { id: "VHOME2", type: "home" },
    });
    const ja = await until(() => t.slack.callsTo("views.open")[0]);
    const jaView = JSON.stringify(ja.args.view);
    expect(jaView).toContain("アラートの通知設定");
    expect(jaView).toContain("MDM 管理下からの離脱");
  });
});

describe("IMMEDIATE_ALERTS", () => {
  it("false only makes every type start off; a type turned on in Slack is posted at once", async () => {
    const off = await startTestApp({ env: { IMMEDIATE_ALERTS: "false" } });
    try {
      const d = await aDevice(off.db.prisma, { platform: "IOS", name: "Quiet iPhone" });
      expect(Object.values((await off.app.core.alertRouting.get()).immediate).some(Boolean)).toBe(false);
      await sendAlerts(off, [{ type: "jailbreak", device: { udid: d.udid } }]);
      await runJob(off, "alerts.post");
      await off.flush();
      expect(off.slack.posts(ADMIN_CHANNEL)).toHaveLength(0);
      await off.app.core.alertRouting.update(await off.app.core.actors.fromSlack(ADMIN_1), {
        immediate: { jailbreak: true },
      });
      off.clock.advance(60_000);
      await sendAlerts(off, [{ type: "jailbreak", device: { udid: d.udid }, id: "second" }]);
      await runJob(off, "alerts.post");
      await off.flush();
      expect(off.slack.posts(ADMIN_CHANNEL).map((p) => p.text)).toEqual(["Jailbreak detected on Quiet iPhone"]);
    } finally {
      await off.close();
    }
  });
});
