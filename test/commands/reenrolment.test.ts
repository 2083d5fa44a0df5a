// One re-enrolment rule for every driver (core/enrollments/relock.ts): a wiped device whose loss
// is still open gets lost mode queued again when it enrols again — through the built-in agent's
// /enroll and through an Android Management API enrolment notification (the NanoMDM path is in
// test/drivers/nanomdm-webhook.test.ts). A loss that ended leaves the device alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, ADMIN_2, postJson as postHttp, type TestApp } from "../support/harness.js";
import { aDevice } from "../support/builders.js";
import type { FakeAndroidApi } from "../support/fake-android.js";
import { answer, checkIn, enroll, lostDevice } from "./support.js";
import { type AndroidApp, startAndroidApp, stopAndroidApp } from "../support/android-app.js";
import { sequence } from "../support/sequence.js";

const nextMessage = sequence("msg-");

const PUBSUB_TOKEN = "pubsub-token-reenrol";
let app: AndroidApp;
let t: TestApp;
let api: FakeAndroidApi;

beforeAll(async () => {
  app = await startAndroidApp("LC0re", PUBSUB_TOKEN);
  ({ t, api } = app);
});
afterAll(() => stopAndroidApp(app));

const admin = (id = ADMIN_1) => t.app.core.actors.fromSlack(id);

async function wipeThroughAgent(deviceId: string, token: string, reportId: string) {
  const wipe = await t.app.core.commands.request(await admin(), { deviceId, type: "ERASE_DEVICE", reportId });
  await t.app.core.commands.approve(await admin(ADMIN_2), wipe.id);
  const [cmd] = (await checkIn(t, token)).json.commands;
  expect(cmd.type).toBe("EraseDevice");
  await answer(t, token, cmd.id, { status: "Acknowledged" });
}

describe("the built-in agent", () => {
  it("queues lost mode again when a wiped ADE device that is still lost enrols again", async () => {
    const lost = await lostDevice(t, { device: { ade: true } });
    const enable = await t.app.core.commands.request(await admin(), {
      deviceId: lost.agent.deviceId,
      type: "ENABLE_LOST_MODE",
      reportId: lost.reportId,
      params: { Message: "Lost: call IT", PhoneNumber: "03-0000-0000" },
    });
    const [first] = (await checkIn(t, lost.agent.token)).json.commands;
    expect(first.id).toBe(enable.uuid);
    await answer(t, lost.agent.token, first.id, { status: "Acknowledged" });
    await wipeThroughAgent(lost.agent.deviceId, lost.agent.token, lost.reportId);
    const device = await t.db.prisma.device.findUniqueOrThrow({ where: { id: lost.agent.deviceId } });
    expect(device.state).toBe("AWAITING_REENROLLMENT");

    // Activation after the erase: the agent enrols again with the same identifiers.
    const again = await enroll(t, { udid: device.udid, serial: device.serial, name: device.name, ade: true });
    expect(again.deviceId).toBe(device.id);
    const commands = (await checkIn(t, again.token)).json.commands;
    expect(commands).toEqual([
      expect.objectContaining({
        type: "EnableLostMode",
        params: expect.objectContaining({ Message: "Lost: call IT", PhoneNumber: "03-0000-0000" }),
      }),
    ]);
    expect(commands[0].id).not.toBe(enable.uuid);
    const trail = await t.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: "device.lost_mode_reapplied", subject: `device:${device.id}` },
    });
    expect(trail.details).toMatchObject({ reportId: lost.reportId, driver: "agent" });
  });

  it("leaves a re-enrolled device alone once its loss is over (found)", async () => {
    const lost = await lostDevice(t, { device: { ade: true } });
    await t.app.core.commands.request(await admin(), {
      deviceId: lost.agent.deviceId,
      type: "ENABLE_LOST_MODE",
      reportId: lost.reportId,
      params: { Message: "Lost" },
    });
    const [first] = (await checkIn(t, lost.agent.token)).json.commands;
    await answer(t, lost.agent.token, first.id, { status: "Acknowledged" });
    await wipeThroughAgent(lost.agent.deviceId, lost.agent.token, lost.reportId);
    await t.db.prisma.lossReport.update({ where: { id: lost.reportId }, data: { status: "FOUND" } });
    const device = await t.db.prisma.device.findUniqueOrThrow({ where: { id: lost.agent.deviceId } });
    const again = await enroll(t, { udid: device.udid, serial: device.serial, ade: true });
    expect((await checkIn(t, again.token)).json.commands).toEqual([]);
  });
});

describe("Android Management API", () => {
  const pubsub = (type: string, data: unknown) =>
    postHttp(`${t.url}/webhooks/android-pubsub?token=${PUBSUB_TOKEN}`, {
      message: {
        data: Buffer.from(JSON.stringify(data)).toString("base64"),
        attributes: { notificationType: type },
        messageId: nextMessage(),
      },
    });

  it("queues lost mode again when a wiped phone that is still lost enrols under a new resource name", async () => {
    const name = api.addDevice("oldphone1");
    const d = await aDevice(t.db.prisma, { platform: "ANDROID", driver: "android", serial: "SN-oldphone1" });
    await t.db.prisma.device.update({ where: { id: d.id }, data: { externalId: name } });
    const enable = await t.app.core.commands.request(await admin(), {
      deviceId: d.id,
      type: "ENABLE_LOST_MODE",
      params: { Message: "Lost: call IT", PhoneNumber: "03-0000-0000" },
    });
    const sent = await t.db.prisma.command.findUniqueOrThrow({ where: { id: enable.id } });
    api.complete(sent.driverRef!, { startLostModeStatus: "SUCCESS" });
    await t.app.core.commands.sweep(t.clock.now());
    expect(await t.db.prisma.command.findUniqueOrThrow({ where: { id: enable.id } })).toMatchObject({
      state: "ACKNOWLEDGED",
    });
    // Wiped (the phone was erased while lost), then provisioned again: Google gives it a new name.
    await t.db.prisma.device.update({ where: { id: d.id }, data: { state: "WIPED" } });
    const newName = api.addDevice("newphone1", {
      hardwareInfo: { brand: "google", model: "Pixel 8", serialNumber: "SN-oldphone1" },
    });

    const res = await pubsub("ENROLLMENT", api.devices.get(newName));
    expect(res.json).toMatchObject({ ok: true, device: "updated" });
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({
      state: "MANAGED",
      externalId: newName,
    });
    const issued = api.calls("POST", `${newName}:issueCommand`);
    expect(issued).toHaveLength(1);
    expect(issued[0]!.body).toMatchObject({
      type: "START_LOST_MODE",
      startLostModeParams: { lostMessage: { defaultMessage: "Lost: call IT" } },
    });
    expect(
      (
        await t.db.prisma.auditEntry.findFirstOrThrow({
          where: { action: "device.lost_mode_reapplied", subject: `device:${d.id}` },
        })
      ).details,
    ).toMatchObject({ driver: "android" });

    // The same report again (Pub/Sub redelivers) queues nothing more.
    await pubsub("STATUS_REPORT", api.devices.get(newName));
    expect(api.calls("POST", `${newName}:issueCommand`)).toHaveLength(1);
  });
});
