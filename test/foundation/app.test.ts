import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_CHANNEL, enqueue, refChannel, refTs } from "../../src/core/outbox.js";
import { sign } from "../support/slack-requests.js";
import { startTestApp, type TestApp } from "../support/harness.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

describe("the running app", () => {
  it("answers /healthz with the database reachable", async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  it("answers an unknown route with a 404 and a reason", async () => {
    const res = await fetch(`${t.url}/nothing-here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: "not_found" });
  });
});

describe("Slack request verification", () => {
  const challenge = JSON.stringify({ type: "url_verification", challenge: "c-123", token: "x" });

  it("accepts a correctly signed request", async () => {
    const res = await t.requests.send(challenge, "application/json");
    expect(res.status).toBe(200);
    expect(res.body).toContain("c-123");
  });

  it("rejects a forged signature", async () => {
    const res = await t.requests.send(challenge, "application/json", {
      signature: sign("wrong-secret", Math.floor(Date.now() / 1000), challenge),
    });
    expect(res.status).toBe(401);
  });

  it("rejects a replay older than five minutes", async () => {
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await t.requests.send(challenge, "application/json", { timestamp: old });
    expect(res.status).toBe(401);
  });
});

describe("the outbox", () => {
  it("delivers a message written while Slack was failing, once, after Slack recovers", async () => {
    t.slack.reset();
    t.slack.failNext("chat.postMessage", { status: 503 });
    await enqueue(t.db.prisma, {
      method: "chat.postMessage",
      payload: { channel: ADMIN_CHANNEL, text: "device lost" },
    });
    await t.flush();
    const row = await t.db.prisma.outboxMessage.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(row).toMatchObject({ state: "PENDING", attempts: 1 });
    expect(row.nextAttemptAt!.getTime()).toBeGreaterThan(t.clock.now().getTime());

    t.clock.advance(60_000);
    await t.flush();
    await t.flush();
    const delivered = t.slack.posts("C_ADMIN").filter((p) => p.text === "device lost");
    expect(delivered).toHaveLength(1);
    expect(await t.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      state: "SENT",
    });
  });

  it("waits exactly as long as Slack's Retry-After on a rate limit", async () => {
    t.slack.reset();
    t.slack.failNext("chat.postMessage", { retryAfter: 30 });
    await enqueue(t.db.prisma, {
      method: "chat.postMessage",
      payload: { channel: ADMIN_CHANNEL, text: "rate limited" },
    });
    await t.flush();
    const row = await t.db.prisma.outboxMessage.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(row.state).toBe("PENDING");
    expect(row.nextAttemptAt!.getTime() - t.clock.now().getTime()).toBe(30_000);
    t.clock.advance(29_000);
    await t.flush();
    expect(t.slack.posts().filter((p) => p.text === "rate limited")).toHaveLength(0);
    t.clock.advance(1_000);
    await t.flush();
    expect(t.slack.posts().filter((p) => p.text === "rate limited")).toHaveLength(1);
  });

  it("posts before it updates, and threads replies under the message they refer to", async () => {
    t.slack.reset();
    t.slack.failNext("chat.postMessage", { status: 500 });
    await enqueue(
      t.db.prisma,
      {
        method: "chat.postMessage",
        payload: { channel: ADMIN_CHANNEL, text: "incident" },
        correlation: "report:r1",
        orderingKey: "report:r1",
      },
      {
        method: "chat.update",
        payload: { channel: refChannel("report:r1"), ts: refTs("report:r1"), text: "incident (updated)" },
        orderingKey: "report:r1",
      },
      {
        method: "chat.postMessage",
        payload: { channel: ADMIN_CHANNEL, thread_ts: refTs("report:r1"), text: "lost mode queued" },
        orderingKey: "report:r1",
      },
    );
    await t.flush();
    expect(t.slack.callsTo("chat.update")).toHaveLength(0); // the post failed: nothing overtakes it
    t.clock.advance(60_000);
    await t.flush();
    const post = t.slack.posts().find((p) => p.text === "incident")!;
    const ref = await t.db.prisma.slackMessageRef.findUniqueOrThrow({ where: { key: "report:r1" } });
    expect(ref.channel).toBe("C_ADMIN");
    expect(post).toBeDefined();
    const update = t.slack.callsTo("chat.update")[0]!.args;
    expect(update).toMatchObject({ channel: "C_ADMIN", ts: ref.ts, text: "incident (updated)" });
    expect(t.slack.posts().find((p) => p.text === "lost mode queued")).toMatchObject({ thread_ts: ref.ts });
  });

  it("stops an update Slack will never accept, and says why", async () => {
    t.slack.reset();
    t.slack.failNext("chat.update", { error: "message_not_found" });
    await enqueue(t.db.prisma, {
      method: "chat.update",
      payload: { channel: ADMIN_CHANNEL, ts: "1.000001", text: "x" },
    });
    await t.flush();
    const row = await t.db.prisma.outboxMessage.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(row).toMatchObject({ state: "FAILED", lastError: "message_not_found" });
  });

  it("drops a second message with the same dedupe key", async () => {
    await enqueue(t.db.prisma, {
      method: "chat.postMessage",
      payload: { channel: ADMIN_CHANNEL, text: "once" },
      dedupeKey: "digest:2026-11-21",
    });
    await enqueue(t.db.prisma, {
      method: "chat.postMessage",
      payload: { channel: ADMIN_CHANNEL, text: "once" },
      dedupeKey: "digest:2026-11-21",
    });
    expect(await t.db.prisma.outboxMessage.count({ where: { dedupeKey: "digest:2026-11-21" } })).toBe(1);
  });
});

describe("without Slack credentials", () => {
  it("runs, answers Slack with 503, and keeps messages until Slack is configured", async () => {
    const off = await startTestApp({ slack: false });
    try {
      const res = await fetch(`${off.url}/slack/events`, { method: "POST", body: "{}" });
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: "slack_disabled" });
      await enqueue(off.db.prisma, { method: "chat.postMessage", payload: { channel: ADMIN_CHANNEL, text: "kept" } });
      expect(await off.flush()).toBe(0);
      await off.app.stop();
      // Later the admin configures Slack on the same database: the kept message goes out once.
      const on = await startTestApp({ db: off.db });
      await on.flush();
      expect(on.slack.posts("C_ADMIN").map((p) => p.text)).toEqual(["kept"]);
      await on.close();
    } finally {
      await off.close();
    }
  });
});
