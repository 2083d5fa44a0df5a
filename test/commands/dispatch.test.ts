// How a push driver's outcomes slot into the lifecycle without the core knowing the driver:
// sent (with its remote id), retry later, failed for good, a crash mid-send reconciled with the
// same CommandUUID, and results that arrive by polling.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "../../src/core/actors.js";
import type { Commands } from "../../src/core/commands/index.js";
import type { CommandDriver, CommandResult, OutgoingCommand, SendOutcome } from "../../src/core/ports/index.js";
import { aDevice } from "../support/builders.js";
import { startTestApp, type TestApp } from "../support/harness.js";

/** A push service's behaviour, scripted per call: what send() and poll() answer. */
class ScriptedPushDriver implements CommandDriver {
  readonly name = "push";
  readonly sends: OutgoingCommand[] = [];
  sendOutcomes: SendOutcome[] = [];
  pollAnswers: (CommandResult | null)[] = [];
  crashNextSend = false;
  async send(cmd: OutgoingCommand): Promise<SendOutcome> {
    this.sends.push(cmd);
    if (this.crashNextSend) {
      this.crashNextSend = false;
      throw new Error("process died mid-call");
    }
    return this.sendOutcomes.shift() ?? { kind: "sent", driverRef: `op-${cmd.uuid}` };
  }
  async poll(): Promise<CommandResult | null> {
    return this.pollAnswers.shift() ?? null;
  }
}

let t: TestApp;
let push: ScriptedPushDriver;
let commands: Commands;
beforeAll(async () => {
  push = new ScriptedPushDriver();
  t = await startTestApp({ drivers: [push] });
  commands = t.app.core.commands;
});
afterAll(() => t.close());

const row = (id: string) => t.db.prisma.command.findUniqueOrThrow({ where: { id } });

describe("push drivers", () => {
  it("marks a command SENT with the remote id, then records the polled result", async () => {
    const device = await aDevice(t.db.prisma, { driver: "push" });
    const lock = await commands.request(SYSTEM, { deviceId: device.id, type: "DEVICE_LOCK" });
    expect(await row(lock.id)).toMatchObject({
      state: "SENT",
      driver: "push",
      driverRef: `op-${lock.uuid}`,
      nextAttemptAt: null,
      attempts: 1,
    });
    push.pollAnswers.push(null, { status: "Acknowledged" });
    await commands.sweep(t.clock.now());
    expect((await row(lock.id)).state).toBe("SENT");
    await commands.sweep(t.clock.now());
    expect((await row(lock.id)).state).toBe("ACKNOWLEDGED");
  });

  it("retries after a transient failure, when it is due", async () => {
    const device = await aDevice(t.db.prisma, { driver: "push" });
    push.sendOutcomes.push({ kind: "retry", reason: "503 from the service", afterMs: 60_000 });
    const lock = await commands.request(SYSTEM, { deviceId: device.id, type: "DEVICE_LOCK" });
    expect(await row(lock.id)).toMatchObject({ state: "QUEUED", error: "503 from the service" });
    const sent = push.sends.length;
    await commands.sweep(t.clock.now());
    expect(push.sends.length).toBe(sent); // not yet due
    t.clock.advance(60_000);
    await commands.sweep(t.clock.now());
    expect(await row(lock.id)).toMatchObject({ state: "SENT", error: null });
  });

  it("ends in ERROR with the service's message on a permanent failure", async () => {
    const device = await aDevice(t.db.prisma, { driver: "push" });
    push.sendOutcomes.push({ kind: "failed", reason: "device not enrolled in the service" });
    const lock = await commands.request(SYSTEM, { deviceId: device.id, type: "DEVICE_LOCK" });
    expect(await row(lock.id)).toMatchObject({
      state: "ERROR",
      error: "device not enrolled in the service",
      activeKey: null,
    });
  });

  it("finds a send a crash interrupted and re-sends it under the same CommandUUID", async () => {
    const device = await aDevice(t.db.prisma, { driver: "push" });
    // A crash between "marked SENT" and the driver's answer: simulate by claiming without answering.
    const lock = await t.db.prisma.command.create({
      data: {
        deviceId: device.id,
        type: "DEVICE_LOCK",
        state: "SENT",
        sentAt: t.clock.now(),
        nextAttemptAt: new Date(t.clock.now().getTime() + 5 * 60_000),
        activeKey: `${device.id}:DEVICE_LOCK`,
        queuedAt: t.clock.now(),
      },
    });
    await commands.sweep(t.clock.now());
    expect(push.sends.filter((s) => s.id === lock.id)).toHaveLength(0); // its lease has not run out
    t.clock.advance(5 * 60_000);
    await commands.sweep(t.clock.now());
    const resent = push.sends.filter((s) => s.id === lock.id);
    expect(resent).toHaveLength(1);
    expect(resent[0]!.uuid).toBe(lock.uuid);
    expect(await row(lock.id)).toMatchObject({ state: "SENT", driverRef: `op-${lock.uuid}`, nextAttemptAt: null });
  });

  it("leaves an agent device's command QUEUED for its next check-in", async () => {
    const device = await aDevice(t.db.prisma, { driver: "agent" });
    const lock = await commands.request(SYSTEM, { deviceId: device.id, type: "DEVICE_LOCK" });
    expect(await row(lock.id)).toMatchObject({ state: "QUEUED", driver: "agent", nextAttemptAt: null });
    expect((await commands.collect(device.id)).map((c) => c.uuid)).toEqual([lock.uuid]);
    expect((await row(lock.id)).state).toBe("SENT");
  });
});
