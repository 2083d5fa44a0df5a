// Company data only on personal devices (issue 19), through the real HTTP server, the agent API,
// NanoMDM's webhook and the fake Slack: a device marked BYOD (or enrolled through Apple User
// Enrollment) gets "remove company data" instead of a factory reset, decided in the core; a full
// reset needs the owner's own consent, asked by DM, recorded and audited; the employee is told
// exactly what was removed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, ADMIN_2, startTestApp, type TestApp } from "../support/harness.js";
import { aPerson } from "../support/builders.js";
import {
  actionIds,
  answer,
  checkIn,
  enroll,
  incidentTs,
  latestIncident,
  threadTexts,
  until,
} from "../commands/support.js";
import { FakeNanoMdm, postWebhook } from "../support/fake-nanomdm.js";
import { build } from "plist";
import { blocksOf, buttonsIn } from "../support/slack-views.js";

const HMAC_KEY = "nanomdm-webhook-key-for-personal-devices";
const PROFILE_ID = "jp.example.mdm.enrolment";
let t: TestApp;
let nano: FakeNanoMdm;
beforeAll(async () => {
  nano = await new FakeNanoMdm().start();
  t = await startTestApp({
    env: {
      MDM_DRIVER_APPLE: "agent",
      NANOMDM_URL: nano.url,
      NANOMDM_API_KEY: nano.apiKey,
      NANOMDM_WEBHOOK_HMAC_KEY: HMAC_KEY,
      APPLE_MDM_PROFILE_IDENTIFIER: PROFILE_ID,
      MDM_REQUEST_TIMEOUT_MS: "5000",
    },
  });
});
afterAll(async () => {
  await t.close();
  await nano.stop();
});

let n = 0;
async function click(user: string, actionId: string, value: string) {
  const responseId = `p${++n}`;
  await t.requests.blockAction({ user, actionId, value, responseId });
  return String(
    (await until(() => t.slack.responses.find((r) => r.id === responseId), `a reply to ${actionId}`)).body.text,
  );
}
async function mdm(user: string, text: string) {
  const responseId = `pm${++n}`;
  await t.requests.slashCommand({ command: "/mdm", text, user, responseId });
  return String((await until(() => t.slack.responses.find((r) => r.id === responseId), `/mdm ${text}`)).body.text);
}
const buttons = buttonsIn;
const buttonIn = (m: Record<string, any>, actionId: string) => buttons(m).find((e: any) => e.action_id === actionId);
const dmsTo = (slackUserId: string) => t.slack.posts(`D${slackUserId}`);

/** An employee's own iPhone (agent), marked BYOD from Slack, then reported lost by its owner. */
async function personalIphone() {
  const owner = await aPerson(t.db.prisma, { locale: "en" });
  const agent = await enroll(t, { ownerEmail: owner.email });
  const device = await t.db.prisma.device.findUniqueOrThrow({ where: { id: agent.deviceId } });
  expect(await mdm(ADMIN_1, `byod ${device.serial} on`)).toMatch(/marked as the employee's own device \(BYOD\)/);
  const created = await t.app.core.reports.create({
    channel: "WEB",
    reporterEmail: owner.email,
    deviceDescription: "my own iPhone",
    deviceIds: [agent.deviceId],
    circumstances: "LOST",
    consentLostMode: true,
    locale: "en",
  });
  await t.flush();
  const reportId = created.report.id;
  return {
    owner,
    agent,
    device,
    reportId,
    reference: created.report.reference,
    statusToken: created.statusToken!,
    value: JSON.stringify({ r: reportId, d: agent.deviceId }),
  };
}

describe("a personal device's wipe", () => {
  it("removes company data only, with a second admin; the agent gets RemoveProfile, and the owner and the status page say what went", async () => {
    const p = await personalIphone();
    const ts = await incidentTs(t, p.reportId);
    const incident = latestIncident(t, ts, p.reference);
    const wipe = buttonIn(incident, "device_wipe");
    expect(wipe.text.text).toBe("Remove company data");
    expect(wipe.confirm.text.text).toMatch(/Removes only the company's data .* owner's own apps and data stay/);
    expect(JSON.stringify(blocksOf(incident))).toMatch(/removes the company's management profile/);
    expect(buttonIn(incident, "device_full_reset").text.text).toBe("Full reset (owner's consent)");

    expect(await click(ADMIN_1, "device_wipe", p.value)).toMatch(/Removing company data from .* requested/);
    const command = await t.db.prisma.command.findFirstOrThrow({ where: { deviceId: p.agent.deviceId } });
    expect(command).toMatchObject({
      type: "ERASE_DEVICE",
      state: "AWAITING_APPROVAL",
      params: { scope: "company_data" },
    });
    await t.flush();
    const approval = t.slack.posts().find((m) => m.thread_ts === ts && actionIds(m).includes("wipe_approve"))!;
    expect(String(approval.text)).toMatch(/asked to \*remove company data\* from .*their own data stays/);
    expect(buttons(approval).map((b: any) => b.text.text)).toEqual([
      "Approve: Remove company data",
      "Withdraw request",
    ]);
    // The device gets nothing until a second administrator approves.
    expect((await checkIn(t, p.agent.token)).json.commands).toEqual([]);
    expect(await click(ADMIN_1, "wipe_approve", buttonIn(approval, "wipe_approve").value)).toMatch(/someone else/);
    await click(ADMIN_2, "wipe_approve", buttonIn(approval, "wipe_approve").value);

    // Not EraseDevice: the agent is told to remove its profile and the company's data.
    const [sent] = (await checkIn(t, p.agent.token)).json.commands;
    expect(sent).toMatchObject({ type: "RemoveProfile", params: { scope: "company_data" } });
    await answer(t, p.agent.token, sent.id, { status: "Acknowledged" });
    await t.flush();
    expect((await t.db.prisma.device.findUniqueOrThrow({ where: { id: p.agent.deviceId } })).state).toBe("UNENROLLED");
    expect(threadTexts(t, ts).join("\n")).toMatch(
      /Company data removed from .*the company's management profile, .*own apps, photos, messages and accounts were not touched/,
    );
    const told = await until(() => dmsTo(p.owner.slackUserId!).find((m) => /data was removed/.test(String(m.text))));
    expect(String(told.text)).toMatch(
      new RegExp(`company's data was removed from your device \\*${p.device.name}\\* \\(${p.reference}\\)`),
    );
    expect(String(told.text)).toMatch(/Removed: the company's management profile.*were not touched/);

    const page = await (await fetch(`${t.url}/report/status/${p.statusToken}?lang=en`)).text();
    expect(page).toContain("Company data removed from the device");
    expect(page).toContain("Your own apps, photos and data were not touched");
    expect(page).not.toContain("Device erased");
  });

  it("refuses a crafted full reset without the owner's consent, in the core, and audits the refusal", async () => {
    const p = await personalIphone();
    const admin = await t.app.core.actors.fromSlack(ADMIN_1);
    await expect(
      t.app.core.commands.request(admin, {
        deviceId: p.agent.deviceId,
        type: "ERASE_DEVICE",
        reportId: p.reportId,
        params: { scope: "full" },
      }),
    ).rejects.toMatchObject({ details: { reasonKey: "personal.refused.needs_consent" } });
    expect(await t.db.prisma.command.count({ where: { deviceId: p.agent.deviceId } })).toBe(0);
    const refused = await t.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: "command.refused", subject: `device:${p.agent.deviceId}` },
    });
    expect(refused.details).toMatchObject({ type: "ERASE_DEVICE", code: "not_allowed" });
    // And a company device cannot be "company data only"-ed into keeping data it should lose.
    const company = await enroll(t);
    await expect(
      t.app.core.commands.request(admin, {
        deviceId: company.deviceId,
        type: "ERASE_DEVICE",
        params: { scope: "company_data" },
      }),
    ).rejects.toMatchObject({ details: { reasonKey: "personal.refused.company_device" } });
  });
});

describe("a full reset of a personal device", () => {
  it("asks the owner by DM; only the owner answers; with consent the full reset goes through two admins and the owner is told", async () => {
    const p = await personalIphone();
    const ts = await incidentTs(t, p.reportId);
    expect(await click(ADMIN_1, "device_full_reset", p.value)).toMatch(
      /has been asked in Slack whether .* erased completely/,
    );
    await t.flush();
    const question = await until(() =>
      dmsTo(p.owner.slackUserId!).find((m) => actionIds(m).includes("owner_consent_give")),
    );
    expect(String(question.text)).toMatch(/erase your own device .* completely\* \(reference LR-/);
    expect(String(question.text)).toMatch(/your own photos, apps and data too/);
    expect(actionIds(question)).toEqual(["owner_consent_decline", "owner_consent_give"]);
    // The thread post and the DM are separate messages; either may be delivered first.
    await until(
      () => /asked the owner <@.*> whether .* may be erased completely/.test(threadTexts(t, ts).join("\n")),
      "the thread post saying the owner was asked",
    );
    // Clicking again does not ask twice.
    expect(await click(ADMIN_1, "device_full_reset", p.value)).toMatch(/Still waiting for <@/);
    expect(await t.db.prisma.ownerConsent.count({ where: { deviceId: p.agent.deviceId } })).toBe(1);

    const value = buttonIn(question, "owner_consent_give").value;
    // An administrator cannot consent for the owner.
    expect(await click(ADMIN_2, "owner_consent_give", value)).toMatch(/Only the device's owner can answer/);
    expect(await click(p.owner.slackUserId!, "owner_consent_give", value)).toMatch(/you allowed a full reset/);
    expect(await click(p.owner.slackUserId!, "owner_consent_decline", value)).toMatch(/already answered/);
    await t.flush();
    // The DM keeps the answer, without buttons; the thread hears it with the button to go on.
    const updated = t.slack.callsTo("chat.update").find((c) => c.args.channel === `D${p.owner.slackUserId}`)!;
    expect(String(updated.args.text)).toMatch(/You answered on .*Allow full reset/);
    expect(JSON.stringify(updated.args.blocks ?? "")).not.toMatch(/owner_consent/);
    const given = t.slack.posts().find((m) => m.thread_ts === ts && /\*allowed\* a full reset/.test(String(m.text)))!;
    expect(actionIds(given)).toEqual(["device_full_reset"]);

    expect(await click(ADMIN_1, "device_full_reset", buttonIn(given, "device_full_reset").value)).toMatch(
      /Wipe of .* requested/,
    );
    const wipe = await t.db.prisma.command.findFirstOrThrow({ where: { deviceId: p.agent.deviceId } });
    expect(wipe).toMatchObject({ state: "AWAITING_APPROVAL", params: { scope: "full" } });
    expect(await t.db.prisma.ownerConsent.findFirstOrThrow({ where: { deviceId: p.agent.deviceId } })).toMatchObject({
      state: "USED",
      commandId: wipe.id,
    });
    await t.app.core.commands.approve(await t.app.core.actors.fromSlack(ADMIN_2), wipe.id);
    const [sent] = (await checkIn(t, p.agent.token)).json.commands;
    expect(sent.type).toBe("EraseDevice");
    await answer(t, p.agent.token, sent.id, { status: "Acknowledged" });
    await t.flush();
    const told = await until(() =>
      dmsTo(p.owner.slackUserId!).find((m) => /erased completely, as you allowed/.test(String(m.text))),
    );
    expect(String(told.text)).toContain(p.reference);
    expect(
      (await t.db.prisma.auditEntry.findMany({ where: { action: { startsWith: "consent." } }, orderBy: { id: "asc" } }))
        .filter((a) => JSON.stringify(a.details).includes(p.agent.deviceId) || a.subject?.startsWith("consent:"))
        .map((a) => a.action),
    ).toEqual(expect.arrayContaining(["consent.request", "consent.refused", "consent.give", "consent.use"]));
    // The consent was used once: another full reset needs a new one.
    await expect(
      t.app.core.commands.request(await t.app.core.actors.fromSlack(ADMIN_1), {
        deviceId: p.agent.deviceId,
        type: "ERASE_DEVICE",
        params: { scope: "full" },
      }),
    ).rejects.toThrow();
  });

  it("stays impossible when the owner declines, and a consent lapses after 7 days", async () => {
    const p = await personalIphone();
    const ts = await incidentTs(t, p.reportId);
    await click(ADMIN_1, "device_full_reset", p.value);
    await t.flush();
    const question = await until(() =>
      dmsTo(p.owner.slackUserId!).find((m) => actionIds(m).includes("owner_consent_decline")),
    );
    expect(
      await click(p.owner.slackUserId!, "owner_consent_decline", buttonIn(question, "owner_consent_decline").value),
    ).toMatch(/did not allow a full reset/);
    await t.flush();
    expect(threadTexts(t, ts).join("\n")).toMatch(
      /\*did not allow\* a full reset .*Only the company data can be removed/,
    );
    const admin = await t.app.core.actors.fromSlack(ADMIN_1);
    const full = { deviceId: p.agent.deviceId, type: "ERASE_DEVICE" as const, params: { scope: "full" } };
    await expect(t.app.core.commands.request(admin, full)).rejects.toMatchObject({
      details: { reasonKey: "personal.refused.needs_consent" },
    });

    // Asked again, allowed, but not used within 7 days: it lapses.
    await click(ADMIN_1, "device_full_reset", p.value);
    const consent = await t.db.prisma.ownerConsent.findFirstOrThrow({
      where: { deviceId: p.agent.deviceId, state: "PENDING" },
    });
    await t.app.core.personal.decide(await t.app.core.actors.fromSlack(p.owner.slackUserId!), consent.id, true);
    t.clock.advanceDays(7);
    t.clock.advance(1000);
    await expect(t.app.core.commands.request(admin, full)).rejects.toMatchObject({
      details: { reasonKey: "personal.refused.needs_consent" },
    });
  });
});

describe("Apple User Enrollment", () => {
  it("is learnt from the check-in (EnrollmentID, NanoMDM's 'User Enrollment (Device)'); no lost mode, no full reset, and RemoveProfile of the MDM profile", async () => {
    const enrollmentId = "UE-7C1B2A90-BYOD";
    nano.enroll(enrollmentId);
    const raw = (o: Record<string, unknown>) => Buffer.from(build(o as never)).toString("base64");
    for (const [topic, messageType] of [
      ["mdm.Authenticate", "Authenticate"],
      ["mdm.TokenUpdate", "TokenUpdate"],
    ] as const) {
      const res = await postWebhook(
        t.url,
        {
          topic,
          event_id: `ue-${messageType}`,
          created_at: new Date().toISOString(),
          checkin_event: {
            ids: { id: enrollmentId, type: "User Enrollment (Device)" },
            enrollment_id: enrollmentId,
            raw_payload: raw({
              MessageType: messageType,
              EnrollmentID: enrollmentId,
              Topic: "com.apple.mgmt.External.test",
              ...(messageType === "Authenticate" ? { DeviceName: "Hanako's iPhone", ProductName: "iPhone15,2" } : {}),
            }),
          },
        },
        HMAC_KEY,
      );
      expect(res.status).toBe(200);
    }
    const device = await t.db.prisma.device.findUniqueOrThrow({ where: { udid: enrollmentId } });
    expect(device).toMatchObject({ userEnrollment: true, platform: "IOS", state: "MANAGED" });
    const owner = await aPerson(t.db.prisma, { locale: "en" });
    await t.db.prisma.device.update({ where: { id: device.id }, data: { ownerId: owner.id } });
    const created = await t.app.core.reports.create({
      channel: "WEB",
      reporterEmail: owner.email,
      deviceDescription: "my iPhone",
      deviceIds: [device.id],
      circumstances: "STOLEN",
      consentLostMode: true,
      locale: "en",
    });
    await t.flush();
    const ts = await incidentTs(t, created.report.id);
    const incident = latestIncident(t, ts, created.report.reference);
    expect(actionIds(incident)).not.toContain("lost_mode_enable");
    expect(actionIds(incident)).not.toContain("device_full_reset");
    expect(JSON.stringify(blocksOf(incident))).toMatch(
      /Apple allows none on a device enrolled through User Enrollment/,
    );
    expect(buttonIn(incident, "device_wipe").text.text).toBe("Remove company data");

    const value = JSON.stringify({ r: created.report.id, d: device.id });
    await click(ADMIN_1, "device_wipe", value);
    const wipe = await t.db.prisma.command.findFirstOrThrow({ where: { deviceId: device.id } });
    await t.app.core.commands.approve(await t.app.core.actors.fromSlack(ADMIN_2), wipe.id);
    await t.app.core.commands.sweep(t.clock.now());
    const sent = await until(() =>
      nano.commandsFor(enrollmentId).find((c) => ["RemoveProfile", "EraseDevice"].includes(c.Command.RequestType)),
    );
    // EraseDevice is forbidden on a user-enrolled device (device.erase.yaml); RemoveProfile is allowed.
    expect(sent.Command).toEqual({ RequestType: "RemoveProfile", Identifier: PROFILE_ID });
    // A crafted full reset is refused by the core: Apple cannot erase a user-enrolled device.
    await expect(
      t.app.core.commands.request(await t.app.core.actors.fromSlack(ADMIN_1), {
        deviceId: device.id,
        type: "ERASE_DEVICE",
        params: { scope: "full" },
      }),
    ).rejects.toMatchObject({ details: { reasonKey: "capability.full_reset.impossible" } });
  });
});
