// The whole path an incident takes: report → an admin enables lost mode in Slack → the device
// checks in, runs it and answers → the incident message, its thread and the reporter's status
// page follow; then location and "found" with lost mode ended.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, startTestApp, type TestApp } from "../support/harness.js";
import { actionIds, answer, checkIn, incidentTs, latestIncident, lostDevice, threadTexts, until } from "./support.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const responseFor = (id: string) => until(() => t.slack.responses.find((r) => r.id === id), `a reply to ${id}`);

describe("lost mode, approved in Slack and carried out by the device", () => {
  it("tells the admin to click again when Slack's 3 seconds to open the form ran out", async () => {
    const lost = await lostDevice(t);
    const ts = await incidentTs(t, lost.reportId);
    t.slack.failNext("views.open", { error: "expired_trigger_id" });
    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "lost_mode_enable",
      value: lost.value,
      messageTs: ts,
      responseId: "late-open",
    });
    const reply = await responseFor("late-open");
    expect(reply.body.text).toMatch(/could not open in time.*click again/);
    expect(await t.db.prisma.command.count({ where: { deviceId: lost.agent.deviceId } })).toBe(0);
  });

  it("goes from the button to the device and back to Slack and the status page", async () => {
    const lost = await lostDevice(t);
    const ts = await incidentTs(t, lost.reportId);
    expect(actionIds(latestIncident(t, ts, lost.reference))).toContain("lost_mode_enable");

    // The button opens a modal prefilled with the company's lock-screen message; never the
    // reporter's own number (no help-desk number is set here: test/admin/company-contact.test.ts).
    const click = await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "lost_mode_enable",
      value: lost.value,
      messageTs: ts,
    });
    expect(click.status).toBe(200);
    const open = await until(() => t.slack.callsTo("views.open").at(-1), "the lost-mode modal");
    const view = open.args.view;
    expect(view.callback_id).toBe("lost_mode_submit");
    const inputs = Object.fromEntries(
      view.blocks.filter((b: any) => b.type === "input").map((b: any) => [b.block_id, b.element.initial_value]),
    );
    expect(inputs.message).toMatch(/lost/i);
    expect(inputs.phone).toBeUndefined();

    // Neither a message nor a phone number: refused in the modal, nothing queued.
    const empty = await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: "lost_mode_submit",
      privateMetadata: view.private_metadata,
      values: { message: { value: "" }, phone: { value: "" }, footnote: { value: "" } },
    });
    expect(empty.json()).toMatchObject({
      response_action: "errors",
      errors: { message: expect.stringMatching(/at least one/) },
    });
    expect(await t.db.prisma.command.count({ where: { deviceId: lost.agent.deviceId } })).toBe(0);

    await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: "lost_mode_submit",
      privateMetadata: view.private_metadata,
      values: {
        message: { value: "Please return this phone" },
        phone: { value: "03-1111-2222" },
        footnote: { value: "" },
      },
    });
    const command = await until(
      () =>
        t.db.prisma.command.findFirst({
          where: { deviceId: lost.agent.deviceId, type: "ENABLE_LOST_MODE", driver: "agent" },
        }),
      "the queued command",
    );
    expect(command).toMatchObject({ state: "QUEUED", expiresAt: null, reportId: lost.reportId });
    await until(
      () => t.slack.callsTo("chat.postEphemeral").find((c) => c.args.user === ADMIN_1),
      "the ephemeral confirmation",
    );
    await t.flush();
    expect(threadTexts(t, ts).join("\n")).toMatch(/queued .* by <@UADMIN1>.*Never expires/s);
    expect(actionIds(latestIncident(t, ts, lost.reference))).not.toContain("lost_mode_enable");
    expect((await t.db.prisma.lossReport.findUniqueOrThrow({ where: { id: lost.reportId } })).status).toBe(
      "LOST_MODE_REQUESTED",
    );

    // The device checks in and gets it with Apple's name and the lock-screen text.
    const first = await checkIn(t, lost.agent.token);
    expect(first.status).toBe(200);
    expect(first.json.commands).toEqual([
      {
        id: command!.uuid,
        type: "EnableLostMode",
        params: { Message: "Please return this phone", PhoneNumber: "03-1111-2222" },
      },
    ]);
    const device = await t.db.prisma.device.findUniqueOrThrow({ where: { id: lost.agent.deviceId } });
    expect(device.lastCheckInAt?.toISOString()).toBe(t.clock.now().toISOString());

    // Not now (the device is busy): still pending, handed over again at the next check-in.
    expect((await answer(t, lost.agent.token, command!.uuid, { status: "NotNow" })).status).toBe(200);
    expect((await checkIn(t, lost.agent.token)).json.commands.map((c: any) => c.id)).toEqual([command!.uuid]);
    // The thread's status line says so while it lasts (a later answer redraws the same line).
    await t.flush();
    expect(threadTexts(t, ts).join("\n")).toMatch(/NotNow/);

    expect((await answer(t, lost.agent.token, command!.uuid, { status: "Acknowledged" })).status).toBe(200);
    expect((await checkIn(t, lost.agent.token)).json.commands).toEqual([]);
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: lost.agent.deviceId } })).toMatchObject({
      state: "LOST_MODE",
    });
    await t.flush();

    const thread = threadTexts(t, ts).join("\n");
    expect(thread).toMatch(/delivered to/);
    expect(thread).toMatch(/is in lost mode/);
    // The message was updated in place: lost mode is done, its follow-ups are offered.
    const message = latestIncident(t, ts, lost.reference);
    expect(t.slack.callsTo("chat.update").length).toBeGreaterThan(0);
    expect(actionIds(message)).toEqual(
      expect.arrayContaining(["device_locate", "lost_mode_sound", "lost_mode_disable", "report_found"]),
    );
    expect(actionIds(message)).not.toContain("lost_mode_enable");

    // The reporter's status page follows the same states.
    const steps = await t.db.prisma.lossReportEvent.findMany({
      where: { reportId: lost.reportId },
      orderBy: { at: "asc" },
    });
    expect(steps.map((s) => s.status)).toEqual(expect.arrayContaining(["LOST_MODE_REQUESTED", "LOST_MODE_ENABLED"]));
    const page = await fetch(`${t.url}/report/status/${lost.statusToken}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/lost mode/i);

    // Location: the answer lands on the device, the report, and the thread as a map link.
    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "device_locate",
      value: lost.value,
      messageTs: ts,
      responseId: "locate-1",
    });
    await responseFor("locate-1");
    const locate = (await checkIn(t, lost.agent.token)).json.commands[0];
    expect(locate.type).toBe("DeviceLocation");
    await answer(t, lost.agent.token, locate.id, {
      status: "Acknowledged",
      result: { latitude: 35.681236, longitude: 139.767125 },
    });
    await t.flush();
    expect(threadTexts(t, ts).join("\n")).toContain("https://www.google.com/maps?q=35.681236,139.767125");
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: lost.agent.deviceId } })).toMatchObject({
      lastLatitude: 35.681236,
      lastLongitude: 139.767125,
    });
    expect((await t.db.prisma.lossReport.findUniqueOrThrow({ where: { id: lost.reportId } })).status).toBe("LOCATED");

    // Found: the modal offers to end lost mode, ticked; submitting closes the report and queues it.
    await t.requests.blockAction({ user: ADMIN_1, actionId: "report_found", value: lost.value, messageTs: ts });
    const found = await until(
      () => t.slack.callsTo("views.open").find((c) => c.args.view.callback_id === "report_found_submit"),
      "the found modal",
    );
    await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: "report_found_submit",
      privateMetadata: found.args.view.private_metadata,
      values: { disable: { value: { selectedOptions: [lost.agent.deviceId] } } },
    });
    // Handed to the agent driver: it waits, queued, for the device.
    const disable = await until(
      () =>
        t.db.prisma.command.findFirst({
          where: { deviceId: lost.agent.deviceId, type: "DISABLE_LOST_MODE", driver: "agent" },
        }),
      "disable lost mode",
    );
    expect(disable.state).toBe("QUEUED");
    expect((await t.db.prisma.lossReport.findUniqueOrThrow({ where: { id: lost.reportId } })).status).toBe("FOUND");
    const off = (await checkIn(t, lost.agent.token)).json.commands[0];
    expect(off.type).toBe("DisableLostMode");
    await answer(t, lost.agent.token, off.id, { status: "Acknowledged" });
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: lost.agent.deviceId } })).toMatchObject({
      state: "MANAGED",
    });

    // Every decision is in the audit log with who.
    const trail = await t.db.prisma.auditEntry.findMany({
      where: { subject: `command:${command!.id}` },
      orderBy: { id: "asc" },
    });
    expect(trail.map((a) => [a.actor, a.action])).toEqual([
      [`slack:${ADMIN_1}`, "command.request"],
      [`device:${lost.agent.deviceId}`, "command.sent"],
      [`device:${lost.agent.deviceId}`, "command.not_now"],
      [`device:${lost.agent.deviceId}`, "command.acknowledged"],
    ]);
  });

  it("is refused at the button, with the reason, for an unsupervised iPhone", async () => {
    const lost = await lostDevice(t, { device: { supervised: false } });
    const ts = await incidentTs(t, lost.reportId);
    expect(actionIds(latestIncident(t, ts, lost.reference))).not.toContain("lost_mode_enable");
    const opened = t.slack.callsTo("views.open").length;
    // A stale message or a crafted click still reaches the core, which refuses it.
    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "lost_mode_enable",
      value: lost.value,
      responseId: "unsupervised",
    });
    const reply = await responseFor("unsupervised");
    expect(reply.body.text).toMatch(/not supervised/);
    expect(t.slack.callsTo("views.open")).toHaveLength(opened);
    expect(await t.db.prisma.command.count({ where: { deviceId: lost.agent.deviceId } })).toBe(0);
    const refusal = await t.db.prisma.auditEntry.findFirst({
      where: { action: "command.refused", subject: `device:${lost.agent.deviceId}` },
    });
    expect(refusal).toMatchObject({ actor: `slack:${ADMIN_1}` });
  });
});
