// Every builder in src/slack/blocks, found by walking the modules' exports (a new builder is in
// this test the day it is written), called with hostile values — mentions, broadcasts, a
// disguised link, every mrkdwn format and a quote, NUL, a lone surrogate, emoji, Japanese, and
// 5,000 characters of it all — and its output passed through the Slack edge as every payload is.
// Whatever it holds: nothing in a string Slack reads as mrkdwn mentions, links, formats or
// quotes; no string carries NUL, a lone surrogate or one of the edge's markers; every Block Kit
// limit holds; no builder throws. The big inputs (incident, device card, Home tabs, digest,
// checklist, renewals, custody, certificates) are what the core reads back from a real database
// seeded with the value; the rest are minimal typed fixtures.
import { readdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadIncident } from "../../src/core/reports/incident.js";
import { renderForSlack, slackText } from "../../src/slack/edge.js";
import { loadAlertViews } from "../../src/slack/notifications/alert-views.js";
import { aCustodyAccount, aDepartment, aDevice, aPerson, aRenewal } from "../support/builders.js";
import { validateBlocks, validateMessage, validateView } from "../support/block-kit.js";
import { ADMIN_1, startTestApp, type TestApp } from "../support/harness.js";
import { BROKEN, strings } from "./slack-edge-walk.js";

const MENTIONS = "<!channel> <!here> <@U123> <#C123> <https://evil.example|bank>";
const FORMATS = "*bold* _x_ ~x~ `x`\n> quote";
const UNICODE = "紛失した端末 📱👩🏽‍💻 \u0000 broken \uD800 pair";
const VARIANTS: [string, string][] = [
  ["mentions", MENTIONS],
  ["formats", FORMATS],
  ["unicode", UNICODE],
  ["5,000 characters", `${MENTIONS} ${FORMATS} ${UNICODE} `.repeat(60).slice(0, 5000)],
];
const LIVE: [string, RegExp][] = [
  ["broadcast", /<!(channel|here|everyone)/],
  ["mention", /<[@#][UWC]123/],
  ["link", /<https?:\/\/evil/],
  ["bold", /\*bold\*/],
  ["italic", /_x_/],
  ["strike", /~x~/],
  ["code", /`x`/],
  ["quote", /(^|\n)(&gt;|>) ?quote/],
];

/**
 * Exports that are not builders of something Slack shows, or that cannot be walked alone: each
 * with its reason. Keep it short; a builder belongs in FIXTURES.
 */
const NOT_WALKED: Record<string, string> = {
  "alert-routing.routingFromForm": "reads a submitted form's values; builds nothing",
  "apple.eraseOptionsFromValues": "reads a submitted form's values; builds nothing",
  "alerts.alertsCsvRows": "CSV cells for a file's bytes, never read as mrkdwn (the CSV tests cover it)",
  "commands.mapUrl": "a URL from two numbers",
  "device-card.age": "a duration from two dates",
  "device-card.stateLabel": "a translation of an enum",
  "digest.formatMinutes": "a number formatted",
  "home.daysLeft": "a number from two dates",
  "incident.buttonValue": "a button's JSON value, data not text",
  "kit.escapeMrkdwn": "the edge's own slackText, tested in slack-edge-everywhere.test.ts",
  "kit.clip": "shortens a string; the builders' limits are checked through them",
  "actor.who": "names an actor id as a mention; walked through every builder that names one",
  "incident.headline": "takes a translator; walked through incidentMessage",
  "device-card.esc": "the edge's slackText under another name",
  "incident.wipeLabel": "picks a catalog key, not text",
};

type Args = unknown[];
type Seeded = Awaited<ReturnType<typeof seed>>;
const ctx = { locale: "en" as const, timeZone: "Asia/Tokyo" };

/** Arguments for each builder, from the value (v), what the core read back (s), and the clock. */
function fixtures(v: string, s: Seeded): Record<string, Args[]> {
  const e = slackText(v);
  const now = s.now;
  const reader = { ...ctx, now };
  const alert = s.alerts[0]!;
  const device = { id: s.deviceId, name: v, platform: "IOS", model: v };
  const claimSide = { platform: "IOS", supervised: true, owner: v, department: v };
  const modal = { ctx: { reportId: s.reportId, deviceId: s.deviceId, channel: "C1", ts: "1.2" } as never };
  return {
    "alert-routing.alertRoutingText": [[s.routing, "en"]],
    "alert-routing.alertRoutingModal": [[s.routing, "ja"]],
    "alerts.alertTitle": [["en", "jailbreak", v]],
    "alerts.alertTypeText": [
      ["en", "jailbreak"],
      ["ja", "app_policy_violation"],
    ],
    "alerts.alertFields": [[alert, ctx]],
    "alerts.alertDetail": [
      ["app_policy_violation", { apps: [v, v] }, "en"],
      ["virus", { virusName: v, note: v }, "ja"],
    ],
    "alerts.alertMessage": s.alerts.map((a) => [a, ctx]),
    "alerts.groupedAlertsMessage": [[s.alerts, ctx]],
    "alerts.personalAlertMessage": [
      [alert, ctx, "owner"],
      [alert, ctx, "departmentAdmin"],
    ],
    "apple.findMyPinText": [["en", "123456", v]],
    "apple.wipeRequestedBlocks": [[{ text: e, commandId: "c1", hasOptions: true, locale: "en" }]],
    "apple.eraseOptionsModal": [
      [
        {
          commandId: "c1",
          deviceName: v,
          available: { PreserveDataPlan: true, DisallowProximitySetup: true },
          chosen: {},
          locale: "en",
        },
      ],
    ],
    "apple.appleCardButtons": [[{ id: s.deviceId }, { pinCommandId: "c1", canClearActivationLock: true }, "en"]],
    "brake.changeText": [[{ kind: "approval", type: "DEVICE_LOCK", required: true }, "en"]],
    "brake.policyText": [
      [s.policy, [{ change: { kind: "wipe_limit", wipeLimitPerHour: 2 }, proposedBy: `slack:${ADMIN_1}` }], "en"],
    ],
    "checklist.assessmentText": [[s.checklist.assessment, "en", ctx.timeZone]],
    "checklist.checklistMessage": [[s.checklist, "en", ctx.timeZone]],
    "checklist.checklistModal": [[s.checklist, "ja"]],
    "command-modals.lostModeModal": [[{ ...modal, deviceName: v, message: v, phone: v, locale: "en" }]],
    "command-modals.lockModal": [
      [{ ...modal, deviceName: v, passcodePresent: true, platform: "MACOS", lostModePossible: false, locale: "en" }],
    ],
    "command-modals.foundModal": [
      [{ ...modal, reference: "LR-2026-0001", lostModeDevices: [{ id: s.deviceId, name: v }], locale: "en" }],
    ],
    "commands.commandLines": [[s.incident.report.devices.flatMap((d) => d.device.commands), "en", ctx.timeZone]],
    "commands.refineDeviceButtons": [
      [
        ["lost_mode_enable", "device_lock", "device_wipe"].map((a) => ({ type: "button", action_id: a, text: plainX })),
        {
          name: v,
          state: "LOST_MODE",
          ade: true,
          commands: [{ id: "w1", type: "ERASE_DEVICE", state: "AWAITING_APPROVAL" }],
        },
        "{}",
        "en",
      ],
    ],
    "commands.wipeCancelButton": [["{}", v, "en"]],
    "commands.approvalButtons": [[{ type: "ERASE_DEVICE", params: { Message: v } }, "{}", v, "en"]],
    "commands.approveButton": [["{}", v, "en"]],
    "commands.wipeConfirm": [
      [{ name: v, ade: true, personal: true }, "en"],
      [{ name: v, ade: false }, "ja"],
    ],
    "commands.commandTypeText": [[{ type: "ENABLE_LOST_MODE", params: { Message: v, PhoneNumber: v } }, "en"]],
    "confirm.confirmDialog": [["device_wipe", "en", { name: v, device: v }, { danger: true }]],
    "custody.custodyLines": [
      ["en", s.custody[0]!.account, v],
      ["ja", null, v],
    ],
    "custody.warningLines": [[["group_missing"], "en"]],
    "custody.custodyText": [[s.custody, ctx]],
    "custody.custodyModal": [["en", "ABM_APPLE_ID", s.custody[0]!.account]],
    "device-alerts.deviceAlertsMessage": [[s.deviceAlerts, "en", ctx.timeZone]],
    "device-card.deviceActionButtons": [[s.detail, s.reportId, "en"]],
    "device-card.deviceCardBlocks": [[s.detail, reader]],
    "device-card.deviceChoiceBlocks": [[s.found, v, "en", 10]],
    "digest.digestMessage": [[s.digest, { ...ctx, day: "2026-11-20", manual: true }]],
    "digest.personalDigestMessage": [
      [
        {
          personId: "p1",
          slackUserId: "U1",
          locale: "en",
          alertCounts: [{ type: "root", count: 2 }],
          alerts: [{ type: "root", deviceName: v, detectedAt: now, details: { note: v } }],
          noResponse: [
            {
              id: s.deviceId,
              name: v,
              platform: "IOS",
              lastResponseAt: now,
              ownerId: "p1",
              ownerName: v,
              departmentId: null,
            },
          ],
        },
        { at: now, since: new Date(now.getTime() - 86_400_000) },
        { ...ctx, kind: "departmentAdmin" },
      ],
    ],
    "enrollment-claim.enrollmentClaimMessage": [
      [{ id: "cl1", deviceName: v, serial: v, udid: v, imei: v }, claimSide, claimSide, "en"],
      [
        { id: "cl1", deviceName: v, serial: null, udid: null, imei: null },
        claimSide,
        claimSide,
        "ja",
        { approved: false, who: `slack:${ADMIN_1}`, at: "Fri 20 Nov, 10:00" },
      ],
    ],
    "file-upload.fileUploadModal": [["en", "cert_upload", "cert.upload.title", "cert.upload.intro", "C_ADMIN"]],
    "handover.handoverMessage": [[s.handover, ctx]],
    "home.languageButtons": [["en"], ["ja"]],
    "home.reportLostButton": [["en"]],
    "home.adminHomeView": [[s.adminHome, { ...reader, portalUrl: "http://portal.test" }]],
    "home.employeeHomeView": [[s.employeeHome, reader]],
    "incident.pickerOption": [
      [s.reportId, { id: s.deviceId, name: v, platform: "IOS", ownerName: v, department: v, serial: v }, "en"],
    ],
    "incident.incidentMessage": [
      [s.incident, "en", ctx.timeZone],
      [s.incident, "ja", ctx.timeZone],
    ],
    "inventory-import.importModal": [["en"]],
    "inventory-import.lineErrorText": [[{ line: 2, field: v, reason: "invalid_email", value: v }, "en"]],
    "inventory-import.importErrorsText": [[[{ line: 2, field: v, reason: "invalid_email", value: v }], "en"]],
    "inventory-import.importResultText": [[s.importSummary, "en"]],
    "inventory-import.importResultView": [[s.importSummary, "ja"]],
    "kit.plain": [[v], [v, 150]],
    // Their text is mrkdwn: a value goes in as its callers put it, through slackText.
    "kit.mrkdwn": [[e]],
    "kit.section": [[e]],
    "kit.context": [[e]],
    "kit.header": [[v]],
    "kit.button": [[v, "a", "{}", "danger"]],
    "lost-report-modal.lostReportModal": [
      [{ locale: "en", email: v, name: v, devices: [{ id: s.deviceId, name: v, platform: "IOS", model: v }] }],
    ],
    "personal.consentQuestion": [
      [{ id: "c1", deviceName: v, reference: "LR-2026-0001", who: `slack:${ADMIN_1}` }, "en"],
    ],
    "personal.fullResetButton": [["{}", v, "en"]],
    "policy.policyText": [[{ mode: "DENY", appIds: [v, v], updatedAt: now }, "en", ctx.timeZone]],
    "policy.policyImportModal": [
      ["en", "ALLOW"],
      ["ja", "DENY"],
    ],
    "push-certificate.certsText": [[s.certs, reader]],
    "push-certificate.certRefusalMessage": [
      // The request rides in the button; the core takes an Apple ID of at most 254 characters.
      ["apple_id_changed", { recorded: v, typed: v, request: JSON.stringify({ appleId: v.slice(0, 254) }) }, "en"],
      ["topic_changed", { requestId: "r1", currentTopic: v, newTopic: v }, "ja"],
    ],
    "push-certificate.appleIdChangeRequestedMessage": [["ch1", `slack:${ADMIN_1}`, v, v, "en"]],
    "push-certificate.overrideRequestedMessage": [["r1", `slack:${ADMIN_1}`, v, v, "en"]],
    "renewals.appleIdOf": s.renewals.map((r) => [r]),
    "renewals.reminderMessage": s.renewals.map((r) => [r, "30d", reader]),
    "renewals.renewedMessage": s.renewals.map((r) => [r, `slack:${ADMIN_1}`, reader, "replaced", now]),
    "renewals.markRenewedModal": s.renewals.map((r) => [r, reader, "2027-01-30", "C_ADMIN"]),
    "renewals.renewalStatus": s.renewals.map((r) => [r, reader]),
    "renewals.renewalsList": [[s.renewals, reader]],
    "report-list.reportListBlocks": [[s.openReports, { locale: "en", now }]],
    "reporter.reporterFoundButton": [[s.reportId, "en"]],
    "reporter.reporterStepMessage": [
      [s.incident, "en"],
      [s.incident, "ja"],
    ],
  };
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set("2026-11-20T01:00:00Z");
});
afterAll(() => t.close());

let round = 0;
/** The value stored wherever a person, a form or a device puts text, and read back by the core. */
async function seed(raw: string) {
  const db = t.db.prisma;
  const core = t.app.core;
  // PostgreSQL refuses NUL and lone surrogates: the app refuses or replaces them on the way in
  // (bad-bytes.test.ts). The pure fixtures still get them.
  const safe = (x: string) =>
    x
      .replaceAll("\u0000", "")
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  const v = safe(raw);
  const n = ++round;
  const admin = await core.actors.fromSlack(ADMIN_1);
  const dept = await aDepartment(db, { name: v });
  const owner = await aPerson(db, { name: v, departmentId: dept.id, slackUserId: `UWALK${n}`, locale: "en" });
  const phone = await aDevice(db, { name: v, model: v, ownerId: owner.id, lastCheckInAt: new Date("2026-11-10") });
  const pixel = await aDevice(db, { platform: "ANDROID", name: v, model: v, ownerId: owner.id });
  const created = await core.reports.create({
    channel: "WEB",
    reporterEmail: owner.email,
    reporterName: v,
    deviceDescription: v,
    deviceIds: [phone.id, pixel.id],
    location: v,
    circumstances: "STOLEN",
    contactPhone: "090-1234-5678",
    consentLostMode: true,
    locale: "en",
  });
  const reportId = created.report.id;
  await core.commands.request(admin, {
    deviceId: phone.id,
    type: "ENABLE_LOST_MODE",
    params: { Message: safe(v.slice(0, 200)), PhoneNumber: "03-1234-5678" },
    reportId,
  });
  await core.checklist.record(admin, reportId, {
    police_report: { kind: "theft", number: safe(v.slice(0, 60)) },
    personal_data: true,
    encrypted: false,
    people_count: 1500,
  });
  const alertIds: string[] = [];
  for (const [i, type] of ["app_policy_violation", "virus", "jailbreak", "geofence"].entries()) {
    const a = await db.alert.create({
      data: {
        type,
        deviceId: i % 2 ? pixel.id : phone.id,
        detectedAt: t.clock.now(),
        immediate: true,
        dedupeKey: `walk-${n}-${i}`,
        details: { apps: [v, v], virusName: v, note: v, lockState: v },
      },
    });
    alertIds.push(a.id);
  }
  const account = await aCustodyAccount(db, {
    address: `walk${n}@corp.example`,
    passwordHolder: v,
    passwordLocation: v,
    twoFactorHolder: v,
  });
  await db.renewal.deleteMany({});
  await aRenewal(db, { kind: "ADE_TOKEN", label: v, accountId: account.id, details: { appleId: v } });
  await aRenewal(db, { kind: "PUSH_CERTIFICATE", label: v, topic: v, serial: v, details: { appleId: v } });
  await aRenewal(db, { kind: "ANDROID_ENTERPRISE_GMAIL", label: v });
  const employee = await core.actors.fromSlack(owner.slackUserId!);
  const incident = await loadIncident(db, reportId);
  return {
    now: t.clock.now(),
    reportId,
    deviceId: phone.id,
    incident: incident!,
    alerts: await loadAlertViews(db, alertIds),
    checklist: await core.checklist.state(reportId),
    detail: await core.inventory.device(admin, phone.id),
    found: await core.inventory.search(admin, owner.email),
    deviceAlerts: await core.alerts.openForDevice(admin, phone.serial!),
    adminHome: await core.inventory.adminOverview(admin),
    employeeHome: await core.inventory.employeeOverview(employee),
    openReports: await core.inventory.openReports(admin),
    digest: await core.digest.preview(),
    renewals: await core.renewals.list(),
    custody: await core.custody.list(),
    certs: await core.pushCertificates.overview(),
    handover: await core.handover.checklist(),
    routing: await core.alertRouting.get(),
    policy: await core.brake.policy(),
    importSummary: {
      lines: 3,
      peopleCreated: 1,
      peopleUpdated: 0,
      devicesCreated: 1,
      devicesUpdated: 0,
      departmentsCreated: 1,
      errors: [{ line: 2, field: v, reason: "invalid_email", value: v }],
    },
  };
}

/**
 * Helpers whose output is raw text, not mrkdwn: their callers put it into a message through
 * slackText (an alert's title, its fields, its one-line detail). Checked as plain text.
 */
const RAW_TEXT = new Set(["alerts.alertTitle", "alerts.alertFields", "alerts.alertDetail"]);

/** What Slack would get from one builder's output, and every problem in it. */
function problems(out: unknown, raw = false): string[] {
  if (out === null || out === undefined) return [];
  const found: string[] = [];
  const asPayload = (x: unknown): Record<string, unknown> => {
    if (typeof x === "string") return { text: x };
    if (Array.isArray(x)) {
      if (x.every((y) => typeof y === "string")) return { text: x.join("\n") };
      if (x.every((y) => Array.isArray(y))) return { text: x.flat().join("\n") };
      if (x.every((y) => (y as { type?: string })?.type === "button"))
        return { blocks: [{ type: "actions", elements: x }] };
      return { blocks: x };
    }
    const o = (x ?? {}) as Record<string, any>;
    if (o.type === "button") return { blocks: [{ type: "actions", elements: [o] }] };
    if (o.type === "plain_text" || o.type === "mrkdwn") return { blocks: [{ type: "context", elements: [o] }] };
    if (o.confirm && o.deny && o.title) return { blocks: [{ type: "actions", elements: [{ ...button, confirm: o }] }] };
    if (o.text && o.value !== undefined && !o.type)
      return { blocks: [{ type: "section", text: { type: "mrkdwn", text: "x" }, accessory: select([o]) }] };
    if (o.type && !o.blocks && o.type !== "modal" && o.type !== "home") return { blocks: [o] };
    return o;
  };
  const payload = renderForSlack(asPayload(out), { publicUrl: "http://portal.test" });
  const view = payload as Record<string, any>;
  if (view.type === "modal" || view.type === "home") found.push(...validateView(view));
  else if (view.blocks && view.text !== undefined) found.push(...validateMessage(view));
  else if (view.blocks) {
    const modal = (view.blocks as { type: string }[]).some((b) => b.type === "input");
    found.push(...validateBlocks(view.blocks, modal ? "modal" : "message"));
  }
  for (const { s, mrkdwn, path } of strings(payload)) {
    if (BROKEN.test(s)) found.push(`${path}: broken or marker character`);
    if (mrkdwn && !raw)
      for (const [what, re] of LIVE)
        if (re.test(s)) found.push(`${path}: live ${what} in ${JSON.stringify(s.slice(0, 120))}`);
  }
  return found;
}
const plainX = { type: "plain_text", text: "x" };
const button = { type: "button", action_id: "x", text: plainX };
const select = (options: unknown[]) => ({ type: "static_select", action_id: "x", options });

/** Every exported function of every module in src/slack/blocks, as "<module>.<name>". */
const exported: { key: string; fn: (...args: unknown[]) => unknown }[] = [];
beforeAll(async () => {
  const dir = new URL("../../src/slack/blocks/", import.meta.url);
  for (const file of (await readdir(dir)).filter((f) => f.endsWith(".ts")).sort()) {
    const mod = (await import(new URL(file, dir).href)) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod))
      if (typeof fn === "function")
        exported.push({ key: `${file.replace(/\.ts$/, "")}.${name}`, fn: fn as (...args: unknown[]) => unknown });
  }
});

describe("every builder in src/slack/blocks", () => {
  it("has fixtures here, or a reason it is not walked", async () => {
    const none = fixtures("x", await seed("x"));
    expect(exported.length).toBeGreaterThan(60);
    expect(exported.map((e) => e.key).filter((k) => !(k in none) && !(k in NOT_WALKED))).toEqual([]);
    // A reason for something that is no longer exported goes too.
    expect(Object.keys(NOT_WALKED).filter((k) => !exported.some((e) => e.key === k))).toEqual([]);
  });

  it.each(VARIANTS)(
    "mentions, links and formats nothing and keeps every limit with %s",
    async (_name, v) => {
      const s = await seed(v);
      const all = fixtures(v, s);
      const found: string[] = [];
      for (const { key, fn } of exported) {
        for (const [i, args] of (all[key] ?? []).entries()) {
          let out: unknown;
          try {
            out = fn(...args);
          } catch (err) {
            found.push(`${key}#${i}: threw ${(err as Error).message}`);
            continue;
          }
          for (const p of problems(out, RAW_TEXT.has(key))) found.push(`${key}#${i} ${p}`);
        }
      }
      expect(found).toEqual([]);
    },
    120_000,
  );
});
