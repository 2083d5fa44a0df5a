// Apple's platform rules in the core (reference/apple-device-management): lost mode, location and
// sound exist only for supervised iOS/iPadOS. Slack explains it where the button would be, and a
// crafted request (a button or modal forged for a Mac) is refused by the core with the same reason.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, startTestApp, type TestApp } from "../support/harness.js";
import { aDevice } from "../support/builders.js";
import { capabilities } from "../../src/core/devices/capabilities.js";
import { lostDevice, until } from "./support.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const reply = (id: string) => until(() => t.slack.responses.find((r) => r.id === id), `a reply to ${id}`);

describe("Apple's platform rules", () => {
  it("offers lost mode, location and sound only on supervised iPhones and iPads", () => {
    const base = { supervised: true, ade: false, state: "LOST_MODE" as const, passcodePresent: null };
    const of = (over: Partial<typeof base> & { platform: "IOS" | "IPADOS" | "MACOS" }) =>
      capabilities({ ...base, ...over });
    expect(of({ platform: "IOS" }).locate.allowed).toBe(true);
    expect(of({ platform: "IPADOS" }).sound.allowed).toBe(true);
    for (const action of ["lost_mode", "locate", "sound"] as const) {
      expect(of({ platform: "MACOS" })[action]).toEqual({ allowed: false, reasonKey: "capability.lost_mode.macos" });
      expect(of({ platform: "IOS", supervised: false })[action]).toEqual({
        allowed: false,
        reasonKey: "capability.lost_mode.unsupervised",
      });
    }
    expect(of({ platform: "MACOS", state: "MANAGED" as never }).lock.allowed).toBe(true);
    expect(of({ platform: "MACOS", state: "MANAGED" as never }).wipe.allowed).toBe(true);
  });

  it("refuses a crafted lost-mode click and modal for a Mac in the core, saying why, and queues nothing", async () => {
    const lost = await lostDevice(t, {
      device: { platform: "macos", name: "Design MacBook", model: "MacBookPro18,3" },
    });
    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "lost_mode_enable",
      value: lost.value,
      responseId: "mac-lost",
    });
    expect((await reply("mac-lost")).body.text).toMatch(/No lost mode, location or sound on a Mac/);
    const ephemerals = t.slack.callsTo("chat.postEphemeral").length;
    await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: "lost_mode_submit",
      privateMetadata: JSON.stringify({ r: lost.reportId, d: lost.agent.deviceId, ch: "CADMIN" }),
      values: { message: { value: "Please return" }, phone: { value: "03-1111-2222" }, footnote: { value: "" } },
    });
    const told = await until(
      () =>
        t.slack
          .callsTo("chat.postEphemeral")
          .slice(ephemerals)
          .find((c) => c.args.user === ADMIN_1),
      "the refusal",
    );
    expect(told.args.text).toMatch(/No lost mode, location or sound on a Mac/);
    expect(await t.db.prisma.command.count({ where: { deviceId: lost.agent.deviceId } })).toBe(0);
    const refused = await t.db.prisma.auditEntry.findMany({
      where: { action: "command.refused", subject: `device:${lost.agent.deviceId}` },
    });
    expect(refused.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses location and sound for a Mac the inventory lists as in lost mode", async () => {
    const mac = await aDevice(t.db.prisma, { platform: "MACOS", state: "LOST_MODE" });
    const value = JSON.stringify({ d: mac.id });
    await t.requests.blockAction({ user: ADMIN_1, actionId: "device_locate", value, responseId: "mac-locate" });
    await t.requests.blockAction({ user: ADMIN_1, actionId: "lost_mode_sound", value, responseId: "mac-sound" });
    expect((await reply("mac-locate")).body.text).toMatch(/on a Mac/);
    expect((await reply("mac-sound")).body.text).toMatch(/on a Mac/);
    expect(await t.db.prisma.command.count({ where: { deviceId: mac.id } })).toBe(0);
  });
});
