// Slack delivers at least once. A retried event, a replayed slash command or click must be
// acked (so Slack stops) and must not act twice.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestApp, type TestApp, ADMIN_1 } from "../support/harness.js";
import { lostDevice, until } from "../commands/support.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const receipts = (key: string) => t.db.prisma.inboundReceipt.count({ where: { key } });

describe("Slack retries and duplicate deliveries", () => {
  it("answers a slash command once when Slack delivers it twice", async () => {
    t.slack.reset();
    const cmd = { command: "/mdm", text: "help", user: ADMIN_1, triggerId: "trig-dup-1", responseId: "dup-1" };
    const first = await t.requests.slashCommand(cmd);
    const again = await t.requests.slashCommand(cmd, {
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
    });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200); // acked: Slack stops retrying
    await vi.waitFor(() => expect(t.slack.responses.filter((r) => r.id === "dup-1")).toHaveLength(1));
    // A later, different command from the same person is a new request and is answered.
    await t.requests.slashCommand({ ...cmd, triggerId: "trig-dup-2" });
    await vi.waitFor(() => expect(t.slack.responses.filter((r) => r.id === "dup-1")).toHaveLength(2));
    expect(await receipts("slack-command:trig-dup-1")).toBe(1);
  });

  it("acks an Events API retry with 200 and records the event once", async () => {
    const event = { type: "app_home_opened", user: ADMIN_1, channel: "D1", tab: "home" };
    const a = await t.requests.event(event, { eventId: "Ev-retry-1" });
    const b = await t.requests.event(event, {
      eventId: "Ev-retry-1",
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
    });
    const c = await t.requests.event(event, {
      eventId: "Ev-retry-1",
      headers: { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_error" },
    });
    expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
    expect(await receipts("slack:Ev-retry-1")).toBe(1);
    // The App Home was published once for the three deliveries.
    await until(() => t.slack.callsTo("views.publish").find((c) => c.args.user_id === ADMIN_1), "the App Home");
    await t.flush();
    expect(t.slack.callsTo("views.publish").filter((c) => c.args.user_id === ADMIN_1)).toHaveLength(1);
  });

  it("acts once on a click Slack delivered twice (same interaction), with one reply", async () => {
    const lost = await lostDevice(t);
    await t.db.prisma.device.update({ where: { id: lost.agent.deviceId }, data: { state: "LOST_MODE" } });
    const click = {
      user: ADMIN_1,
      actionId: "device_locate",
      value: lost.value,
      triggerId: "trig-click-1",
      responseId: "click-1",
    };
    const [a, b] = await Promise.all([t.requests.blockAction(click), t.requests.blockAction(click)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await until(() => t.slack.responses.find((r) => r.id === "click-1"), "the reply");
    expect(await t.db.prisma.command.count({ where: { deviceId: lost.agent.deviceId, type: "DEVICE_LOCATION" } })).toBe(
      1,
    );
    // A real double click (two interactions) gets "already queued"; a redelivery gets nothing more.
    await t.flush();
    expect(t.slack.responses.filter((r) => r.id === "click-1")).toHaveLength(1);
    expect(await receipts("slack-action:trig-click-1")).toBe(1);
  });

  it("still rejects an unsigned retry: the receipt never runs before the signature check", async () => {
    const res = await t.requests.event(
      { type: "app_home_opened", user: ADMIN_1 },
      { eventId: "Ev-forged", signature: "v0=00", headers: { "x-slack-retry-num": "1" } },
    );
    expect(res.status).toBe(401);
    expect(await receipts("slack:Ev-forged")).toBe(0);
  });
});
