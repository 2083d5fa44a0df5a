// The Android Management API driver through googleapis against a local API: the documented
// REST requests (paths, query, bodies, the OAuth bearer) and what each answer means.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/core/clock.js";
import { AndroidDriver } from "../../src/drivers/android.js";
import type { OutgoingCommand } from "../../src/core/ports/index.js";
import { configureLog } from "../../src/log.js";
import { FakeAndroidApi, presetTokenAuth } from "../support/fake-android.js";
import { sequence } from "../support/sequence.js";

const nextId = sequence("p");

configureLog({ level: "error" });
let api: FakeAndroidApi;
let driver: AndroidDriver;
let device: string;
const clock = new ManualClock("2026-11-20T01:00:00Z");

function command(over: Partial<OutgoingCommand> = {}): OutgoingCommand {
  return {
    id: "cmd1",
    uuid: crypto.randomUUID(),
    type: "ENABLE_LOST_MODE",
    params: {
      message: { ja: "この端末は紛失中です", en: "This phone is lost" },
      phoneNumber: "+81312345678",
      email: "it-desk@example.co.jp",
    },
    expiresAt: null,
    driverRef: null,
    device: {
      id: "d1",
      platform: "ANDROID",
      udid: null,
      serial: "SN-p1",
      imei: null,
      externalId: device,
      supervised: false,
      ade: false,
    },
    ...over,
  };
}

beforeAll(async () => {
  api = await new FakeAndroidApi().start();
  driver = new AndroidDriver({
    enterpriseId: "LC0test",
    auth: presetTokenAuth(api.token),
    rootUrl: api.url,
    clock,
    timeoutMs: 5_000,
    locale: "ja",
  });
});
afterAll(() => api.stop());
beforeEach(() => {
  api.requests.length = 0;
  api.operations.clear();
  api.listOperations = true;
  device = api.addDevice(nextId());
});

describe("Android driver: lost mode", () => {
  it("issues START_LOST_MODE with Japanese/English UserFacingMessages and a duration that does not lapse, with the service account's bearer token", async () => {
    const out = await driver.send(command());
    expect(out).toEqual({ kind: "sent", driverRef: expect.stringMatching(new RegExp(`^${device}/operations/\\d+$`)) });
    const [issue] = api.calls("POST", ":issueCommand");
    expect(issue!.path).toBe(`/v1/${device}:issueCommand`);
    expect(issue!.authorization).toBe(`Bearer ${api.token}`);
    expect(issue!.body).toEqual({
      type: "START_LOST_MODE",
      duration: "315360000s",
      startLostModeParams: {
        lostMessage: {
          defaultMessage: "この端末は紛失中です",
          localizedMessages: { ja: "この端末は紛失中です", en: "This phone is lost" },
        },
        lostPhoneNumber: {
          defaultMessage: "+81312345678",
          localizedMessages: { ja: "+81312345678", en: "+81312345678" },
        },
        lostEmailAddress: "it-desk@example.co.jp",
      },
    });
  });

  it("shows a default bilingual message when the admin gave none", async () => {
    await driver.send(command({ params: { phoneNumber: "0120-000-000" } }));
    const body = api.calls("POST", ":issueCommand")[0]!.body;
    expect(body.startLostModeParams.lostMessage.localizedMessages.ja).toContain("紛失");
    expect(body.startLostModeParams.lostMessage.localizedMessages.en).toContain("lost");
  });

  it("reads the operation until it is done: running → null, SUCCESS → Acknowledged", async () => {
    const out = (await driver.send(command())) as { driverRef: string };
    expect(await driver.poll({ ...command(), driverRef: out.driverRef })).toBeNull();
    expect(api.calls("GET", "/operations/").at(-1)!.path).toBe(`/v1/${out.driverRef}`);
    api.complete(out.driverRef, { startLostModeStatus: "SUCCESS" });
    expect(await driver.poll({ ...command(), driverRef: out.driverRef })).toEqual({
      status: "Acknowledged",
      result: { androidStatus: "SUCCESS" },
    });
  });

  it("maps a device refusing lost mode to an Error with the reason", async () => {
    const out = (await driver.send(command())) as { driverRef: string };
    api.complete(out.driverRef, { startLostModeStatus: "USER_EXIT_LOST_MODE_RECENTLY" });
    expect(await driver.poll({ ...command(), driverRef: out.driverRef })).toEqual({
      status: "Error",
      error: expect.stringContaining("USER_EXIT_LOST_MODE_RECENTLY"),
    });
  });

  it("maps a failed operation to an Error carrying Google's message and error code", async () => {
    const out = (await driver.send(command({ type: "DEVICE_LOCK", params: {} }))) as { driverRef: string };
    api.complete(out.driverRef, {
      errorCode: "MANAGEMENT_MODE",
      error: { code: 9, message: "Device is in an unsupported management mode." },
    });
    expect(await driver.poll({ ...command(), driverRef: out.driverRef })).toEqual({
      status: "Error",
      error: "Device is in an unsupported management mode. (MANAGEMENT_MODE)",
    });
  });

  it("ends lost mode with STOP_LOST_MODE and locks with LOCK; an expiring command carries its remaining validity", async () => {
    await driver.send(command({ type: "DISABLE_LOST_MODE", params: {} }));
    await driver.send(
      command({ type: "DEVICE_LOCK", params: {}, expiresAt: new Date(clock.now().getTime() + 7 * 86_400_000) }),
    );
    const bodies = api.calls("POST", ":issueCommand").map((r) => r.body);
    expect(bodies[0]).toEqual({ type: "STOP_LOST_MODE", duration: "315360000s", stopLostModeParams: {} });
    expect(bodies[1]).toEqual({ type: "LOCK", duration: "604800s" });
  });
});

describe("Android driver: crash safety", () => {
  it("adopts the operation recorded before a crash instead of issuing a second command", async () => {
    const first = (await driver.send(command())) as { driverRef: string };
    const again = await driver.send(command({ driverRef: first.driverRef }));
    expect(again).toEqual({ kind: "sent", driverRef: first.driverRef });
    expect(api.calls("POST", ":issueCommand")).toHaveLength(1);
  });

  it("finds a pending command of the same type on the device when the answer was lost", async () => {
    const first = (await driver.send(command())) as { driverRef: string };
    const again = await driver.send(command());
    expect(again).toEqual({ kind: "sent", driverRef: first.driverRef });
    expect(api.calls("POST", ":issueCommand")).toHaveLength(1);
    expect(api.calls("GET", "/operations").at(-1)!.path).toBe(`/v1/${device}/operations`);
  });

  it("issues anyway when the service does not list operations (UNIMPLEMENTED)", async () => {
    api.listOperations = false;
    expect(await driver.send(command())).toMatchObject({ kind: "sent" });
    expect(api.calls("POST", ":issueCommand")).toHaveLength(1);
  });
});

describe("Android driver: wipe", () => {
  it("issues Google's WIPE command with wipeDataFlags and a Japanese/English reason of at most 200 characters", async () => {
    const out = (await driver.send(
      command({ type: "ERASE_DEVICE", params: { reason: "紛".repeat(250), preserveDataPlan: false } }),
    )) as { kind: string; driverRef: string };
    expect(out).toEqual({ kind: "sent", driverRef: expect.stringContaining(`${device}/operations/`) });
    expect(api.calls("DELETE", "/devices/")).toHaveLength(0);
    const [issue] = api.calls("POST", `${device}:issueCommand`);
    expect(issue!.body).toMatchObject({
      type: "WIPE",
      wipeParams: { wipeDataFlags: ["PRESERVE_RESET_PROTECTION_DATA", "WIPE_EXTERNAL_STORAGE", "WIPE_ESIMS"] },
    });
    expect([...issue!.body.wipeParams.wipeReason.defaultMessage]).toHaveLength(200);
    api.complete(out.driverRef, { error: { code: 1, message: "cancelled" } });
    const standard = await driver.send(command({ type: "ERASE_DEVICE", params: {}, expiresAt: null }));
    const body = api.operations.get((standard as { driverRef: string }).driverRef)!.metadata;
    expect(body.wipeParams.wipeReason.localizedMessages).toEqual({
      ja: expect.stringContaining("仕事用プロファイル"),
      en: expect.stringContaining("work profile"),
    });
  });

  it("is not done while the device is offline; done once the device confirmed it and Google deleted its record", async () => {
    const out = (await driver.send(command({ type: "ERASE_DEVICE", params: {} }))) as { driverRef: string };
    const pending = { ...command({ type: "ERASE_DEVICE", params: {} }), driverRef: out.driverRef };
    expect(await driver.poll(pending)).toBeNull();
    expect(await driver.poll(pending)).toBeNull();
    api.connect(device);
    // Every call naming the device now answers 404, the operation included.
    expect(await driver.poll(pending)).toEqual({ status: "Acknowledged", result: { androidStatus: "DEVICE_DELETED" } });
  });

  it("reports a WIPE the device could not run as an error, not as a wipe", async () => {
    const out = (await driver.send(command({ type: "ERASE_DEVICE", params: {} }))) as { driverRef: string };
    api.complete(out.driverRef, {
      errorCode: "UNSUPPORTED",
      error: { code: 9, message: "Update Android Device Policy." },
    });
    expect(await driver.poll({ ...command({ type: "ERASE_DEVICE", params: {} }), driverRef: out.driverRef })).toEqual({
      status: "Error",
      error: "Update Android Device Policy. (UNSUPPORTED)",
    });
  });

  it("adopts the pending WIPE after a crash, and takes a device already deleted as wiped", async () => {
    const first = (await driver.send(command({ type: "ERASE_DEVICE", params: {} }))) as { driverRef: string };
    expect(await driver.send(command({ type: "ERASE_DEVICE", params: {} }))).toEqual({
      kind: "sent",
      driverRef: first.driverRef,
    });
    expect(api.calls("POST", ":issueCommand")).toHaveLength(1);
    api.connect(device);
    expect(await driver.send(command({ type: "ERASE_DEVICE", params: {}, driverRef: first.driverRef }))).toEqual({
      kind: "sent",
      driverRef: `wipe:${device}`,
    });
  });
});

describe("Android driver: failures", () => {
  it("fails permanently with Google's own message on a 403", async () => {
    api.failNext({ status: 403, message: "The caller does not have permission" });
    expect(await driver.send(command({ type: "DEVICE_LOCK", params: {} }))).toEqual({
      kind: "failed",
      reason: "Android Management API HTTP 403: The caller does not have permission",
    });
  });

  it("retries on 429 and 503, honouring Retry-After", async () => {
    api.failNext({ status: 429, message: "Quota exceeded", headers: { "retry-after": "90" } });
    expect(await driver.send(command())).toEqual({
      kind: "retry",
      reason: "Android Management API HTTP 429: Quota exceeded",
      afterMs: 90_000,
    });
    // The 429 pauses every caller of the project's quota: nothing is asked of Google meanwhile.
    const asked = api.requests.length;
    expect(await driver.send(command())).toMatchObject({ kind: "retry", afterMs: 90_000, reason: /quota/ });
    expect(api.requests.length).toBe(asked);
    clock.advance(90_000);
    api.failNext({ status: 503, message: "The service is currently unavailable." });
    expect(await driver.send(command())).toEqual({
      kind: "retry",
      reason: "Android Management API HTTP 503: The service is currently unavailable.",
    });
  });

  it("gives up after the client timeout and asks to retry (bounded)", async () => {
    api.failNext("hang");
    const impatient = new AndroidDriver({
      enterpriseId: "LC0test",
      auth: presetTokenAuth(api.token),
      rootUrl: api.url,
      clock,
      timeoutMs: 300,
    });
    const started = Date.now();
    expect(await impatient.send(command({ type: "DEVICE_LOCK", params: {} }))).toMatchObject({ kind: "retry" });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("keeps polling through a transient error and reports a vanished operation as an Error", async () => {
    const out = (await driver.send(command())) as { driverRef: string };
    api.failNext({ status: 500, message: "Internal error" });
    expect(await driver.poll({ ...command(), driverRef: out.driverRef })).toBeNull();
    expect(await driver.poll({ ...command(), driverRef: `${device}/operations/999` })).toEqual({
      status: "Error",
      error: expect.stringContaining("HTTP 404"),
    });
  });

  it("says plainly that Android has no location or sound command", async () => {
    expect(await driver.send(command({ type: "DEVICE_LOCATION", params: {} }))).toMatchObject({
      kind: "failed",
      reason: expect.stringContaining("no location command"),
    });
    expect(api.requests).toHaveLength(0);
  });
});
