// One hostile value — broadcasts, mentions, a disguised link, every mrkdwn format character, an
// entity — as device name, model, owner, department, report text, lock-screen message, app ids,
// renewal label and custody holder, driven through the running app's flows: incident and its
// thread, lost mode, two-admin wipe, escalation, immediate alerts, renewal reminders, digest,
// re-enrolment claim, the checklist, a policy change, a bulk lock, a renewal marked renewed, a
// case record, every /mdm subcommand, device card, Home tab, the report modal. Every
// payload that reached the fake Slack (Web API calls and response_url replies) is walked whole:
// nothing in a string Slack reads as mrkdwn mentions, links or formats, no string carries NUL, a
// lone surrogate or one of the edge's markers, and the value is still there to read.
// Which notifications ran is recorded by the database itself (a trigger on SlackRender), and
// compared with every handler src/slack/notifications registers: a new one fails here until a
// flow below drives it (or slack-edge-more-flows.test.ts does, and lists it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "../../src/core/actors.js";
import { renderForSlack, slackText } from "../../src/slack/edge.js";
import { notifications } from "../../src/slack/notifications/index.js";
import { runJob, sendAlerts } from "../alerts/support.js";
import { enroll, incidentTs, until } from "../commands/support.js";
import { aDepartment, aPerson } from "../support/builders.js";
import { ADMIN_1, ADMIN_2, ENROLLMENT_SECRET, postJson, startTestApp, type TestApp } from "../support/harness.js";
import { subcommands } from "../../src/slack/mdm/index.js";
import {
  DRIVEN_BY_MORE_FLOWS,
  H,
  leaks,
  recordRenders,
  renderedKinds,
  slackPayloads,
  stopRecording,
} from "./slack-edge-walk.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { ESCALATION_USERGROUP: "S0ONCALL" } });
  await recordRenders(t);
});
afterAll(async () => {
  await stopRecording(t);
  await t.close();
});

describe("a hostile value everywhere it can reach Slack", () => {
  it("mentions, links and formats nothing in any payload of any flow", async () => {
    const db = t.db.prisma;
    t.clock.set("2026-11-20T01:00:00Z"); // Friday 10:00 in Tokyo: business hours
    const dept = await aDepartment(db, { name: `Sales ${H}` });
    const owner = await aPerson(db, { name: `Owner ${H}`, departmentId: dept.id, slackUserId: "UOWNER1" });
    const phone = await enroll(t, { name: `Phone ${H}`, model: H, ownerEmail: owner.email });
    const android = await enroll(t, {
      platform: "android",
      name: `Android ${H}`,
      model: H,
      imei: "356938035643809",
      serial: undefined,
      udid: undefined,
      ownerEmail: owner.email,
    });

    // An incident from the web form, its thread, lost mode with a hostile lock-screen message.
    const created = await t.app.core.reports.create({
      channel: "WEB",
      reporterEmail: owner.email,
      reporterName: `Reporter ${H}`,
      deviceDescription: `Description ${H}`,
      deviceIds: [phone.deviceId],
      location: `Location ${H}`,
      circumstances: "STOLEN",
      contactPhone: "090-1234-5678",
      consentLostMode: true,
      locale: "en",
    });
    await t.flush();
    const reportId = created.report.id;
    // The reporter says it was found (the status page's button): the thread hears it.
    await fetch(`${t.url}/report/status/${created.statusToken}/found`, { method: "POST", redirect: "manual" });
    const value = JSON.stringify({ r: reportId, d: phone.deviceId });
    const ts = await incidentTs(t, reportId);
    await t.requests.blockAction({ user: ADMIN_1, actionId: "lost_mode_enable", value, messageTs: ts });
    const open = await until(() => t.slack.callsTo("views.open").at(-1), "the lost-mode modal");
    await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: "lost_mode_submit",
      privateMetadata: open.args.view.private_metadata,
      values: { message: { value: `Return it ${H}` }, phone: { value: "03-1111-2222" }, footnote: { value: H } },
    });
    // The two-admin wipe: the request, its approval post, the second admin's approval.
    await t.requests.blockAction({ user: ADMIN_1, actionId: "device_wipe", value, messageTs: ts });
    await t.flush();
    const approval = t.slack
      .posts()
      .find((p) => p.thread_ts === ts && JSON.stringify(p.blocks ?? "").includes("wipe_approve"));
    type El = { action_id?: string; value?: string };
    const approve = ((approval?.blocks ?? []) as { elements?: El[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === "wipe_approve");
    if (approve) await t.requests.blockAction({ user: ADMIN_2, actionId: "wipe_approve", value: approve.value });
    await t.flush();
    // Nobody acted on a second incident: the escalation names it.
    await t.app.core.reports.create({
      channel: "WEB",
      reporterEmail: owner.email,
      deviceDescription: `Unattended ${H}`,
      deviceIds: [android.deviceId],
      circumstances: "LOST",
      contactPhone: "090-1234-5678",
      consentLostMode: true,
      locale: "en",
    });
    await t.flush();
    t.clock.advance(20 * 60_000);
    await t.app.core.escalation.sweep(t.clock.now());
    await t.flush();

    // The checklist with a hostile police report number (a leak this found), a day later; a
    // response-policy change proposed and approved.
    const admin1 = await t.app.core.actors.fromSlack(ADMIN_1);
    const admin2 = await t.app.core.actors.fromSlack(ADMIN_2);
    await t.app.core.checklist.record(admin1, reportId, {
      police_report: { kind: "theft", number: "<!channel> <@U0EVIL> *bold* _ital_" },
      personal_data: true,
    });
    t.clock.advance(25 * 3_600_000);
    await t.app.core.escalation.sweep(t.clock.now());
    await t.app.core.checklist.remindDue(t.clock.now());
    const change = await t.app.core.brake.propose(admin1, { kind: "approval", type: "DEVICE_LOCK", required: true });
    await t.app.core.brake.approve(admin2, change.id);
    // A bulk lock of both devices: the security channel hears of it, naming them.
    const serial = (await db.device.findUniqueOrThrow({ where: { id: phone.deviceId } })).serial;
    await t.requests.slashCommand({ command: "/mdm", text: `bulk lock ${serial} 356938035643809`, user: ADMIN_1 });
    await t.flush();

    // Immediate alerts with hostile app ids, one alone and a group.
    await sendAlerts(t, [
      { type: "app_policy_violation", device: { id: android.deviceId }, details: { apps: [H, `com.${H}`] } },
    ]);
    await runJob(t, "alerts.post");
    await sendAlerts(
      t,
      ["root", "tampering", "virus", "geofence"].map((type) => ({
        type,
        device: { id: android.deviceId },
        details: { note: H, virusName: H, lockState: H },
      })),
    );
    await runJob(t, "alerts.post");
    // Renewals with a hostile label, reminded; the digest.
    const now = t.clock.now();
    await db.renewal.create({
      data: { kind: "PUSH_CERTIFICATE", label: `Push ${H}`, expiresAt: new Date(now.getTime() + 10 * 86_400_000) },
    });
    await t.app.core.renewals.sendDueReminders();
    const renewal = await db.renewal.findFirstOrThrow({ where: { label: `Push ${H}` } });
    await t.app.core.renewals.markRenewed(admin1, renewal.id, {
      newDeadline: new Date(now.getTime() + 365 * 86_400_000),
    });
    await t.app.core.digest.sendNow(SYSTEM);
    await t.flush();
    // Someone re-enrols the phone's serial without its token: the claim waits for an admin.
    const row = await db.device.findUniqueOrThrow({ where: { id: phone.deviceId } });
    await postJson(`${t.url}/agent/v1/enroll`, {
      enrollmentSecret: ENROLLMENT_SECRET,
      platform: "android",
      name: `Claim ${H}`,
      serial: row.serial,
    });
    await t.flush();
    const claim = await db.enrollmentClaim.findFirstOrThrow({ where: { deviceId: phone.deviceId } });
    await t.requests.blockAction({ user: ADMIN_1, actionId: "enrollment_claim_reject", value: claim.id });
    await t.flush();

    // Every /mdm subcommand with the value as its argument, the device card, the Home tab, the report modal.
    for (const s of ["", "help", ...subcommands.map((c) => c.name)]) {
      await t.requests.slashCommand({ command: "/mdm", text: s, user: ADMIN_1 });
      await t.requests.slashCommand({ command: "/mdm", text: `${s} ${H}`.trim(), user: ADMIN_1 });
    }
    await t.requests.slashCommand({ command: "/mdm", text: "device Phone", user: ADMIN_1 });
    // The first incident's case record (PDF and CSV into the channel, with its comment).
    await t.requests.slashCommand({ command: "/mdm", text: `case ${created.report.reference}`, user: ADMIN_1 });
    await t.requests.event({ type: "app_home_opened", user: ADMIN_1, tab: "home" });
    await t.requests.event({ type: "app_home_opened", user: "UOWNER1", tab: "home" });
    await t.requests.shortcut({ user: "UOWNER1", callbackId: "report_lost_device" });
    await t.requests.slashCommand({ command: "/lost", text: H, user: "UOWNER1" });
    await t.flush();

    const payloads = slackPayloads(t);
    expect(payloads.length).toBeGreaterThan(30);
    expect(leaks(payloads)).toEqual([]);
    // Still readable: the words are there, only their power is gone.
    expect(JSON.stringify(payloads)).toContain("bold");
    expect(JSON.stringify(payloads)).toContain("channel");

    // Every notification ran here, or in the flows that need their own drivers or a long clock.
    const rendered = await renderedKinds(t);
    const elsewhere = new Set<string>(DRIVEN_BY_MORE_FLOWS);
    expect(Object.keys(notifications).filter((k) => !rendered.has(k) && !elsewhere.has(k))).toEqual([]);
  }, 240_000);
});

describe("the edge's text values", () => {
  it("show a marked value as text in mrkdwn and exactly as typed in plain text, whatever it holds", () => {
    const v = `${H} \u0000 broken \uD800 pair taro_yamada@example.co.jp`;
    const out = renderForSlack({
      text: `*Device:* ${slackText(v)}`,
      blocks: [
        { type: "header", text: { type: "plain_text", text: slackText(v) } },
        { type: "section", text: { type: "mrkdwn", text: `*${slackText(v)}*` } },
      ],
      filename: slackText("<!channel> *x*.csv"),
    });
    expect(leaks([{ where: "edge", args: out }])).toEqual([]);
    expect(out.text.startsWith("*Device:* ")).toBe(true); // our own formatting stays
    expect(out.text).toContain("taro_yamada@example.co.jp"); // an underscore inside a word formats nothing
    expect(out.text).toContain("\uFFFD pair");
    expect(out.text).not.toContain("\u0000");
    expect(out.blocks[0]!.text.text).toBe(v.replace("\u0000", "").replace("\uD800", "\uFFFD"));
    expect(out.filename).toBe("<!channel> *x*.csv");
  });

  it("show a quote typed at a line's start as text, and shorten text past Block Kit's limits", () => {
    const out = renderForSlack({
      text: `${slackText("> quote")}\n${slackText("a > b\n> quote")}`,
      blocks: [
        { type: "header", text: { type: "plain_text", text: slackText("名".repeat(200)) } },
        { type: "section", text: { type: "mrkdwn", text: `*Name:* ${slackText("📱".repeat(2000))}` } },
      ],
    });
    expect(out.text).toBe("\uFF1E quote\na &gt; b\n\uFF1E quote");
    expect(out.blocks[0]!.text.text).toBe(`${"名".repeat(149)}…`);
    // 3,000 UTF-16 units at most, and never half an emoji.
    expect(out.blocks[1]!.text.text.length).toBeLessThanOrEqual(3000);
    expect(out.blocks[1]!.text.text.endsWith("📱…")).toBe(true);
  });
});
