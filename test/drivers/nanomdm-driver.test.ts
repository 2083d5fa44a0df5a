// The NanoMDM driver against a local NanoMDM: the exact enqueue requests Apple's protocol and
// NanoMDM's API document, and what each answer means for the command.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/core/clock.js";
import type { OutgoingCommand } from "../../src/core/ports/index.js";
import { NanoMdmDriver } from "../../src/drivers/nanomdm.js";
import { FakeNanoMdm } from "../support/fake-nanomdm.js";

let nano: FakeNanoMdm;
let driver: NanoMdmDriver;
const clock = new ManualClock();
const UDID = "00008110-000A1B2C3D4E5F60";

function command(
  over: Partial<OutgoingCommand> = {},
  device: Partial<OutgoingCommand["device"]> = {},
): OutgoingCommand {
  return {
    id: "cmd1",
    uuid: crypto.randomUUID(),
    type: "ENABLE_LOST_MODE",
    params: {
      message: "この端末は紛失中です / This iPhone is lost",
      phoneNumber: "+81 3-1234-5678",
      footnote: "LR-2026-0042",
    },
    expiresAt: null,
    driverRef: null,
    device: {
      id: "d1",
      platform: "IOS",
      udid: UDID,
      serial: "F2LX",
      imei: null,
      externalId: null,
      supervised: true,
      ade: false,
      ...device,
    },
    ...over,
  };
}

beforeAll(async () => {
  // The SQL storages' answers (MySQL/PostgreSQL); file storage has its own test below.
  nano = await new FakeNanoMdm(undefined, "sql").start();
  nano.enroll(UDID);
  driver = new NanoMdmDriver({ url: nano.url + "/", apiKey: nano.apiKey, clock, timeoutMs: 5_000 });
});
afterAll(() => nano.stop());
beforeEach(() => nano.reset());

describe("NanoMDM driver: enqueue", () => {
  it("enqueues EnableLostMode as an Apple plist with the CommandUUID, PUT to /v1/enqueue/<udid> with HTTP Basic nanomdm:<key>", async () => {
    const cmd = command();
    expect(await driver.send(cmd)).toEqual({ kind: "sent", driverRef: cmd.uuid });
    const [req] = nano.requests;
    expect(req!.udid).toBe(UDID);
    expect(req!.authorization).toBe("Basic " + Buffer.from(`nanomdm:${nano.apiKey}`).toString("base64"));
    expect(req!.body).toContain("<!DOCTYPE plist");
    expect(req!.plist).toEqual({
      CommandUUID: cmd.uuid,
      Command: {
        RequestType: "EnableLostMode",
        Message: "この端末は紛失中です / This iPhone is lost",
        PhoneNumber: "+81 3-1234-5678",
        Footnote: "LR-2026-0042",
      },
    });
  });

  it("builds each command with exactly Apple's keys (PIN only for macOS)", async () => {
    const cases: [
      OutgoingCommand["type"],
      Record<string, unknown>,
      OutgoingCommand["device"]["platform"],
      Record<string, unknown>,
    ][] = [
      ["DISABLE_LOST_MODE", {}, "IOS", { RequestType: "DisableLostMode" }],
      ["DEVICE_LOCATION", {}, "IOS", { RequestType: "DeviceLocation" }],
      ["PLAY_LOST_MODE_SOUND", {}, "IPADOS", { RequestType: "PlayLostModeSound" }],
      [
        "ERASE_DEVICE",
        { pin: "123456", preserveDataPlan: true, disallowProximitySetup: true },
        "IOS",
        { RequestType: "EraseDevice", PreserveDataPlan: true, DisallowProximitySetup: true },
      ],
      ["ERASE_DEVICE", { pin: "123456" }, "MACOS", { RequestType: "EraseDevice", PIN: "123456" }],
      [
        "DEVICE_LOCK",
        { message: "Call IT", phoneNumber: "0120-000-000", pin: "654321" },
        "MACOS",
        { RequestType: "DeviceLock", Message: "Call IT", PhoneNumber: "0120-000-000", PIN: "654321" },
      ],
      ["DEVICE_LOCK", { message: "Call IT", pin: "654321" }, "IOS", { RequestType: "DeviceLock", Message: "Call IT" }],
    ];
    for (const [type, params, platform, expected] of cases) {
      const cmd = command({ type, params }, { platform });
      expect(await driver.send(cmd)).toMatchObject({ kind: "sent" });
      expect(nano.requests.at(-1)!.plist).toEqual({ CommandUUID: cmd.uuid, Command: expected });
    }
  });

  it("does not enqueue again when the command already has a driverRef (reconcile after a crash)", async () => {
    const cmd = command();
    await driver.send(cmd);
    expect(await driver.send({ ...cmd, driverRef: cmd.uuid })).toEqual({ kind: "sent", driverRef: cmd.uuid });
    expect(nano.requests).toHaveLength(1);
  });

  it("treats NanoMDM's duplicate-CommandUUID refusal as already sent, so a crash between send and record never doubles it", async () => {
    const cmd = command();
    await driver.send(cmd);
    expect(await driver.send(cmd)).toEqual({ kind: "sent", driverRef: cmd.uuid });
    expect(nano.queued.get(UDID)!.has(cmd.uuid)).toBe(true);
  });

  it("counts a command queued without its APNs push as sent (the device collects it at check-in)", async () => {
    nano.failNext("push-error");
    const cmd = command();
    expect(await driver.send(cmd)).toEqual({ kind: "sent", driverRef: cmd.uuid });
  });
});

describe("NanoMDM driver: failures", () => {
  it("fails permanently with NanoMDM's own message for a device it does not know", async () => {
    const out = await driver.send(command({}, { udid: "UNKNOWN-UDID" }));
    expect(out.kind).toBe("failed");
    expect((out as { reason: string }).reason).toMatch(/NanoMDM: .*foreign key constraint/);
  });

  it("fails permanently on a wrong API key, naming the setting to fix", async () => {
    const wrong = new NanoMdmDriver({ url: nano.url, apiKey: "wrong", clock });
    expect(await wrong.send(command())).toEqual({
      kind: "failed",
      reason: expect.stringMatching(/HTTP 401.*NANOMDM_API_KEY/),
    });
  });

  it("retries a 503 after NanoMDM's Retry-After, and a bare 500 with backoff", async () => {
    nano.failNext({ status: 503, headers: { "retry-after": "120" } });
    expect(await driver.send(command())).toEqual({ kind: "retry", reason: "NanoMDM HTTP 503", afterMs: 120_000 });
    nano.failNext({ status: 500, body: { command_error: "enqueue: connection refused" } });
    // No Retry-After: no afterMs, so the core's exponential backoff decides the wait.
    expect(await driver.send(command())).toEqual({
      kind: "retry",
      reason: "NanoMDM HTTP 500: enqueue: connection refused",
    });
  });

  it("gives up waiting after the client timeout and asks to retry (bounded, nothing hangs)", async () => {
    nano.failNext("hang");
    const impatient = new NanoMdmDriver({ url: nano.url, apiKey: nano.apiKey, clock, timeoutMs: 300 });
    const started = Date.now();
    const out = await impatient.send(command());
    expect(out).toMatchObject({ kind: "retry", reason: "NanoMDM did not answer in time" });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("asks to retry when NanoMDM is unreachable", async () => {
    const down = new NanoMdmDriver({ url: "http://127.0.0.1:9", apiKey: "x", clock, timeoutMs: 500 });
    expect(await down.send(command())).toMatchObject({
      kind: "retry",
      reason: expect.stringMatching(/unreachable|in time/),
    });
  });

  it("refuses a device without a UDID instead of guessing", async () => {
    expect(await driver.send(command({}, { udid: null }))).toMatchObject({
      kind: "failed",
      reason: expect.stringContaining("UDID"),
    });
    expect(nano.requests).toHaveLength(0);
  });
});

describe("NanoMDM driver: file storage (deprecated; filekv is the default now)", () => {
  let file: FakeNanoMdm;
  let onFile: NanoMdmDriver;
  beforeAll(async () => {
    file = await new FakeNanoMdm(undefined, "file").start();
    file.enroll(UDID);
    onFile = new NanoMdmDriver({ url: file.url, apiKey: file.apiKey, clock, timeoutMs: 5_000 });
  });
  afterAll(() => file.stop());

  it("fails a command for an id NanoMDM does not know, although NanoMDM wrote it: only the push error says so", async () => {
    const out = await onFile.send(command({}, { udid: "00008110-NEVERENROLLED" }));
    expect(out).toEqual({
      kind: "failed",
      reason: expect.stringMatching(
        /NanoMDM does not know this device \(UDID 00008110-NEVERENROLLED\).*push data missing for id/,
      ),
    });
    // NanoMDM really did write it to disk: the answer, not the enqueue, is what tells.
    expect(file.queued.get("00008110-NEVERENROLLED")?.size).toBe(1);
  });

  it("takes a repeated CommandUUID as queued (filekv refuses it as already existing; file overwrites it)", async () => {
    const kv = await new FakeNanoMdm(undefined, "filekv").start();
    try {
      kv.enroll(UDID);
      const onKv = new NanoMdmDriver({ url: kv.url, apiKey: kv.apiKey, clock, timeoutMs: 5_000 });
      const first = command();
      expect(await onKv.send(first)).toEqual({ kind: "sent", driverRef: first.uuid });
      expect(await onKv.send(first)).toEqual({ kind: "sent", driverRef: first.uuid });
      expect(await onKv.resend(first)).toEqual({ kind: "still_queued" });
    } finally {
      await kv.stop();
    }
    const cmd = command();
    expect(await onFile.send(cmd)).toEqual({ kind: "sent", driverRef: cmd.uuid });
    expect(await onFile.send(cmd)).toEqual({ kind: "sent", driverRef: cmd.uuid });
    expect(file.commandsFor(UDID).filter((p) => p.CommandUUID === cmd.uuid)).toHaveLength(2);
    expect(await onFile.resend(cmd)).toEqual({ kind: "queued_again" });
  });
});
