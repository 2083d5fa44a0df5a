// A Mac's lock and erase carry a six-digit Find My PIN the app makes up, kept sealed, shown to the
// requester and the approver once and on the device card on request (audited); Apple's erase
// options per platform with safe defaults; and the Activation Lock bypass code of a supervised
// device escrowed sealed, then used through NanoMDM's escrow-key unlock for a recovered device
// after its wipe, with two administrators.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_1, ADMIN_2, type TestApp } from "../support/harness.js";
import { aDevice, aPerson } from "../support/builders.js";
import { acknowledgeEvent, FakeNanoMdm, postWebhook, startNanoMdmApp } from "../support/fake-nanomdm.js";
import { eventually, responseTo } from "../admin/helpers.js";

const HMAC_KEY = "nanomdm-webhook-key-mac";
let t: TestApp;
let nano: FakeNanoMdm;
const admin = (id = ADMIN_1) => t.app.core.actors.fromSlack(id);

beforeAll(async () => {
  nano = await new FakeNanoMdm().start();
  t = await startNanoMdmApp(nano, HMAC_KEY);
});
afterAll(async () => {
  await t.close();
  await nano.stop();
});
beforeEach(() => nano.reset());

async function aMac(over: Parameters<typeof aDevice>[1] = {}) {
  const d = await aDevice(t.db.prisma, { platform: "MACOS", driver: "nanomdm", supervised: true, ...over });
  nano.enroll(d.udid!);
  return d;
}

describe("a Mac's Find My PIN", () => {
  it("is made up by the app, sent in the Mac's DeviceLock, kept only sealed, and shown again on the card (audited)", async () => {
    const d = await aMac();
    const lock = await t.app.core.commands.request(await admin(), { deviceId: d.id, type: "DEVICE_LOCK" });
    const sent = nano.commandsFor(d.udid!)[0];
    expect(sent.Command.RequestType).toBe("DeviceLock");
    expect(sent.Command.PIN).toMatch(/^\d{6}$/);
    const row = await t.db.prisma.command.findUniqueOrThrow({ where: { id: lock.id } });
    expect(row.findMyPinSealed).toMatch(/^aes256gcm:v1:/);
    expect(JSON.stringify(row)).not.toContain(sent.Command.PIN);

    // The device card offers it; the click shows it to that admin alone and is recorded.
    const pin = await t.app.core.commands.findMyPin(await admin(ADMIN_2), lock.id, "device_card");
    expect(pin).toBe(sent.Command.PIN);
    const shown = await t.db.prisma.auditEntry.findMany({
      where: { subject: `command:${lock.id}`, action: "command.find_my_pin_shown" },
    });
    expect(shown.map((e) => e.details)).toEqual([expect.objectContaining({ why: "device_card" })]);
  });

  it("is shown to the requester of a wipe and to the approving admin in Slack, and the EraseDevice carries it", async () => {
    const d = await aMac({ name: "MacBook Pro 経理" });
    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "device_wipe",
      value: JSON.stringify({ d: d.id }),
      responseId: "mac-wipe",
    });
    const asked = (await responseTo(t.slack, "mac-wipe")) as { text: string };
    const pin = /`(\d{6})`/.exec(asked.text)?.[1];
    expect(pin, asked.text).toMatch(/^\d{6}$/);
    const wipe = await t.db.prisma.command.findFirstOrThrow({ where: { deviceId: d.id, type: "ERASE_DEVICE" } });
    expect(wipe.params).toEqual({ scope: "full", obliterationBehavior: "ObliterateWithWarning" });

    await t.requests.blockAction({
      user: ADMIN_2,
      actionId: "wipe_approve",
      value: JSON.stringify({ c: wipe.id }),
      responseId: "mac-approve",
    });
    const approved = (await responseTo(t.slack, "mac-approve")) as { text: string };
    expect(approved.text).toContain(`\`${pin}\``);
    const erase = nano.commandsFor(d.udid!).find((c) => c.Command.RequestType === "EraseDevice");
    expect(erase.Command).toEqual({
      RequestType: "EraseDevice",
      PIN: pin,
      ObliterationBehavior: "ObliterateWithWarning",
    });
  });

  it("is refused with the reason when SECRET_ENCRYPTION_KEY is not set (a PIN is never kept in clear)", async () => {
    const n2 = await new FakeNanoMdm().start();
    const s = await startNanoMdmApp(n2, HMAC_KEY, { SECRET_ENCRYPTION_KEY: undefined });
    try {
      const d = await aDevice(s.db.prisma, { platform: "MACOS", driver: "nanomdm" });
      await expect(
        s.app.core.commands.request(await s.app.core.actors.fromSlack(ADMIN_1), {
          deviceId: d.id,
          type: "DEVICE_LOCK",
        }),
      ).rejects.toThrow(/SECRET_ENCRYPTION_KEY is not set/);
      expect(n2.requests).toHaveLength(0);
    } finally {
      await s.close();
      await n2.stop();
    }
  });

  it("is never given to an iPhone (Apple's PIN key is macOS only)", async () => {
    const d = await aDevice(t.db.prisma, { driver: "nanomdm" });
    nano.enroll(d.udid!);
    const lock = await t.app.core.commands.request(await admin(), { deviceId: d.id, type: "DEVICE_LOCK" });
    expect(lock.findMyPinSealed).toBeNull();
    const sent = await eventually(() => nano.commandsFor(d.udid!)[0], "the DeviceLock at NanoMDM");
    expect(sent.Command).toEqual({ RequestType: "DeviceLock" });
  });
});

describe("erase options", () => {
  it("gives an iPhone's wipe the safe defaults, lets the requester change them before approval, and sends Apple's keys", async () => {
    const d = await aDevice(t.db.prisma, { driver: "nanomdm", ade: true });
    nano.enroll(d.udid!);
    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "device_wipe",
      value: JSON.stringify({ d: d.id }),
      responseId: "ios-wipe",
    });
    const reply = (await responseTo(t.slack, "ios-wipe")) as { blocks: any[] };
    const optionsButton = reply.blocks
      .flatMap((b) => b.elements ?? [])
      .find((e: any) => e.action_id === "wipe_options");
    expect(optionsButton).toBeDefined();
    const wipe = await t.db.prisma.command.findFirstOrThrow({ where: { deviceId: d.id, type: "ERASE_DEVICE" } });
    expect(wipe.params).toEqual({
      scope: "full",
      preserveDataPlan: true,
      disallowProximitySetup: true,
      returnToService: false,
    });

    // The modal shows Apple's iPhone options, prefilled; untick the data plan, tick Return to Service.
    t.slack.reset();
    await t.requests.blockAction({ user: ADMIN_1, actionId: "wipe_options", value: optionsButton.value });
    const opened = await (async () => {
      for (let i = 0; i < 100; i++) {
        const v = t.slack.callsTo("views.open").at(-1);
        if (v) return v;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error("no modal");
    })();
    const view = opened.args.view as any;
    const flags = view.blocks.find((b: any) => b.block_id === "flags");
    expect(flags.element.options.map((o: any) => o.value)).toEqual([
      "preserveDataPlan",
      "disallowProximitySetup",
      "returnToService",
    ]);
    expect(flags.element.initial_options.map((o: any) => o.value)).toEqual([
      "preserveDataPlan",
      "disallowProximitySetup",
    ]);
    expect(view.blocks.find((b: any) => b.block_id === "obliteration")).toBeUndefined();
    await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: view.callback_id,
      privateMetadata: view.private_metadata,
      values: {
        flags: { value: { selected_options: [{ value: "disallowProximitySetup" }, { value: "returnToService" }] } },
      },
    });
    for (let i = 0; i < 100; i++) {
      const p = (await t.db.prisma.command.findUniqueOrThrow({ where: { id: wipe.id } })).params as any;
      if (p.returnToService) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await t.app.core.commands.approve(await admin(ADMIN_2), wipe.id);
    const erase = nano.commandsFor(d.udid!).find((c) => c.Command.RequestType === "EraseDevice");
    expect(erase.Command).toEqual({
      RequestType: "EraseDevice",
      PreserveDataPlan: false,
      DisallowProximitySetup: true,
      ReturnToService: { Enabled: true },
    });
  });

  it("refuses an option the platform does not have, with the reason", async () => {
    const d = await aMac();
    await expect(
      t.app.core.commands.request(await admin(), {
        deviceId: d.id,
        type: "ERASE_DEVICE",
        params: { preserveDataPlan: false },
      }),
    ).rejects.toThrow(/preserveDataPlan is not an erase option for this device/);
    await expect(
      t.app.core.commands.request(await admin(), {
        deviceId: d.id,
        type: "ERASE_DEVICE",
        params: { obliterationBehavior: "Sometimes" },
      }),
    ).rejects.toThrow(/obliterationBehavior must be one of/);
  });
});

describe("Activation Lock", () => {
  async function answer(udid: string, type: string, report: Record<string, unknown>) {
    const c = nano.commandsFor(udid).findLast((x) => x.Command.RequestType === type);
    expect(c, type).toBeDefined();
    const res = await postWebhook(t.url, acknowledgeEvent(udid, c.CommandUUID, "Acknowledged", report), HMAC_KEY);
    expect(res.status).toBe(200);
    return c.CommandUUID as string;
  }

  it("escrows the bypass code of a supervised device sealed, and clears Activation Lock after the wipe of a recovered device with two admins", async () => {
    const owner = await aPerson(t.db.prisma);
    const d = await aDevice(t.db.prisma, {
      driver: "nanomdm",
      ownerId: owner.id,
      supervised: false,
      serial: "F2LXK0QJHG7F",
    });
    nano.enroll(d.udid!);
    await t.db.prisma.device.update({
      where: { id: d.id },
      data: { productName: "iPhone15,2", mdmTopic: "com.apple.mgmt.External.test", imei: "356789012345678" },
    });
    // The device says it is supervised and Activation Lock is on: the bypass code is asked for at once.
    await t.app.core.enrollments.askToDescribe(d.id);
    await answer(d.udid!, "DeviceInformation", {
      QueryResponses: { IsSupervised: true, IsActivationLockEnabled: true, ProductName: "iPhone15,2" },
    });
    const code = "3UM43-PUYVY-QYD1-UVCC-HEHJ-FKA4";
    const uuid = await answer(d.udid!, "ActivationLockBypassCode", { ActivationLockBypassCode: code });
    const device = await t.db.prisma.device.findUniqueOrThrow({ where: { id: d.id } });
    expect(device.activationLockEnabled).toBe(true);
    expect(device.activationLockBypassSealed).toMatch(/^aes256gcm:v1:/);
    const query = await t.db.prisma.command.findUniqueOrThrow({ where: { uuid } });
    expect(JSON.stringify(query.result)).not.toContain("PUYVY");
    expect(query.result).toEqual({ escrowed: true });

    // Not before the device is wiped and recovered.
    await expect(
      t.app.core.commands.request(await admin(), { deviceId: d.id, type: "CLEAR_ACTIVATION_LOCK" }),
    ).rejects.toThrow(/has not been wiped/);
    const created = await t.app.core.reports.create({
      channel: "WEB",
      reporterEmail: owner.email,
      deviceDescription: "iPhone",
      deviceIds: [d.id],
      circumstances: "LOST",
      contactPhone: "090-1234-5678",
      consentLostMode: true,
      locale: "en",
    });
    const wipe = await t.app.core.commands.request(await admin(), {
      deviceId: d.id,
      type: "ERASE_DEVICE",
      reportId: created.report.id,
    });
    await t.app.core.commands.approve(await admin(ADMIN_2), wipe.id);
    await answer(d.udid!, "EraseDevice", {});
    await expect(
      t.app.core.commands.request(await admin(), { deviceId: d.id, type: "CLEAR_ACTIVATION_LOCK" }),
    ).rejects.toThrow(/has not been recovered/);
    await t.app.core.commands.resolveReport(await admin(), created.report.id, "FOUND");

    // Recovered and wiped: one admin asks, a second approves, then NanoMDM's escrow-key unlock.
    const clear = await t.app.core.commands.request(await admin(), { deviceId: d.id, type: "CLEAR_ACTIVATION_LOCK" });
    expect(clear.state).toBe("AWAITING_APPROVAL");
    expect(nano.unlocks).toHaveLength(0);
    await expect(t.app.core.commands.approve(await admin(), clear.id)).rejects.toThrow(/second administrator/);
    await t.app.core.commands.approve(await admin(ADMIN_2), clear.id);
    expect(nano.unlocks).toEqual([
      {
        topic: "com.apple.mgmt.External.test",
        serial: "F2LXK0QJHG7F",
        productType: "iPhone15,2",
        orgName: "IT",
        guid: expect.any(String),
        escrowKey: code,
        imei: "356789012345678",
      },
    ]);
    expect(await t.db.prisma.command.findUniqueOrThrow({ where: { id: clear.id } })).toMatchObject({
      state: "ACKNOWLEDGED",
    });
    expect((await t.db.prisma.device.findUniqueOrThrow({ where: { id: d.id } })).activationLockEnabled).toBe(false);
    const trail = await t.db.prisma.auditEntry.findMany({
      where: { subject: `command:${clear.id}` },
      orderBy: { id: "asc" },
    });
    expect(trail.map((e) => e.action)).toEqual(
      expect.arrayContaining(["command.request", "command.approve", "command.acknowledged"]),
    );
  });

  it("records Apple's refusal and NanoMDM's missing push certificate as errors with their reasons", async () => {
    const d = await aDevice(t.db.prisma, { driver: "nanomdm", serial: "F2LXK0QJHG8A" });
    const base = { id: "c1", uuid: "u1", type: "CLEAR_ACTIVATION_LOCK" as const, expiresAt: null, driverRef: null };
    const device = { ...d, udid: d.udid, serial: d.serial, imei: null, externalId: null };
    const { NanoMdmDriver } = await import("../../src/drivers/nanomdm.js");
    const driver = new NanoMdmDriver({ url: nano.url, apiKey: nano.apiKey, clock: t.clock });
    const params = {
      topic: "com.apple.mgmt.External.test",
      serial: d.serial,
      productType: "iPhone15,2",
      orgName: "IT",
      guid: "a@b",
      escrowKey: "X",
    };
    nano.appleUnlockAnswer = { status: 400, body: "INVALID_DEVICE" };
    expect(await driver.send({ ...base, params, device })).toEqual({
      kind: "answered",
      result: { status: "Error", error: "Apple refused to clear Activation Lock (HTTP 400): INVALID_DEVICE" },
    });
    expect(await driver.send({ ...base, params: { ...params, topic: "com.apple.mgmt.other" }, device })).toMatchObject({
      kind: "answered",
      result: { status: "Error", error: expect.stringMatching(/HTTP 500\): retrieve push cert for topic/) },
    });
    expect(await driver.send({ ...base, params: { ...params, escrowKey: "" }, device })).toMatchObject({
      result: { error: "NanoMDM refused the request: invalid or missing parameters" },
    });
    nano.appleUnlockAnswer = { status: 200, body: "" };
  });
});
