// Wipe is the one irreversible command: two different administrators, and a confirmation that
// says what follows. Plus the lock's passcode caveat.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, ADMIN_2, startTestApp, type TestApp } from "../support/harness.js";
import { actionIds, answer, checkIn, incidentTs, latestIncident, lostDevice, threadTexts, until } from "./support.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const reply = (id: string) => until(() => t.slack.responses.find((r) => r.id === id), `a reply to ${id}`);

function blocksOf(message: Record<string, any>): any[] {
  return typeof message.blocks === "string" ? JSON.parse(message.blocks) : (message.blocks ?? []);
}

describe("wipe", () => {
  it("needs a second administrator; the requester cannot approve their own", async () => {
    const lost = await lostDevice(t);
    const ts = await incidentTs(t, lost.reportId);
    // The button's confirmation names the device and says it leaves management.
    const wipeButton = blocksOf(latestIncident(t, ts, lost.reference))
      .flatMap((b) => b.elements ?? [])
      .find((e: any) => e.action_id === "device_wipe");
    expect(wipeButton.confirm.text.text).toMatch(/iPhone .*LEAVES management/);

    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "device_wipe",
      value: lost.value,
      messageTs: ts,
      responseId: "wipe-1",
    });
    expect((await reply("wipe-1")).body.text).toMatch(/Another administrator must approve/);
    const wipe = await t.db.prisma.command.findFirstOrThrow({
      where: { deviceId: lost.agent.deviceId, type: "ERASE_DEVICE" },
    });
    expect(wipe.state).toBe("AWAITING_APPROVAL");
    // Nothing reaches the device before the second approval.
    expect((await checkIn(t, lost.agent.token)).json.commands).toEqual([]);

    await t.flush();
    const approval = t.slack.posts().find((p) => p.thread_ts === ts && actionIds(p).includes("wipe_approve"))!;
    expect(String(approval.reply_broadcast)).toBe("true"); // form-encoded on the wire
    const approveValue = blocksOf(approval)
      .flatMap((b) => b.elements ?? [])
      .find((e: any) => e.action_id === "wipe_approve").value;
    expect(actionIds(latestIncident(t, ts, lost.reference))).toEqual(
      expect.arrayContaining(["wipe_approve", "wipe_cancel"]),
    );
    expect(actionIds(latestIncident(t, ts, lost.reference))).not.toContain("device_wipe");

    // The same administrator again: refused, nothing changes.
    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "wipe_approve",
      value: approveValue,
      responseId: "self-approve",
    });
    expect((await reply("self-approve")).body.text).toMatch(/two different administrators/);
    expect(await t.db.prisma.command.findUniqueOrThrow({ where: { id: wipe.id } })).toMatchObject({
      state: "AWAITING_APPROVAL",
    });
    // Clicking "wipe" again does not make a second request either.
    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "device_wipe",
      value: lost.value,
      responseId: "wipe-again",
    });
    expect((await reply("wipe-again")).body.text).toMatch(/already waiting for a second administrator/);

    // The second administrator approves: queued, and the approval post — the wipe's one status
    // line — is edited in place to say so, its buttons gone.
    await t.requests.blockAction({
      user: ADMIN_2,
      actionId: "wipe_approve",
      value: approveValue,
      responseId: "approve",
    });
    expect((await reply("approve")).body.text).toMatch(/approved and queued/);
    expect(await t.db.prisma.command.findUniqueOrThrow({ where: { id: wipe.id } })).toMatchObject({ state: "QUEUED" });
    expect((await t.db.prisma.lossReport.findUniqueOrThrow({ where: { id: lost.reportId } })).status).toBe(
      "WIPE_REQUESTED",
    );
    await t.flush();
    expect(threadTexts(t, ts).join("\n")).toMatch(/<@UADMIN2> approved the wipe/);
    const closed = t.slack
      .callsTo("chat.update")
      .map((c) => c.args)
      .find((a) => /<@UADMIN2> approved the wipe/.test(a.text));
    expect(closed).toBeDefined();
    expect(actionIds(closed!)).toEqual([]);

    const [cmd] = (await checkIn(t, lost.agent.token)).json.commands;
    expect(cmd.type).toBe("EraseDevice");
    await answer(t, lost.agent.token, cmd.id, { status: "Acknowledged" });
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: lost.agent.deviceId } })).toMatchObject({
      state: "WIPED",
      agentTokenHash: null,
    });
    // The wiped device's token is dead.
    expect((await checkIn(t, lost.agent.token)).status).toBe(401);
    await t.flush();
    expect(threadTexts(t, ts).join("\n")).toMatch(/wiped and has left management/);
    expect((await t.db.prisma.lossReport.findUniqueOrThrow({ where: { id: lost.reportId } })).status).toBe("WIPED");

    const trail = await t.db.prisma.auditEntry.findMany({
      where: { subject: `command:${wipe.id}` },
      orderBy: { id: "asc" },
    });
    expect(trail.map((a) => `${a.actor} ${a.action}`)).toEqual(
      expect.arrayContaining([
        `slack:${ADMIN_1} command.request`,
        `slack:${ADMIN_1} command.refused`,
        `slack:${ADMIN_1} command.duplicate`,
        `slack:${ADMIN_2} command.approve`,
      ]),
    );
  });

  it("tells the admin an ADE device re-enrolls and stays managed, and leaves it awaiting re-enrolment", async () => {
    const lost = await lostDevice(t, { device: { ade: true } });
    const ts = await incidentTs(t, lost.reportId);
    const wipeButton = blocksOf(latestIncident(t, ts, lost.reference))
      .flatMap((b) => b.elements ?? [])
      .find((e: any) => e.action_id === "device_wipe");
    expect(wipeButton.confirm.text.text).toMatch(/ADE device: it re-enrolls on activation and stays managed/);
    const wipe = await t.app.core.commands.request(await t.app.core.actors.fromSlack(ADMIN_1), {
      deviceId: lost.agent.deviceId,
      type: "ERASE_DEVICE",
      reportId: lost.reportId,
    });
    await t.app.core.commands.approve(await t.app.core.actors.fromSlack(ADMIN_2), wipe.id);
    const [cmd] = (await checkIn(t, lost.agent.token)).json.commands;
    await answer(t, lost.agent.token, cmd.id, { status: "Acknowledged" });
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: lost.agent.deviceId } })).toMatchObject({
      state: "AWAITING_REENROLLMENT",
    });
  });

  it("can be withdrawn before it is approved", async () => {
    const lost = await lostDevice(t);
    await t.requests.blockAction({ user: ADMIN_1, actionId: "device_wipe", value: lost.value, responseId: "w" });
    await reply("w");
    await t.requests.blockAction({ user: ADMIN_2, actionId: "wipe_cancel", value: lost.value, responseId: "cancel" });
    expect((await reply("cancel")).body.text).toMatch(/withdrawn/);
    expect(await t.db.prisma.command.findFirstOrThrow({ where: { deviceId: lost.agent.deviceId } })).toMatchObject({
      state: "CANCELLED",
      activeKey: null,
    });
  });
});

describe("lock", () => {
  it("warns that it needs a passcode, and reports a device that has none", async () => {
    const lost = await lostDevice(t, { device: { supervised: false } });
    await t.requests.blockAction({ user: ADMIN_1, actionId: "device_lock", value: lost.value });
    const open = await until(
      () => t.slack.callsTo("views.open").find((c) => c.args.view.callback_id === "device_lock_submit"),
      "the lock modal",
    );
    expect(JSON.stringify(open.args.view.blocks)).toMatch(/only helps if a passcode is already set/);
    await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: "device_lock_submit",
      privateMetadata: open.args.view.private_metadata,
      values: {},
    });
    const lock = await until(
      () => t.db.prisma.command.findFirst({ where: { deviceId: lost.agent.deviceId, type: "DEVICE_LOCK" } }),
      "the lock",
    );
    expect(lock.expiresAt).not.toBeNull();
    const [cmd] = (await checkIn(t, lost.agent.token)).json.commands;
    expect(cmd.type).toBe("DeviceLock");
    await answer(t, lost.agent.token, cmd.id, { status: "Error", error: "No passcode set on this device" });
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: lost.agent.deviceId } })).toMatchObject({
      passcodePresent: false,
    });
    await t.flush();
    const ts = await incidentTs(t, lost.reportId);
    expect(threadTexts(t, ts).join("\n")).toMatch(/no passcode is set\*, so the lock protects nothing/);
    // An unsupervised iPhone cannot have lost mode: the advice says so instead of suggesting it.
    expect(threadTexts(t, ts).join("\n")).toMatch(/Lost mode is not possible on this device/);
    expect(threadTexts(t, ts).join("\n")).not.toMatch(/Use lost mode instead/);
  });
});
