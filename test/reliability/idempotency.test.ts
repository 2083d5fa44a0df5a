// Slack delivers at least once. A retried event, a replayed slash command or click must be
// acked (so Slack stops) and must not act twice.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestApp, type TestApp, ADMIN_1 } from "../support/harness.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const receipts = (key: string) => t.db.prisma.inboundReceipt.count({ where: { key } });

describe("Slack retries and duplicate deliveries", () => {
  it("answers a slash command once when Slack delivers it twice", async () => {
    t.slack.reset();
    const cmd = { command: "/mdm", text: "help", user: ADMIN_1, triggerId: "trig-dup-1", responseId: "dup-1" };
    const first = await t.requests.slashCommand(cmd);
    const again = await t.requests.slashCommand(cmd, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } });
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
    const b = await t.requests.event(event, { eventId: "Ev-retry-1", headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } });
    const c = await t.requests.event(event, { eventId: "Ev-retry-1", headers: { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_error" } });
    expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
    expect(await receipts("slack:Ev-retry-1")).toBe(1);
    // If an App Home exists, it was published once for the three deliveries.
    const publishes = t.slack.callsTo("views.publish").filter((c) => c.args.user_id === ADMIN_1);
    expect(publishes.length).toBeLessThanOrEqual(1);
  });

  it("acks a replayed button click without acting on it again", async () => {
    const click = { user: ADMIN_1, actionId: "report_dismiss", value: "no-such-report", triggerId: "trig-click-1", responseId: "click-1" };
    const a = await t.requests.blockAction(click);
    const b = await t.requests.blockAction(click);
    expect(a.status).toBeLessThan(500); // 404 until a listener handles the action id
    expect(b.status).toBe(200); // the copy is acked by the receipt, whatever the first did
    expect(await receipts("slack-action:trig-click-1")).toBe(1);
  });

  it("still rejects an unsigned retry: the receipt never runs before the signature check", async () => {
    const res = await t.requests.event({ type: "app_home_opened", user: ADMIN_1 }, { eventId: "Ev-forged", signature: "v0=00", headers: { "x-slack-retry-num": "1" } });
    expect(res.status).toBe(401);
    expect(await receipts("slack:Ev-forged")).toBe(0);
  });
});
