// The outbox's lanes against a Slack that enforces its rate limits: the admin channel is never
// starved by a backlog of digest DMs, and a 429 holds the bulk lane back for its Retry-After.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_CHANNEL, enqueue, type OutboxItem } from "../../src/core/outbox.js";
import { startTestApp, type TestApp } from "../support/harness.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp({ env: { SLACK_BULK_PER_MINUTE: "6000" } })));
afterAll(() => t.close());
beforeEach(async () => {
  await t.flush();
  t.slack.reset();
});

const dms = (n: number, tag: string): OutboxItem[] =>
  Array.from({ length: n }, (_, i) => ({
    method: "dm",
    payload: { user: `U${tag}${i}`, text: `summary ${tag} ${i}` },
    dedupeKey: `test:${tag}:${i}`,
    lane: "bulk",
  }));
const incident = (text: string): OutboxItem => ({
  method: "chat.postMessage",
  payload: { channel: ADMIN_CHANNEL, text },
});
const order = () => t.slack.callsTo("chat.postMessage").map((c) => String(c.args.text));

describe("priority lanes", () => {
  it("posts an incident queued after 30 digest DMs before the DMs", async () => {
    await enqueue(t.db.prisma, ...dms(30, "a"));
    await enqueue(t.db.prisma, incident("incident behind the backlog"));
    await t.flush();
    expect(order()[0]).toBe("incident behind the backlog");
    expect(order()).toHaveLength(31);
    // Posted to the user's id: Slack puts it in the app's DM with them, no conversations.open.
    expect(t.slack.posts("DUa0")[0]?.text).toBe("summary a 0");
    expect(t.slack.callsTo("conversations.open")).toHaveLength(0);
  });

  it("posts an incident that arrives while the DMs are being delivered before the rest of the backlog", async () => {
    await enqueue(t.db.prisma, ...dms(40, "b"));
    t.slack.slowNext("chat.postMessage", 50);
    const draining = t.flush();
    // The first DM is at Slack: the incident is committed meanwhile.
    while (!t.slack.calls.some((c) => c.method === "chat.postMessage")) await new Promise((r) => setTimeout(r, 5));
    await enqueue(t.db.prisma, incident("incident during the backlog"));
    void t.flush(); // the commit's wake-up, as every replica gets it
    await draining;
    await t.flush();
    const at = order().indexOf("incident during the backlog");
    expect(at).toBeGreaterThan(0);
    // The DMs claimed with the first one (at most the lane's burst) may go first, never the backlog.
    expect(at).toBeLessThanOrEqual(10);
    expect(order()).toHaveLength(41);
  });

  it("holds the bulk lane back for Retry-After on a 429 while the admin channel still gets through", async () => {
    t.slack.limits = { perMinute: { "chat.postMessage": 5 } };
    await enqueue(t.db.prisma, ...dms(8, "c"));
    await t.flush();
    // Five went; Slack refused the sixth with Retry-After and the lane stopped there.
    expect(order()).toHaveLength(5);
    expect(t.slack.rateLimited).toBe(1);
    const waiting = await t.db.prisma.outboxMessage.findMany({
      where: { state: "PENDING", lane: 1 },
      select: { lastError: true, nextAttemptAt: true, attempts: true },
    });
    expect(waiting).toHaveLength(3);
    expect(waiting.filter((w) => w.lastError === "rate limited")).toHaveLength(1);
    expect(waiting.every((w) => w.attempts === 0)).toBe(true); // a 429 is not a failed attempt

    // Slack's limit lifts: the incident goes at once, the DMs once their wait is over.
    t.slack.limits = null;
    await enqueue(t.db.prisma, incident("incident while the lane waits"));
    await t.flush();
    expect(order().slice(5)[0]).toBe("incident while the lane waits");
    t.clock.advance(60_000);
    await t.flush();
    expect(order()).toHaveLength(9);
  });
});
