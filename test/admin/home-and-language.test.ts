// The App Home for an administrator and for an employee, the "Report lost device" shortcut, and
// each person reading the bot in their own language and time zone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, startTestApp, type TestApp } from "../support/harness.js";
import { aDevice, aPerson } from "../support/builders.js";
import { validateView } from "../support/block-kit.js";
import { eventually, nextId, responseTo } from "./helpers.js";
import { openHome as openHomeOf } from "../support/slack-views.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const DAY = 86_400_000;

const openHome = (user: string) => openHomeOf(t, user);

const textOf = (view: { blocks: any[] }) => JSON.stringify(view.blocks);

describe("App Home for an administrator", () => {
  it("shows open incidents with age, second approvals, renewals by days left (red under 14), silent devices", async () => {
    const now = t.clock.now();
    const phone = await aDevice(t.db.prisma, {
      name: "Sales iPhone 7",
      lastCheckInAt: new Date(now.getTime() - 3 * DAY),
    });
    await t.db.prisma.lossReport.create({
      data: {
        reference: "LR-2026-0007",
        statusTokenHash: "home-1",
        channel: "SLACK",
        reporterEmail: "x@example.co.jp",
        deviceDescription: "iPhone",
        circumstances: "STOLEN",
        status: "LOST_MODE_REQUESTED",
        createdAt: new Date(now.getTime() - 2 * 3_600_000),
        devices: { create: { deviceId: phone.id } },
      },
    });
    const requester = await aPerson(t.db.prisma, { name: "佐藤 一郎" });
    await t.db.prisma.command.create({
      data: {
        deviceId: phone.id,
        type: "ERASE_DEVICE",
        state: "AWAITING_APPROVAL",
        requestedById: requester.id,
        requestedAt: now,
      },
    });
    await t.db.prisma.renewal.create({
      data: {
        kind: "PUSH_CERTIFICATE",
        label: "Apple push certificate",
        expiresAt: new Date(now.getTime() + 10 * DAY + 3_600_000),
      },
    });
    await t.db.prisma.renewal.create({
      data: { kind: "ADE_TOKEN", label: "ADE token", expiresAt: new Date(now.getTime() + 45 * DAY + 3_600_000) },
    });

    const view = await openHome(ADMIN_1);
    expect(view.type).toBe("home");
    expect(validateView(view)).toEqual([]);
    const text = textOf(view);
    expect(text).toContain("Open incidents (1)");
    expect(text).toMatch(/LR-2026-0007\* · Lost mode requested for the device · 2 h ago/);
    expect(text).toContain("Awaiting a second approval (1)");
    expect(text).toContain("佐藤 一郎");
    expect(text).toMatch(/:red_circle: \*MDM push certificate\* — 10 days left/);
    expect(text).toMatch(/:large_yellow_circle: \*ADE \(DEP\) server token\* — 45 days left/);
    expect(text).toContain("No response past the threshold (");
    expect(text).toContain("Sales iPhone 7");
    const actions = view.blocks.flatMap((b) => b.elements ?? []).map((e: any) => e.action_id);
    expect(actions).toEqual(
      expect.arrayContaining(["home_report_lost", "home_refresh", "home_set_language_ja", "home_set_language_en"]),
    );
  });
});

describe("App Home kept current", () => {
  it("re-publishes an administrator's Home when a report comes in, without them reopening it", async () => {
    await openHome(ADMIN_1);
    const before = t.slack.callsTo("views.publish").length;
    await t.app.core.reports.create({
      channel: "WEB",
      reporterEmail: "new.reporter@example.co.jp",
      reporterName: "森 由紀",
      deviceDescription: "Galaxy",
      circumstances: "LOST",
      consentLostMode: true,
      locale: "ja",
    });
    await t.flush();
    const refreshed = t.slack
      .callsTo("views.publish")
      .slice(before)
      .find((c) => c.args.user_id === ADMIN_1);
    expect(refreshed).toBeDefined();
    expect(validateView(refreshed!.args.view)).toEqual([]);
    expect(JSON.stringify(refreshed!.args.view)).toContain("Open incidents (2)");
  });
});

describe("App Home for an employee", () => {
  it("shows their own devices and reports and the report button, and nothing of the admin lists", async () => {
    const me = await aPerson(t.db.prisma, { slackUserId: "UEMP0001", name: "田中 美咲" });
    await aDevice(t.db.prisma, { name: "Misaki's iPhone", ownerId: me.id });
    await aDevice(t.db.prisma, { name: "Someone else's Pixel", platform: "ANDROID" });
    await t.db.prisma.lossReport.create({
      data: {
        reference: "LR-2026-0042",
        statusTokenHash: "home-2",
        channel: "WEB",
        reporterId: me.id,
        reporterEmail: me.email,
        deviceDescription: "my iPad",
        circumstances: "LOST",
      },
    });
    const view = await openHome("UEMP0001");
    expect(validateView(view)).toEqual([]);
    const text = textOf(view);
    expect(text).toContain("Misaki's iPhone");
    expect(text).toContain("LR-2026-0042");
    expect(text).not.toContain("Someone else's Pixel");
    expect(text).not.toContain("Awaiting a second approval");
    expect(view.blocks.flatMap((b) => b.elements ?? []).map((e: any) => e.action_id)).toContain("home_report_lost");
    // Reporting is safe and wanted: the button invites (primary), it does not warn (danger).
    const report = view.blocks.flatMap((b) => b.elements ?? []).find((e: any) => e.action_id === "home_report_lost");
    expect((report as any).style).toBe("primary");
  });

  it("lets the employee switch the Home to Japanese with one button", async () => {
    await t.requests.blockAction({
      user: "UEMP0001",
      actionId: "home_set_language_ja",
      value: "ja",
      view: { id: "V1", type: "home" },
    });
    const view = await eventually(() =>
      t.slack
        .callsTo("views.publish")
        .map((c) => c.args)
        .reverse()
        .find((a) => a.user_id === "UEMP0001" && JSON.stringify(a.view).includes("あなたのデバイス")),
    );
    expect(validateView(view.view)).toEqual([]);
    expect((await t.db.prisma.person.findUniqueOrThrow({ where: { slackUserId: "UEMP0001" } })).locale).toBe("ja");
  });
});

describe("Report lost device from anywhere", () => {
  it("opens the /lost report modal from the global shortcut, the message shortcut and the Home button", async () => {
    const before = t.slack.callsTo("views.open").length;
    const res = await t.requests.shortcut({
      user: "UEMP0001",
      callbackId: "report_lost_device",
      triggerId: "trig-shortcut",
    });
    expect(res.status).toBe(200);
    const open = await eventually(() =>
      t.slack
        .callsTo("views.open")
        .slice(before)
        .find((c) => c.args.trigger_id === "trig-shortcut"),
    );
    expect(open.args.view.type).toBe("modal");
    expect(validateView(open.args.view)).toEqual([]);
    await t.requests.shortcut({
      user: "UEMP0001",
      callbackId: "report_lost_device_message",
      triggerId: "trig-message",
    });
    await eventually(() => t.slack.callsTo("views.open").find((c) => c.args.trigger_id === "trig-message"));

    await t.requests.blockAction({
      user: "UEMP0001",
      actionId: "home_report_lost",
      value: "report",
      triggerId: "trig-home",
      view: { id: "V1", type: "home" },
    });
    const fromHome = await eventually(() =>
      t.slack.callsTo("views.open").find((c) => c.args.trigger_id === "trig-home"),
    );
    // …the very modal /lost opens.
    await t.requests.slashCommand({ command: "/lost", user: "UEMP0001", triggerId: "trig-lost" });
    const fromLost = await eventually(() =>
      t.slack.callsTo("views.open").find((c) => c.args.trigger_id === "trig-lost"),
    );
    for (const view of [open.args.view, fromHome.args.view]) {
      expect(view.callback_id).toBe(fromLost.args.view.callback_id);
      expect(view.title).toEqual(fromLost.args.view.title);
    }
  });
});

describe("language and time zone per person", () => {
  it("answers a Japanese user in Japanese and an English user in English, each in their own time zone", async () => {
    t.slack.addUser({ id: "UJA00001", email: "ja.admin@example.co.jp", locale: "ja-JP", tz: "Asia/Tokyo" });
    t.slack.addUser({ id: "UEN00001", email: "en.admin@example.co.jp", locale: "en-US", tz: "America/New_York" });
    await aPerson(t.db.prisma, { slackUserId: "UJA00001", email: "ja.admin@example.co.jp", isSystemAdmin: true });
    await aPerson(t.db.prisma, { slackUserId: "UEN00001", email: "en.admin@example.co.jp", isSystemAdmin: true });
    await aDevice(t.db.prisma, {
      name: "Shared iPad",
      platform: "IPADOS",
      serial: "SNLANG0001",
      lastCheckInAt: new Date("2026-11-19T23:30:00Z"),
    });

    const ask = async (user: string) => {
      const responseId = nextId("lang");
      await t.requests.slashCommand({ command: "/mdm", text: "device SNLANG0001", user, responseId });
      return JSON.stringify((await responseTo(t.slack, responseId)).blocks);
    };
    const ja = await ask("UJA00001");
    const en = await ask("UEN00001");
    expect(ja).toContain("最終応答");
    expect(ja).toContain("11月20日(金) 08:30");
    expect(ja).not.toMatch(/JST|GMT/);
    expect(en).toContain("Last check-in");
    expect(en).toMatch(/Thu 19 Nov, 18:30 (EST|GMT-5)/);
  });

  it("keeps a person's own choice over Slack's, and /mdm lang auto goes back to Slack's", async () => {
    const say = async (text: string) => {
      const responseId = nextId("langset");
      await t.requests.slashCommand({ command: "/mdm", text, user: "UEN00001", responseId });
      return (await responseTo(t.slack, responseId)).text as string;
    };
    expect(await say("lang ja Asia/Tokyo")).toContain("日本語で、時刻は Asia/Tokyo で表示します");
    expect(await say("help")).toContain("`/lost`");
    expect(await say("lang auto")).toContain("English");
    expect(await say("lang klingon")).toContain("/mdm lang ja|en|auto");
  });
});
