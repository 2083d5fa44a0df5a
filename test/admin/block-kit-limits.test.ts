// Every Block Kit payload the app sends, in Japanese and in English, checked against Slack's
// limits (test/support/block-kit.ts) — where Slack would answer invalid_blocks in production.
// Two ways: the real app driven through its flows (incident, alerts, digest, renewals, every
// /mdm subcommand, buttons, App Home, shortcut) with every call to the fake Slack validated; and
// the builders called directly with worst-case data (long names, full lists).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "../../src/core/actors.js";
import type { AdminOverview, DeviceDetail, EmployeeOverview, FoundDevice } from "../../src/core/inventory/index.js";
import { LOCALES, type Locale } from "../../src/i18n/index.js";
import { adminHomeView, employeeHomeView } from "../../src/slack/blocks/home.js";
import { deviceCardBlocks, deviceChoiceBlocks } from "../../src/slack/blocks/device-card.js";
import { importModal, importResultView } from "../../src/slack/blocks/inventory-import.js";
import { reportListBlocks } from "../../src/slack/blocks/report-list.js";
import { helpText, subcommands } from "../../src/slack/mdm/index.js";
import { validateBlocks, validateMessage, validateView } from "../support/block-kit.js";
import { aDepartment, aDevice, aPerson } from "../support/builders.js";
import { ADMIN_1, ALERTS_TOKEN, postJson, startTestApp, type TestApp } from "../support/harness.js";
import { eventually } from "./helpers.js";

const LONG = "とても長いデバイスの名前".repeat(20); // 220 characters: longer than any Slack text field allows for a title

/** Every payload the fake Slack received, validated by its kind. */
function problemsIn(t: TestApp): string[] {
  const out: string[] = [];
  for (const c of t.slack.calls) {
    if (c.failed) continue;
    const where = `${c.method}#${t.slack.calls.indexOf(c)}`;
    if (["chat.postMessage", "chat.update", "chat.postEphemeral"].includes(c.method))
      out.push(...validateMessage(c.args).map((p) => `${where} ${p}`));
    if (c.method.startsWith("views.")) out.push(...validateView(c.args.view).map((p) => `${where} ${p}`));
  }
  for (const r of t.slack.responses) {
    if (r.body && typeof r.body === "object" && (r.body.blocks || r.body.text))
      out.push(...validateMessage(r.body).map((p) => `respond:${r.id} ${p}`));
  }
  return out;
}

describe.each(LOCALES)("every payload the running app sends, in %s", (locale) => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ env: { APP_LOCALE: locale } })));
  afterAll(() => t.close());

  it("stays within Slack's limits through the whole admin day", async () => {
    const db = t.db.prisma;
    const dept = await aDepartment(db, { name: `営業部 ${locale}` });
    const owner = await aPerson(db, {
      name: `山田 花子 ${LONG}`,
      email: `hanako.${locale}@example.co.jp`,
      departmentId: dept.id,
      slackUserId: `UOWNER${locale.toUpperCase()}`,
    });
    const phone = await aDevice(db, {
      name: `iPhone ${LONG}`,
      serial: `SNBK${locale.toUpperCase()}01`,
      ownerId: owner.id,
      supervised: true,
    });
    await aDevice(db, {
      name: `Pixel ${locale}`,
      platform: "ANDROID",
      ownerId: owner.id,
      lastCheckInAt: new Date(t.clock.now().getTime() - 5 * 86_400_000),
    });
    await aDevice(db, { name: `ThinkPad ${locale}`, platform: "WINDOWS", ownerId: owner.id });
    const colleague = await aPerson(db, { name: `佐藤 一郎 ${locale}`, departmentId: dept.id });
    for (let i = 0; i < 12; i++) await aDevice(db, { name: `Fleet iPhone ${i} ${locale}`, ownerId: colleague.id });

    // A loss report: the incident message in the admin channel.
    await t.app.core.reports.create({
      channel: "WEB",
      reporterEmail: owner.email,
      reporterName: owner.name,
      deviceDescription: `iPhone ${LONG}`,
      circumstances: "STOLEN",
      location: `渋谷駅 ${LONG}`,
      contactPhone: "090-1234-5678",
      consentLostMode: true,
      locale,
    });
    // Alerts through the public API, immediate and not.
    const alerts = ["jailbreak", "unenrolled", "app_policy_violation", "root", "geofence", "virus"].map((type) => ({
      type,
      device: { serial: phone.serial },
      details: { apps: [LONG] },
    }));
    expect(
      (await postJson(`${t.url}/api/alerts`, { alerts }, { authorization: `Bearer ${ALERTS_TOKEN}` })).status,
    ).toBe(200);
    // Renewals near their deadline, the reminders, and the digest.
    const now = t.clock.now();
    await db.renewal.create({
      data: {
        kind: "PUSH_CERTIFICATE",
        label: "MDM push certificate",
        expiresAt: new Date(now.getTime() + 10 * 86_400_000),
      },
    });
    await db.renewal.create({
      data: {
        kind: "ANDROID_ENTERPRISE_GMAIL",
        label: "Android Enterprise admin Gmail",
        expiresAt: new Date(now.getTime() + 2 * 86_400_000),
        lastSignInAt: new Date(now.getTime() - 363 * 86_400_000),
      },
    });
    await t.app.core.renewals.sendDueReminders();
    await t.app.core.alerts.postPending();
    await t.app.core.digest.sendNow(SYSTEM);
    await t.flush();

    // Every /mdm subcommand, with and without arguments, and an unknown one.
    const texts = [
      "",
      "help",
      "nonsense",
      "device",
      `device SNBK${locale.toUpperCase()}01`,
      "device Fleet",
      "reports",
      "export",
      "import",
      "lang",
      "lang en",
      "lang auto",
      "cert upload",
      "custody push",
      "custody contact",
      "renewals upload ade",
      "policy import deny",
      "alerts Fleet",
      "digest settings",
    ];
    for (const s of subcommands) texts.push(s.name, `${s.name} list`);
    let n = 0;
    for (const text of texts) {
      const responseId = `bk-${locale}-${n++}`;
      await t.requests.slashCommand({ command: "/mdm", text, user: ADMIN_1, responseId, triggerId: responseId });
      // Each answers with a reply or a modal.
      await eventually(
        () =>
          t.slack.responses.some((r) => r.id === responseId) ||
          t.slack.calls.some((c) => c.method === "views.open" && c.args.trigger_id === responseId),
        `/mdm ${text}`,
      );
    }
    // The incident's buttons, the App Home for an admin and an employee, the shortcut.
    const incident = t.slack.posts("C_ADMIN").find((p) => JSON.stringify(p.blocks ?? "").includes("lost_mode_enable"));
    expect(incident).toBeDefined();
    for (const b of (incident!.blocks as any[]).filter((x) => x.type === "actions")) {
      for (const e of b.elements)
        await t.requests.blockAction({
          user: ADMIN_1,
          actionId: e.action_id,
          value: e.value,
          blockId: b.block_id,
          responseId: `btn-${locale}-${e.action_id}`,
        });
    }
    await t.requests.event({ type: "app_home_opened", user: ADMIN_1, tab: "home" });
    await t.requests.event({ type: "app_home_opened", user: owner.slackUserId!, tab: "home" });
    await t.requests.shortcut({ user: owner.slackUserId!, callbackId: "report_lost_device" });
    await eventually(() => t.slack.callsTo("views.publish").length >= 2, "both Home tabs");
    await eventually(() => t.slack.callsTo("views.open").length >= 2, "the modals");
    await t.flush();

    expect(problemsIn(t)).toEqual([]);
    expect(t.slack.callsTo("chat.postMessage").length).toBeGreaterThan(3);
  });
});

describe.each(LOCALES)("the admin builders with worst-case data, in %s", (locale: Locale) => {
  const now = new Date("2026-11-20T01:00:00Z");
  const reader = { locale, timeZone: "Asia/Tokyo", now };
  const owner = {
    id: "p1",
    name: LONG,
    email: `${"x".repeat(60)}@example.co.jp`,
    department: { id: "d1", name: LONG },
  };
  const command = (i: number) => ({
    id: `c${i}`,
    type: ["ENABLE_LOST_MODE", "ERASE_DEVICE", "DEVICE_LOCK", "DEVICE_LOCATION"][i % 4]!,
    state: ["AWAITING_APPROVAL", "QUEUED", "ERROR", "ACKNOWLEDGED"][i % 4]!,
    requestedAt: now,
    completedAt: null,
    expiresAt: null,
    error: LONG,
    result: { latitude: 35.6, longitude: 139.7 },
    requestedBy: owner,
    approvedBy: null,
  });
  const device = (over: Record<string, unknown> = {}) =>
    ({
      id: "dev1",
      platform: "IOS",
      name: LONG,
      model: LONG,
      serial: "S".repeat(40),
      udid: "U".repeat(40),
      imei: "3".repeat(15),
      phoneNumber: "090",
      supervised: true,
      ade: true,
      state: "LOST_MODE",
      passcodePresent: null,
      lastCheckInAt: now,
      owner,
      commands: Array.from({ length: 8 }, (_, i) => command(i)),
      reports: [{ report: { id: "r1", reference: "LR-2026-9999", status: "LOST_MODE_ENABLED", createdAt: now } }],
      _count: { alerts: 12 },
      ...over,
    }) as unknown as DeviceDetail;

  it("device card, for every state and platform", () => {
    for (const platform of ["IOS", "IPADOS", "MACOS", "ANDROID", "WINDOWS"]) {
      for (const state of ["MANAGED", "LOST_MODE", "WIPED", "UNENROLLED", "AWAITING_REENROLLMENT"]) {
        for (const supervised of [true, false]) {
          expect(validateBlocks(deviceCardBlocks(device({ platform, state, supervised }), reader))).toEqual([]);
        }
      }
    }
    expect(
      validateBlocks(deviceCardBlocks(device({ owner: null, commands: [], reports: [], lastCheckInAt: null }), reader)),
    ).toEqual([]);
  });

  it("device search results and the open-reports list at their longest", () => {
    const found = Array.from({ length: 11 }, (_, i) => ({ ...device(), id: `d${i}` })) as unknown as FoundDevice[];
    expect(validateBlocks(deviceChoiceBlocks(found, LONG, locale, 10))).toEqual([]);
    const reports = Array.from({ length: 20 }, (_, i) => ({
      id: `r${i}`,
      reference: `LR-2026-${i}`,
      status: "WIPE_REQUESTED",
      createdAt: now,
      deviceDescription: LONG,
      reporterName: LONG,
      reporterEmail: "a@b.c",
      devices: Array.from({ length: 5 }, (_, j) => ({ device: { id: `d${j}`, name: LONG } })),
    }));
    expect(validateBlocks(reportListBlocks(reports as never, { locale, now }))).toEqual([]);
  });

  it("App Home for an administrator with every list full, and for an employee", () => {
    const full = <T>(make: (i: number) => T) => Array.from({ length: 8 }, (_, i) => make(i));
    const overview = {
      // Open incidents with their buttons are checked on real data (home-incidents.test.ts).
      incidents: [],
      openCount: 120,
      approvals: full((i) => ({
        id: `c${i}`,
        type: "ERASE_DEVICE",
        requestedAt: now,
        device: { name: LONG },
        requestedBy: { name: LONG, email: "a@b.c" },
        report: { reference: "LR-2026-1" },
      })),
      approvalCount: 30,
      renewals: full((i) => ({
        id: `n${i}`,
        label: LONG,
        expiresAt: new Date(now.getTime() + (i * 20 - 30) * 86_400_000),
      })),
      silent: full((i) => ({
        id: `s${i}`,
        platform: "ANDROID",
        name: LONG,
        lastCheckInAt: i ? now : null,
        owner: { name: LONG },
      })),
      silentCount: 500,
    } as unknown as AdminOverview;
    expect(
      validateView(adminHomeView(overview, { ...reader, portalUrl: "https://portal.example.co.jp/report" })),
    ).toEqual([]);
    const mine = {
      devices: full((i) => ({
        id: `d${i}`,
        platform: "MACOS",
        name: LONG,
        model: LONG,
        state: "MANAGED",
        lastCheckInAt: now,
      })),
      reports: full((i) => ({
        id: `r${i}`,
        reference: `LR-2026-${i}`,
        status: "LOST_MODE_ENABLED",
        createdAt: now,
        deviceDescription: LONG,
        events: i % 2 ? [{ id: `e${i}` }] : [],
      })),
      openCount: 40,
    } as unknown as EmployeeOverview;
    expect(validateView(employeeHomeView(mine, reader))).toEqual([]);
    expect(validateView(employeeHomeView({ devices: [], reports: [], openCount: 0 }, reader))).toEqual([]);
  });

  it("import modal and its result, and the /mdm help", () => {
    expect(validateView(importModal(locale))).toEqual([]);
    expect(
      validateView(
        importResultView(
          {
            lines: 5000,
            peopleCreated: 4000,
            peopleUpdated: 1000,
            devicesCreated: 5000,
            devicesUpdated: 0,
            departmentsCreated: 99,
          },
          locale,
        ),
      ),
    ).toEqual([]);
    expect(validateMessage({ text: helpText(locale, "x".repeat(3000)) })).toEqual([]);
  });
});
