// NanoMDM's webhook into the running app: signature check, command reports moving commands,
// result plists decoded, CheckOut → unenrolled with an alert, and a wiped ADE device that
// re-enrolls while still lost getting lost mode enqueued again at NanoMDM.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_1, type TestApp } from "../support/harness.js";
import { aDevice } from "../support/builders.js";
import { acknowledgeEvent, checkinEvent, FakeNanoMdm, postWebhook, startNanoMdmApp } from "../support/fake-nanomdm.js";
import { signNanoMdmBody } from "../../src/drivers/nanomdm/webhook.js";
import { commandLines } from "../../src/slack/blocks/commands.js";

const HMAC_KEY = "nanomdm-webhook-key-for-tests";
let t: TestApp;
let nano: FakeNanoMdm;

beforeAll(async () => {
  nano = await new FakeNanoMdm().start();
  t = await startNanoMdmApp(nano, HMAC_KEY);
});
afterAll(async () => {
  await t.close();
  await nano.stop();
});
beforeEach(() => nano.reset());

async function nanoDevice(over: Parameters<typeof aDevice>[1] = {}) {
  const d = await aDevice(t.db.prisma, { driver: "nanomdm", supervised: true, ...over });
  nano.enroll(d.udid!);
  return d;
}

async function request(
  deviceId: string,
  type: "ENABLE_LOST_MODE" | "DEVICE_LOCATION" | "DEVICE_LOCK" | "ERASE_DEVICE",
  params: Record<string, unknown> = {},
) {
  const admin = await t.app.core.actors.fromSlack(ADMIN_1);
  return t.app.core.commands.request(admin, { deviceId, type, params });
}

const commandRow = (id: string) => t.db.prisma.command.findUniqueOrThrow({ where: { id } });

describe("NanoMDM webhook: authentication", () => {
  it("accepts a correctly signed event and refuses a forged or missing signature", async () => {
    const d = await nanoDevice();
    const ev = acknowledgeEvent(d.udid!, null, "Idle");
    expect((await postWebhook(t.url, ev, HMAC_KEY)).status).toBe(200);
    expect((await postWebhook(t.url, ev, "not-the-key")).status).toBe(401);
    expect((await postWebhook(t.url, ev, null)).status).toBe(401);
  });

  it("checks the signature over the exact bytes: a body changed after signing is refused", async () => {
    const body = JSON.stringify(checkinEvent("mdm.CheckOut", "00008110-FORGED"));
    const sig = signNanoMdmBody(body, HMAC_KEY);
    const res = await fetch(`${t.url}/webhooks/nanomdm`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hmac-signature": sig },
      body: body.replace("FORGED", "FORGEE"),
    });
    expect(res.status).toBe(401);
  });

  it("answers a signed but malformed event with 400", async () => {
    const body = "{not json";
    const res = await fetch(`${t.url}/webhooks/nanomdm`, {
      method: "POST",
      headers: { "x-hmac-signature": signNanoMdmBody(body, HMAC_KEY) },
      body,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "invalid_input" });
  });
});

describe("NanoMDM webhook: command reports", () => {
  it("enqueues lost mode at NanoMDM when it is requested, and Acknowledged moves it to ACKNOWLEDGED and the device into lost mode", async () => {
    const d = await nanoDevice();
    const cmd = await request(d.id, "ENABLE_LOST_MODE", {
      Message: "拾った方はご連絡ください",
      PhoneNumber: "03-1234-5678",
    });
    expect(nano.commandsFor(d.udid!)).toEqual([
      {
        CommandUUID: cmd.uuid,
        Command: { RequestType: "EnableLostMode", Message: "拾った方はご連絡ください", PhoneNumber: "03-1234-5678" },
      },
    ]);
    expect(await commandRow(cmd.id)).toMatchObject({ state: "SENT", driver: "nanomdm", driverRef: cmd.uuid });
    // Until the device answers, the card and the incident say since when it has been waiting.
    expect(commandLines([await commandRow(cmd.id)], "en", "Asia/Tokyo")[0]).toMatch(
      /Lost mode.*waiting for the device since .*never expires/,
    );

    const res = await postWebhook(t.url, acknowledgeEvent(d.udid!, cmd.uuid, "Acknowledged"), HMAC_KEY);
    expect(res.json).toMatchObject({ ok: true, state: "ACKNOWLEDGED" });
    expect(await commandRow(cmd.id)).toMatchObject({ state: "ACKNOWLEDGED" });
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ state: "LOST_MODE" });
  });

  it("keeps a NotNow command pending, then records the location from DeviceLocation's Latitude/Longitude", async () => {
    const d = await nanoDevice({ state: "LOST_MODE" });
    const cmd = await request(d.id, "DEVICE_LOCATION");
    await postWebhook(t.url, acknowledgeEvent(d.udid!, cmd.uuid, "NotNow"), HMAC_KEY);
    expect(await commandRow(cmd.id)).toMatchObject({ state: "SENT" });
    await postWebhook(
      t.url,
      acknowledgeEvent(d.udid!, cmd.uuid, "Acknowledged", {
        Latitude: 35.6812,
        Longitude: 139.7671,
        HorizontalAccuracy: 12,
      }),
      HMAC_KEY,
    );
    expect(await commandRow(cmd.id)).toMatchObject({
      state: "ACKNOWLEDGED",
      result: { latitude: 35.6812, longitude: 139.7671, accuracy: 12 },
    });
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({
      lastLatitude: 35.6812,
      lastLongitude: 139.7671,
    });
  });

  it("learns from DeviceLock's MessageResult NoPasscodeSet that the lock protects nothing", async () => {
    const d = await nanoDevice();
    const cmd = await request(d.id, "DEVICE_LOCK", { Message: "Call IT" });
    await postWebhook(
      t.url,
      acknowledgeEvent(d.udid!, cmd.uuid, "Acknowledged", { MessageResult: "NoPasscodeSet" }),
      HMAC_KEY,
    );
    expect(await commandRow(cmd.id)).toMatchObject({ state: "ACKNOWLEDGED" });
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({
      passcodePresent: false,
    });
  });

  it("records Error and CommandFormatError with the device's own words", async () => {
    const d = await nanoDevice();
    const cmd = await request(d.id, "ENABLE_LOST_MODE", { Message: "lost" });
    const chain = {
      ErrorChain: [
        {
          ErrorCode: 12081,
          ErrorDomain: "MCMDMErrorDomain",
          LocalizedDescription: "デバイスは監視対象ではありません",
          USEnglishDescription: "The device is not supervised.",
        },
      ],
    };
    await postWebhook(t.url, acknowledgeEvent(d.udid!, cmd.uuid, "Error", chain), HMAC_KEY);
    expect(await commandRow(cmd.id)).toMatchObject({
      state: "ERROR",
      error: "The device is not supervised. (MCMDMErrorDomain 12081)",
    });

    const d2 = await nanoDevice();
    const cmd2 = await request(d2.id, "DEVICE_LOCK");
    await postWebhook(t.url, acknowledgeEvent(d2.udid!, cmd2.uuid, "CommandFormatError"), HMAC_KEY);
    expect(await commandRow(cmd2.id)).toMatchObject({
      state: "ERROR",
      error: expect.stringContaining("CommandFormatError"),
    });
  });

  it("ignores a report about another device's command, and commands it never sent", async () => {
    const d = await nanoDevice();
    const other = await nanoDevice();
    const cmd = await request(d.id, "DEVICE_LOCK");
    expect(
      (await postWebhook(t.url, acknowledgeEvent(other.udid!, cmd.uuid, "Acknowledged"), HMAC_KEY)).json,
    ).toMatchObject({ ignored: "unknown command" });
    expect(
      (await postWebhook(t.url, acknowledgeEvent(d.udid!, crypto.randomUUID(), "Acknowledged"), HMAC_KEY)).json,
    ).toMatchObject({ ignored: "unknown command" });
    expect(await commandRow(cmd.id)).toMatchObject({ state: "SENT" });
  });

  it("notes an Idle check-in as the device's last contact", async () => {
    const d = await nanoDevice({ lastCheckInAt: new Date("2026-11-01T00:00:00Z") });
    await postWebhook(t.url, acknowledgeEvent(d.udid!, null, "Idle"), HMAC_KEY);
    expect((await t.db.prisma.device.findUniqueOrThrow({ where: { id: d.id } })).lastCheckInAt).toEqual(t.clock.now());
  });
});

describe("NanoMDM webhook: enrollment", () => {
  it("marks a device that checked out as unenrolled and raises an unenrolled alert", async () => {
    const d = await nanoDevice();
    const res = await postWebhook(t.url, checkinEvent("mdm.CheckOut", d.udid!), HMAC_KEY);
    expect(res.json).toMatchObject({ ok: true, state: "UNENROLLED" });
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ state: "UNENROLLED" });
    expect(await t.db.prisma.alert.findMany({ where: { deviceId: d.id } })).toEqual([
      expect.objectContaining({ type: "unenrolled", source: "nanomdm" }),
    ]);
  });

  it("re-applies lost mode when a wiped ADE device that is still lost re-enrolls (erase clears it on the device)", async () => {
    const d = await nanoDevice({ ade: true });
    const lost = await request(d.id, "ENABLE_LOST_MODE", { Message: "紛失中", PhoneNumber: "03-0000-0000" });
    await postWebhook(t.url, acknowledgeEvent(d.udid!, lost.uuid, "Acknowledged"), HMAC_KEY);
    const wipe = await request(d.id, "ERASE_DEVICE");
    const second = await t.app.core.actors.fromSlack("UADMIN2");
    await t.app.core.commands.approve(second, wipe.id);
    expect(nano.commandsFor(d.udid!).map((c) => c.Command.RequestType)).toEqual(["EnableLostMode", "EraseDevice"]);
    await postWebhook(t.url, acknowledgeEvent(d.udid!, wipe.uuid, "Acknowledged"), HMAC_KEY);
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({
      state: "AWAITING_REENROLLMENT",
    });

    // Activation: the device enrolls again through ADE.
    await postWebhook(t.url, checkinEvent("mdm.Authenticate", d.udid!), HMAC_KEY);
    expect(nano.commandsFor(d.udid!)).toHaveLength(2);
    const res = await postWebhook(t.url, checkinEvent("mdm.TokenUpdate", d.udid!, { token_update_tally: 1 }), HMAC_KEY);
    expect(res.json).toMatchObject({ ok: true, state: "MANAGED" });
    // Back in management it is asked to describe itself, and lost mode goes again.
    const types = nano.commandsFor(d.udid!).map((c) => c.Command.RequestType);
    expect(types.slice(2).sort()).toEqual([
      "DeviceInformation",
      "EnableLostMode",
      "InstalledApplicationList",
      "SecurityInfo",
    ]);
    const sent = actionsFor(d.udid!);
    expect(sent).toHaveLength(3);
    expect(sent[2]).toMatchObject({
      Command: { RequestType: "EnableLostMode", Message: "紛失中", PhoneNumber: "03-0000-0000" },
    });
    expect(sent[2].CommandUUID).not.toBe(lost.uuid);
  });

  it("does not lock a re-enrolled device whose loss ended (lost mode was turned off)", async () => {
    const d = await nanoDevice({ ade: true, state: "AWAITING_REENROLLMENT" });
    await postWebhook(t.url, checkinEvent("mdm.TokenUpdate", d.udid!), HMAC_KEY);
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ state: "MANAGED" });
    expect(actionsFor(d.udid!)).toHaveLength(0);
  });

  it("adds a device NanoMDM enrolled that we did not know, with its name and model from Authenticate", async () => {
    const udid = "00008120-00NEWDEVICE01";
    const ev = checkinEvent("mdm.Authenticate", udid);
    const { build } = await import("plist");
    ev.checkin_event.raw_payload = Buffer.from(
      build({
        MessageType: "Authenticate",
        UDID: udid,
        DeviceName: "Hanako's iPad",
        ProductName: "iPad13,1",
        Model: "iPad Air",
        SerialNumber: "DMPXYZ123",
      }),
    ).toString("base64");
    await postWebhook(t.url, ev, HMAC_KEY);
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { udid } })).toMatchObject({
      name: "Hanako's iPad",
      platform: "IPADOS",
      serial: "DMPXYZ123",
      driver: "nanomdm",
      state: "MANAGED",
    });
  });
});

/** What was sent to the device apart from the questions it is asked about itself and its apps. */
const actionsFor = (udid: string) =>
  nano
    .commandsFor(udid)
    .filter((c) => !["DeviceInformation", "SecurityInfo", "InstalledApplicationList"].includes(c.Command.RequestType));

describe("NanoMDM webhook: a listed device enrolling", () => {
  it("recognises a device listed by serial (no UDID yet) when it first enrolls, instead of adding a second one", async () => {
    const listed = await aDevice(t.db.prisma, {
      platform: "IPADOS",
      udid: null,
      serial: "DMPLISTED01",
      driver: "agent",
    });
    const udid = "00008120-00LISTED0001";
    const ev = checkinEvent("mdm.Authenticate", udid);
    const { build } = await import("plist");
    ev.checkin_event.raw_payload = Buffer.from(
      build({
        MessageType: "Authenticate",
        UDID: udid,
        DeviceName: "iPad",
        ProductName: "iPad13,1",
        SerialNumber: "DMPLISTED01",
      }),
    ).toString("base64");
    await postWebhook(t.url, ev, HMAC_KEY);
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: listed.id } })).toMatchObject({
      udid,
      driver: "nanomdm",
    });
    expect(await t.db.prisma.device.count({ where: { serial: "DMPLISTED01" } })).toBe(1);
  });
});

describe("MDM_DRIVER_APPLE=nanomdm", () => {
  it("puts Apple devices that came without a driver (inventory import) on NanoMDM, leaving agent-enrolled and Android devices alone", async () => {
    const listed = await aDevice(t.db.prisma, { platform: "IOS", driver: "agent" });
    const agent = await aDevice(t.db.prisma, { platform: "IOS", driver: "agent" });
    await t.db.prisma.device.update({ where: { id: agent.id }, data: { agentTokenHash: `hash-${agent.id}` } });
    const android = await aDevice(t.db.prisma, { platform: "ANDROID", driver: "agent" });
    await t.app.core.enrollments.applyDriverSelection();
    const driverOf = async (id: string) => (await t.db.prisma.device.findUniqueOrThrow({ where: { id } })).driver;
    expect([await driverOf(listed.id), await driverOf(agent.id), await driverOf(android.id)]).toEqual([
      "nanomdm",
      "agent",
      "agent",
    ]);
  });
});
