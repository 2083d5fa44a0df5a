// The hostile value of slack-edge-everywhere.test.ts through the flows that need more than the
// agent: an Android device sending its location and leaving lost mode by itself (Google's
// Pub/Sub), a NanoMDM command re-checked after an hour without an answer, push certificates
// with another topic or another Apple ID, a Google Form response edited by its reporter — and
// the ones that take the clock: an alert resolved, the owners' digest DMs, a break-glass wipe's
// first approval, the question whether to wipe after a day of lost mode, the Commission
// deadline's reminder, an owner nobody linked to Slack, and an owner asked (and answering)
// whether their own device may be erased. Each runs as a user or a device makes it run — HTTP
// to the app, the fake Slack's interactions, the manual clock — and every payload that reached
// the fake Slack is walked whole, as there.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AndroidDriver } from "../../src/drivers/android.js";
import { runJob, sendAlerts } from "../alerts/support.js";
import { answer, checkIn, enroll, incidentTs, until } from "../commands/support.js";
import { certificateForCsr, mdm, newTopic, uploadThroughModal, vendorIdentity } from "../renewals/support.js";
import { aDepartment, aDevice, aPerson } from "../support/builders.js";
import { FakeAndroidApi, presetTokenAuth } from "../support/fake-android.js";
import { FakeNanoMdm } from "../support/fake-nanomdm.js";
import { ADMIN_1, ADMIN_2, formWebhookHeaders, postJson, startTestApp, type TestApp } from "../support/harness.js";
import { buttonsIn } from "../support/slack-views.js";
import {
  DRIVEN_BY_MORE_FLOWS,
  H,
  H_WORD,
  leaks,
  recordRenders,
  renderedKinds,
  slackPayloads,
  stopRecording,
} from "./slack-edge-walk.js";

const ADMIN_3 = "UADMIN3";
const PUBSUB_TOKEN = "pubsub-token-slack-edge";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let t: TestApp;
let api: FakeAndroidApi;
let nano: FakeNanoMdm;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "edge-vendor-"));
  const vendor = vendorIdentity();
  await writeFile(path.join(dir, "vendor.pem"), vendor.certPem);
  await writeFile(path.join(dir, "vendor.key"), vendor.keyPem);
  api = await new FakeAndroidApi("enterprises/LC0edge").start();
  nano = await new FakeNanoMdm().start();
  const android = new AndroidDriver({
    enterpriseId: "LC0edge",
    auth: presetTokenAuth(api.token),
    rootUrl: api.url,
    clock: { now: () => t.clock.now() },
    timeoutMs: 5_000,
    locale: "en",
  });
  t = await startTestApp({
    env: {
      ANDROID_PUBSUB_TOKEN: PUBSUB_TOKEN,
      NANOMDM_URL: nano.url,
      NANOMDM_API_KEY: nano.apiKey,
      NANOMDM_WEBHOOK_HMAC_KEY: "nanomdm-webhook-key-slack-edge",
      MDM_REQUEST_TIMEOUT_MS: "5000",
      MDM_VENDOR_CERT_PATH: path.join(dir, "vendor.pem"),
      MDM_VENDOR_KEY_PATH: path.join(dir, "vendor.key"),
      // Three admins and one wipe an hour: the second wipe needs two admins besides the requester.
      SLACK_ADMIN_USER_IDS: `${ADMIN_1},${ADMIN_2},${ADMIN_3}`,
      WIPE_LIMIT_PER_HOUR: "1",
    },
    drivers: [android],
  });
  await recordRenders(t);
});
afterAll(async () => {
  await stopRecording(t);
  await t.close();
  await api.stop();
  await nano.stop();
  await rm(dir, { recursive: true, force: true });
});

let pushes = 0;
/** One Pub/Sub push of an Android Management notification, as Google's push subscription sends it. */
const pubsub = (type: string, data: unknown) =>
  postJson(`${t.url}/webhooks/android-pubsub?token=${PUBSUB_TOKEN}`, {
    message: {
      data: Buffer.from(JSON.stringify(data)).toString("base64"),
      attributes: { notificationType: type },
      messageId: `edge-push-${++pushes}`,
    },
    subscription: "projects/acme/subscriptions/amapi",
  });

let replies = 0;
/** A click in Slack, and the reply it gets. */
async function click(user: string, actionId: string, value: string) {
  const responseId = `edge-${++replies}`;
  await t.requests.blockAction({ user, actionId, value, responseId });
  return (await until(() => t.slack.responses.find((r) => r.id === responseId), `a reply to ${actionId}`)).body;
}
const button = (m: Record<string, any> | undefined, actionId: string) =>
  m ? buttonsIn(m).find((e: { action_id?: string }) => e.action_id === actionId) : undefined;

async function report(deviceId: string, email: string, extra: Record<string, unknown> = {}) {
  const created = await t.app.core.reports.create({
    channel: "WEB",
    reporterEmail: email,
    reporterName: `Reporter ${H}`,
    deviceDescription: `Description ${H}`,
    deviceIds: [deviceId],
    location: `Location ${H}`,
    circumstances: "STOLEN",
    contactPhone: "090-1234-5678",
    consentLostMode: true,
    locale: "en",
    ...extra,
  });
  await until(async () => {
    await t.flush();
    return t.db.prisma.slackMessageRef.findUnique({ where: { key: `report:${created.report.id}` } });
  }, "the incident post");
  return created;
}

describe("a hostile value through the flows with their own drivers and clocks", () => {
  it("mentions, links and formats nothing in any payload", async () => {
    const db = t.db.prisma;
    t.clock.set("2026-11-20T01:00:00Z"); // Friday 10:00 in Tokyo
    const dept = await aDepartment(db, { name: `Sales ${H}` });
    const owner = await aPerson(db, {
      name: `Owner ${H}`,
      departmentId: dept.id,
      slackUserId: "UOWNER1",
      locale: "en",
    });
    await aPerson(db, { slackUserId: ADMIN_1, email: "it-lead@corp.example", name: `Admin ${H}` });
    const admin1 = await t.app.core.actors.fromSlack(ADMIN_1);

    // A Google Form response, then the reporter's edit of it: the thread hears what changed.
    const form = (at: string, location: string) => ({
      responseId: "edge-resp-1",
      formId: "form-123",
      respondentEmail: owner.email,
      submittedAt: at,
      answers: {
        氏名: `Reporter ${H}`,
        紛失したデバイス: `Device ${H}`,
        紛失した日時: "2026-11-20 08:10",
        紛失した場所: location,
        状況: "盗難",
        連絡先電話番号: "080-9876-5432",
        紛失モードへの同意: "同意する",
      },
    });
    const sendForm = (body: string) =>
      postJson(`${t.url}/webhooks/google-form`, body, formWebhookHeaders(body, t.clock.now().getTime() / 1000));
    expect((await sendForm(JSON.stringify(form("2026-11-20T00:55:00Z", `Shibuya ${H}`)))).status).toBe(202);
    await t.flush();
    const edited = await sendForm(JSON.stringify(form("2026-11-20T01:05:00Z", `Shinjuku ${H}`)));
    expect(edited.json).toMatchObject({ status: "edited" });
    await t.flush();

    // An Android phone, named by its hardware (Google's API), reported stolen and in lost mode;
    // it sends where it is, then the person holding it leaves lost mode with the device password.
    const name = api.addDevice("edge1", {
      hardwareInfo: { brand: "google", model: `Pixel ${H}`, manufacturer: "Google", serialNumber: "SN-EDGE1" },
      networkInfo: { imei: "861234567890123" },
    });
    await t.app.core.enrollments.importFrom("android");
    const pixel = await db.device.findUniqueOrThrow({ where: { externalId: name } });
    expect(pixel.name).toContain("<!channel>");
    await db.device.update({ where: { id: pixel.id }, data: { ownerId: owner.id } });
    const stolen = await report(pixel.id, owner.email);
    const lock = await t.app.core.commands.request(admin1, {
      deviceId: pixel.id,
      type: "ENABLE_LOST_MODE",
      params: { Message: `Call IT ${H}` },
      reportId: stolen.report.id,
    });
    const sent = await db.command.findUniqueOrThrow({ where: { id: lock.id } });
    await pubsub("COMMAND", api.complete(sent.driverRef!, { startLostModeStatus: "SUCCESS" }));
    api.devices.get(name)!.appliedState = "LOST";
    expect(
      (
        await pubsub("USAGE_LOGS", {
          device: name,
          usageLogEvents: [
            {
              eventId: "1",
              eventTime: "2026-11-20T01:04:10Z",
              eventType: "LOST_MODE_LOCATION",
              lostModeLocationEvent: { location: { latitude: 35.658034, longitude: 139.701636 }, batteryLevel: 41 },
            },
          ],
        })
      ).json,
    ).toMatchObject({ recorded: 1 });
    await pubsub("STATUS_REPORT", {
      ...api.devices.get(name),
      appliedState: "ACTIVE",
      lastStatusReportTime: new Date(t.clock.now().getTime() + 60_000).toISOString(),
    });
    await t.flush();

    // A NanoMDM iPhone's lock nobody answered: re-checked after an hour, the thread is told.
    const iphone = await aDevice(db, { driver: "nanomdm", name: `iPhone ${H}`, model: H, ownerId: owner.id });
    nano.enroll(iphone.udid!);
    const unanswered = await report(iphone.id, owner.email);
    await t.app.core.commands.request(admin1, {
      deviceId: iphone.id,
      type: "DEVICE_LOCK",
      reportId: unanswered.report.id,
    });
    t.clock.advance(HOUR);
    expect(await runJob(t, "commands-recheck")).toBe(1);
    await t.flush();

    // An immediate alert about a hostile-named device, resolved from its post.
    const agentPhone = await enroll(t, { name: `Agent ${H}`, model: H, ownerEmail: owner.email });
    await sendAlerts(t, [{ type: "jailbreak", device: { id: agentPhone.deviceId }, details: { note: H } }]);
    await runJob(t, "alerts.post");
    await t.flush();
    const alert = await db.alert.findFirstOrThrow({ where: { deviceId: agentPhone.deviceId } });
    await click(ADMIN_1, "alert_resolve", alert.id);
    await t.flush();

    // An owner nobody has linked to Slack yet: the app looks them up by e-mail.
    await enroll(t, { name: `Unlinked ${H}`, ownerEmail: "new.hire@example.co.jp" });
    await t.flush();

    // Lost mode on the agent phone for a day with nobody wiping: the thread asks.
    const lostDay = await report(agentPhone.deviceId, owner.email);
    await t.app.core.commands.request(admin1, {
      deviceId: agentPhone.deviceId,
      type: "ENABLE_LOST_MODE",
      reportId: lostDay.report.id,
      params: { Message: `Return it ${H}`, PhoneNumber: "03-1234-5678" },
    });
    const [cmd] = (await checkIn(t, agentPhone.token)).json.commands;
    await answer(t, agentPhone.token, cmd.id, { status: "Acknowledged" });
    // The Commission checklist for it, answered in its modal: personal data of 1,500 people.
    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "checklist_open",
      value: lostDay.report.id,
      messageTs: await incidentTs(t, lostDay.report.id),
    });
    const checklist = await until(
      () => t.slack.callsTo("views.open").find((c) => c.args.view.callback_id === "checklist_submit"),
      "the checklist form",
    );
    const answered = await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: "checklist_submit",
      privateMetadata: checklist.args.view.private_metadata,
      values: {
        police_kind: { value: { selected: "theft" } },
        police_number: { value: "<!channel> <@U0EVIL> *bold* _ital_ `code`" }, // at most 60 characters
        personal_data: { value: { selected: "yes" } },
        encrypted: { value: { selected: "no" } },
        people_count: { value: "1500" },
      },
    });
    expect(answered.status).toBe(200);
    await until(
      () => db.incidentChecklistItem.findFirst({ where: { reportId: lostDay.report.id, key: "people_count" } }),
      "the checklist answers",
    );
    t.clock.advance(DAY + 60_000);
    expect(await runJob(t, "incident-escalation")).toMatchObject({ wipeAsked: 1 });
    t.clock.advance(2 * DAY);
    expect(await runJob(t, "incident-checklist-reminders")).toBeGreaterThan(0);
    await t.flush();

    // One wipe an hour: the first goes through two admins, the second needs two besides the
    // requester, and the first of them is recorded as one of two.
    const wipe = async (deviceId: string, reportId: string) =>
      click(ADMIN_1, "device_wipe", JSON.stringify({ r: reportId, d: deviceId }));
    const wipeOf = (deviceId: string) =>
      db.command.findFirstOrThrow({ where: { deviceId, type: "ERASE_DEVICE" }, orderBy: { createdAt: "desc" } });
    await wipe(agentPhone.deviceId, lostDay.report.id);
    await click(ADMIN_2, "wipe_approve", JSON.stringify({ c: (await wipeOf(agentPhone.deviceId)).id }));
    const second = await enroll(t, { name: `Second ${H}`, model: H, ownerEmail: owner.email });
    const secondReport = await report(second.deviceId, owner.email);
    await wipe(second.deviceId, secondReport.report.id);
    const held = await wipeOf(second.deviceId);
    expect(held).toMatchObject({ breakGlass: true, approvalsRequired: 2 });
    await click(ADMIN_2, "wipe_approve", JSON.stringify({ c: held.id }));
    await t.flush();

    // The employee's own iPhone: its full reset asks the owner by DM, and the owner allows it.
    const own = await enroll(t, { name: `Own ${H}`, model: H, ownerEmail: owner.email });
    const ownRow = await db.device.findUniqueOrThrow({ where: { id: own.deviceId } });
    await mdm(t, ADMIN_1, `byod ${ownRow.serial} on`);
    const ownReport = await report(own.deviceId, owner.email);
    await click(ADMIN_1, "device_full_reset", JSON.stringify({ r: ownReport.report.id, d: own.deviceId }));
    await t.flush();
    const question = await until(
      () => t.slack.posts(`DUOWNER1`).find((m) => button(m, "owner_consent_give")),
      "the owner's question",
    );
    await click("UOWNER1", "owner_consent_give", button(question, "owner_consent_give").value);
    await t.flush();

    // The owners' digest DMs, at the digest's hour.
    await t.app.core.digest.updateSettings(admin1, { ownerSummaries: true, departmentAdminSummaries: true });
    await db.departmentAdmin.create({ data: { departmentId: dept.id, personId: owner.id } });
    await db.alert.create({
      data: {
        type: "root",
        deviceId: agentPhone.deviceId,
        detectedAt: t.clock.now(),
        immediate: false,
        dedupeKey: "edge-digest",
        details: { note: H },
      },
    });
    t.clock.advance(HOUR);
    await runJob(t, "digest");
    await t.flush();

    // Push certificates: one installed, then Apple's answer for another topic (two admins to
    // replace it), and a request with another, hostile Apple ID (two admins to change it).
    const topic = newTopic();
    await mdm(t, ADMIN_1, "cert csr appleid=mdm-push@corp.example");
    const first = await db.pushCertificateRequest.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    const installed = await uploadThroughModal(t, ADMIN_1, "cert_upload", {
      name: "push.pem",
      content: certificateForCsr(first.csrPem, topic, t.clock.now()),
    });
    expect(installed.text).toContain(topic);
    t.clock.advance(60_000);
    await mdm(t, ADMIN_1, "cert csr");
    const next = await db.pushCertificateRequest.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    const refused = await uploadThroughModal(t, ADMIN_1, "cert_upload", {
      name: `${H_WORD}.pem`,
      content: certificateForCsr(next.csrPem, newTopic(), t.clock.now()),
    });
    expect(JSON.stringify(refused.blocks)).toContain("cert_topic_override_request");
    await click(ADMIN_1, "cert_topic_override_request", next.id);
    const otherId = await mdm(t, ADMIN_1, `cert csr appleid=${H_WORD}@evil.example`);
    const change = button({ blocks: otherId.blocks }, "cert_apple_id_change_request");
    expect(change).toBeDefined();
    await click(ADMIN_1, "cert_apple_id_change_request", change.value);
    await t.flush();

    const payloads = slackPayloads(t);
    expect(leaks(payloads)).toEqual([]);
    expect(JSON.stringify(payloads)).toContain("bold"); // still there to read
    const rendered = await renderedKinds(t);
    expect(DRIVEN_BY_MORE_FLOWS.filter((k) => !rendered.has(k))).toEqual([]);
  }, 300_000);
});
