// Exactly once, also when Slack's answer is lost: every post carries its outbox id as message
// metadata, a post is marked as being sent before the call, and one whose outcome is unknown (a
// reset connection, a timeout, a crash between the call and the commit) is looked for in its
// channel or thread before it is posted again; when found, its ts is adopted.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_CHANNEL, enqueue, refTs } from "../../src/core/outbox.js";
import { OUTBOX_EVENT } from "../../src/slack/delivery.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { until } from "../support/until.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());
afterEach(() => t.slack.reset());

/** What the channel really shows: Slack's stored messages, not the calls the app made. */
const inChannel = (text: string) => (t.slack.messages.get("C_ADMIN") ?? []).filter((m) => m.text === text);

/** Retries come due and are delivered (each lost answer backs the row off a little). */
async function deliverAll() {
  for (let i = 0; i < 12; i++) {
    await t.flush();
    t.clock.advance(60_000);
  }
}

describe("a post whose answer never arrives", () => {
  it("is posted once for each of five incidents when every answer is lost", async () => {
    const names = ["1", "2", "3", "4", "5"].map((n) => `incident ${n}`);
    t.slack.loseAnswerNext("chat.postMessage", 5);
    await enqueue(
      t.db.prisma,
      ...names.flatMap((text, i) => [
        {
          method: "chat.postMessage",
          payload: { channel: ADMIN_CHANNEL, text },
          correlation: `report:x${i}`,
          orderingKey: `report:x${i}`,
        },
        {
          method: "chat.postMessage",
          payload: { channel: ADMIN_CHANNEL, thread_ts: refTs(`report:x${i}`), text: `${text}: reply` },
          orderingKey: `report:x${i}`,
        },
      ]),
    );
    await deliverAll();
    expect(t.slack.calls.filter((c) => c.answerLost)).toHaveLength(5);
    for (const [i, text] of names.entries()) {
      expect(inChannel(text)).toHaveLength(1);
      const ref = await t.db.prisma.slackMessageRef.findUniqueOrThrow({ where: { key: `report:x${i}` } });
      expect(ref.ts).toBe(inChannel(text)[0]!.ts); // the lost answer's ts, adopted
      expect(inChannel(`${text}: reply`).map((m) => m.thread_ts)).toEqual([ref.ts]);
    }
    expect(await t.db.prisma.outboxMessage.count({ where: { state: { not: "SENT" } } })).toBe(0);
    // Each carried its outbox id, and the search asked for it.
    const row = await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { correlation: "report:x0" } });
    expect(inChannel("incident 1")[0]!.metadata).toEqual({
      event_type: OUTBOX_EVENT,
      event_payload: { outbox_id: String(row.id) },
    });
    expect(t.slack.callsTo("conversations.history")[0]!.args).toMatchObject({
      channel: "C_ADMIN",
      include_all_metadata: expect.anything(),
      oldest: expect.stringMatching(/^\d+\.\d{6}$/),
    });
  });

  it("is found in its thread when it was a reply, and posted once", async () => {
    await enqueue(t.db.prisma, {
      method: "chat.postMessage",
      payload: { channel: ADMIN_CHANNEL, text: "parent" },
      correlation: "report:thread",
      orderingKey: "report:thread",
    });
    await t.flush();
    t.slack.loseAnswerNext("chat.postMessage");
    await enqueue(t.db.prisma, {
      method: "chat.postMessage",
      payload: { channel: ADMIN_CHANNEL, thread_ts: refTs("report:thread"), text: "reply lost once" },
      orderingKey: "report:thread",
    });
    await deliverAll();
    expect(inChannel("reply lost once")).toHaveLength(1);
    expect(t.slack.callsTo("conversations.replies")).toHaveLength(1);
  });

  it("is adopted, not posted twice, after the worker died between the post and its commit", async () => {
    // The first worker's post reaches Slack, but the answer never comes back and the worker
    // stops there: nothing after the call is written, as after kill -9 (replicas.test.ts kills a
    // real process on PostgreSQL).
    const dying = await startTestApp({ db: t.db, slack: t.slack, clock: t.clock });
    t.slack.loseAnswerNext("chat.postMessage", 1, "hang");
    await enqueue(t.db.prisma, {
      method: "chat.postMessage",
      payload: { channel: ADMIN_CHANNEL, text: "posted as the worker died" },
      correlation: "report:crash",
    });
    const abandoned = dying.flush();
    await until(() => inChannel("posted as the worker died").length === 1, "the post in Slack");
    const row = await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { correlation: "report:crash" } });
    expect(row).toMatchObject({ state: "PENDING", lockedBy: expect.any(String) });
    expect(row.sendingSince).not.toBeNull();

    t.clock.advance(60_001); // the dead worker's lease runs out
    await t.flush();
    expect(inChannel("posted as the worker died")).toHaveLength(1);
    const ref = await t.db.prisma.slackMessageRef.findUniqueOrThrow({ where: { key: "report:crash" } });
    expect(ref.ts).toBe(inChannel("posted as the worker died")[0]!.ts);
    expect(await t.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      state: "SENT",
      result: expect.objectContaining({ adopted: true }),
    });

    t.slack.dropHeld();
    await abandoned.catch(() => {});
    await dying.close();
    expect(inChannel("posted as the worker died")).toHaveLength(1);
    expect((await t.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).state).toBe("SENT");
  });

  it("is posted again when the search shows Slack never had it", async () => {
    t.slack.failNext("chat.postMessage", { status: 502 }); // a gateway error: posted or not, unknown
    await enqueue(t.db.prisma, { method: "chat.postMessage", payload: { channel: ADMIN_CHANNEL, text: "not there" } });
    await deliverAll();
    expect(t.slack.callsTo("conversations.history")).toHaveLength(1);
    expect(inChannel("not there")).toHaveLength(1);
  });
});
