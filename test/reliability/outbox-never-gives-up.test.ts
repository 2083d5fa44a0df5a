// A deliverable message is never given up: Slack failing for hours is retried with backoff that
// stops growing at 15 minutes; a token, scope or channel an admin must fix parks messages (one log
// line, /healthz degraded) until a probe finds Slack usable, or at once after a restart with a new
// token; only a payload Slack will never accept is final, and a post then goes out as plain text.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { runCli } from "../support/cli.js";
import { serverUrl } from "../support/db.js";
import { ADMIN_CHANNEL, enqueue, type OutboxItem, refChannel, refTs } from "../../src/core/outbox.js";
import { configureLog } from "../../src/log.js";
import { PROBE_MS } from "../../src/slack/delivery.js";
import { startTestApp, type TestApp } from "../support/harness.js";

let t: TestApp;
const lines: { level: string; msg: string; reason?: string }[] = [];
beforeAll(async () => {
  t = await startTestApp();
  configureLog({ sink: (l) => lines.push(JSON.parse(l)) });
});
afterAll(async () => {
  configureLog({ sink: (l) => process.stderr.write(`${l}\n`) });
  await t.close();
});
afterEach(() => {
  t.slack.reset();
  t.slack.channels.set("C_ADMIN", { name: "it-admin", isMember: true, isPrivate: true });
});

const postsWith = (text: string) => t.slack.posts("C_ADMIN").filter((p) => p.text === text);
const health = async () => (await fetch(`${t.url}/healthz`)).json();

/** An incident as the notifier queues it: the post, then an update and a reply in its thread. */
const incident = (n: string): OutboxItem[] => [
  {
    method: "chat.postMessage",
    payload: { channel: ADMIN_CHANNEL, text: `incident ${n}` },
    correlation: `report:${n}`,
    orderingKey: `report:${n}`,
  },
  {
    method: "chat.update",
    payload: { channel: refChannel(`report:${n}`), ts: refTs(`report:${n}`), text: `incident ${n} (acknowledged)` },
    orderingKey: `report:${n}`,
  },
  {
    method: "chat.postMessage",
    payload: { channel: ADMIN_CHANNEL, thread_ts: refTs(`report:${n}`), text: `incident ${n}: lost mode on` },
    orderingKey: `report:${n}`,
  },
];

/** Each incident's post once, then its update of that post and its reply in that thread. */
async function expectDeliveredOnceInOrder(names: string[]) {
  for (const n of names) {
    expect(postsWith(`incident ${n}`)).toHaveLength(1);
    const ref = await t.db.prisma.slackMessageRef.findUniqueOrThrow({ where: { key: `report:${n}` } });
    const update = t.slack.callsTo("chat.update").filter((c) => c.args.text === `incident ${n} (acknowledged)`);
    expect(update.map((c) => c.args.ts)).toEqual([ref.ts]);
    expect(postsWith(`incident ${n}: lost mode on`).map((p) => p.thread_ts)).toEqual([ref.ts]);
  }
}

describe("Slack failing for longer than an hour", () => {
  it("is retried past fifteen attempts, never more than 15 minutes apart, and the post goes out once", async () => {
    t.slack.failNext("chat.postMessage", { status: 503, times: 25 });
    await enqueue(t.db.prisma, ...incident("long-outage"));
    const gaps: number[] = [];
    for (let i = 0; i < 25; i++) {
      await t.flush();
      const row = await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { orderingKey: "report:long-outage" } });
      expect(row.state).toBe("PENDING");
      gaps.push(row.nextAttemptAt!.getTime() - t.clock.now().getTime());
      t.clock.advance(gaps.at(-1)!);
    }
    expect(Math.max(...gaps)).toBe(15 * 60_000); // reached, and never exceeded
    expect(gaps.slice(-10).every((g) => g === 15 * 60_000)).toBe(true);
    await t.flush();
    await expectDeliveredOnceInOrder(["long-outage"]);
    expect(await t.db.prisma.outboxMessage.count({ where: { orderingKey: "report:long-outage", state: "SENT" } })).toBe(
      3,
    );
  });
});

describe("a Slack configuration an admin has to fix", () => {
  it("parks the messages with one log line and a degraded /healthz, and sends them once the token works again", async () => {
    lines.length = 0;
    t.slack.tokenError = "invalid_auth";
    await enqueue(t.db.prisma, ...incident("a1"), ...incident("a2"), ...incident("a3"));
    await t.flush();
    await t.flush();
    expect(t.slack.posts()).toHaveLength(0);
    const calls = t.slack.calls.length;
    expect(calls).toBeLessThanOrEqual(2); // one refused post; the rest are not even tried
    const about = lines.filter((l) => l.reason === "invalid_auth");
    expect(about).toHaveLength(1);
    expect(about[0]!.msg).toMatch(/configuration is fixed/);
    const h = await health();
    expect(h.status).toBe("degraded");
    expect(h.degraded).toContainEqual(
      expect.objectContaining({ check: "outbox", reason: expect.stringContaining("invalid_auth") }),
    );

    // Still broken at the next probe: no post, no second log line.
    t.clock.advance(PROBE_MS);
    await t.flush();
    expect(t.slack.posts()).toHaveLength(0);
    expect(lines.filter((l) => l.reason === "invalid_auth")).toHaveLength(1);

    // The admin fixes the token; the next probe (auth.test, then the channel) lets them go.
    t.slack.tokenError = null;
    t.clock.advance(PROBE_MS);
    await t.flush();
    await t.flush();
    expect(t.slack.callsTo("auth.test").length).toBeGreaterThan(0);
    expect(t.slack.callsTo("conversations.info").map((c) => c.args.channel)).toContain("C_ADMIN");
    await expectDeliveredOnceInOrder(["a1", "a2", "a3"]);
    expect((await health()).status).toBe("ok");
  });

  it("waits again the next time: the bot removed from the channel is probed until it is back", async () => {
    lines.length = 0;
    t.slack.channels.set("C_ADMIN", { name: "it-admin", isMember: false, isPrivate: false });
    await enqueue(t.db.prisma, ...incident("b1"), ...incident("b2"));
    await t.flush();
    expect(t.slack.posts()).toHaveLength(0);
    expect(lines.filter((l) => l.reason === "not_in_channel")).toHaveLength(1);
    for (let i = 0; i < 3; i++) {
      t.clock.advance(PROBE_MS);
      await t.flush();
    }
    expect(t.slack.posts()).toHaveLength(0); // auth.test passes, the channel probe does not
    expect((await health()).degraded).toContainEqual(
      expect.objectContaining({ check: "outbox", reason: expect.stringContaining("2 message(s)") }),
    );
    expect(lines.filter((l) => l.reason === "not_in_channel")).toHaveLength(1);

    t.slack.channels.set("C_ADMIN", { name: "it-admin", isMember: true, isPrivate: false });
    t.clock.advance(PROBE_MS);
    await t.flush();
    await t.flush();
    await expectDeliveredOnceInOrder(["b1", "b2"]);
  });

  it("resumes at once when the app restarts with a new token", async () => {
    t.slack.tokenError = "token_revoked";
    const before = await startTestApp({ db: t.db, slack: t.slack, clock: t.clock });
    await enqueue(t.db.prisma, ...incident("c1"));
    await before.flush();
    await before.close();
    expect(t.slack.posts()).toHaveLength(0);

    t.slack.tokenError = null; // the new token
    const after = await startTestApp({ db: t.db, slack: t.slack, clock: t.clock });
    try {
      await after.flush();
      await after.flush();
      await expectDeliveredOnceInOrder(["c1"]);
    } finally {
      await after.close();
    }
  });
});

describe("a payload Slack will never accept", () => {
  it("goes out as plain text with its essentials, and its thread follows the fallback", async () => {
    t.slack.failNext("chat.postMessage", { error: "invalid_blocks" });
    const [post, update, reply] = incident("d1");
    post!.payload = {
      ...post!.payload,
      blocks: [
        { type: "header", text: { type: "plain_text", text: "Lost iPhone 15 — LR-2026-0042" } },
        { type: "section", text: { type: "mrkdwn", text: "Reported by Hanako Sato, last seen at Shinagawa" } },
        { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Approve" } }] },
      ],
    };
    await enqueue(t.db.prisma, post!, update!, reply!);
    await t.flush();
    await t.flush();
    const [fallback, ...others] = t.slack.posts("C_ADMIN").filter((p) => String(p.text).startsWith("incident d1"));
    expect(others.map((o) => o.text)).toEqual(["incident d1: lost mode on"]);
    expect(fallback!.blocks).toBeUndefined();
    expect(fallback!.text).toContain("LR-2026-0042");
    expect(fallback!.text).toContain("last seen at Shinagawa");
    expect(fallback!.text).toContain("invalid_blocks");
    expect(fallback!.text).not.toContain("Approve");
    const ref = await t.db.prisma.slackMessageRef.findUniqueOrThrow({ where: { key: "report:d1" } });
    expect(others[0]!.thread_ts).toBe(ref.ts);
    const row = await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { correlation: "report:d1" } });
    expect(row).toMatchObject({ state: "SENT", fallbackFor: "invalid_blocks" });
  });
});

describe("npm run outbox", () => {
  it("shows what waits and why, and retry sends a refused message once Slack takes it", async () => {
    t.slack.failNext("chat.update", { error: "cant_update_message" });
    await enqueue(t.db.prisma, {
      method: "chat.update",
      payload: { channel: ADMIN_CHANNEL, ts: "1.000001", text: "refused update" },
    });
    await t.flush();
    const status = await t.app.core.outbox.status();
    expect(status.failed.map((f) => [f.method, f.lastError])).toEqual([["chat.update", "cant_update_message"]]);

    expect(await t.app.core.outbox.retry(BigInt(status.failed[0]!.id))).toBe(1);
    await t.flush();
    expect(t.slack.callsTo("chat.update").map((c) => c.args.text)).toEqual(["refused update"]);
    expect((await t.app.core.outbox.status()).failed).toEqual([]);
    expect(await t.app.core.outbox.retry("all")).toBe(0);
  });

  // The script opens its own database: an embedded one on disk, so PGlite only.
  it.skipIf(serverUrl())(
    "works from the command line on the server",
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), "outbox-cli-"));
      try {
        const dataDir = path.join(dir, "db");
        const db = await openDatabase({ kind: "pglite", dir: dataDir });
        await db.migrate();
        await db.prisma.outboxMessage.createMany({
          data: [
            {
              method: "chat.postMessage",
              payload: { text: "a" },
              waitingFor: "invalid_auth",
              nextAttemptAt: new Date("9999-12-31"),
            },
            {
              method: "chat.postMessage",
              payload: { text: "b" },
              waitingFor: "invalid_auth",
              nextAttemptAt: new Date("9999-12-31"),
            },
            { method: "chat.update", payload: { text: "c" }, state: "FAILED", lastError: "cant_update_message" },
          ],
        });
        await db.close();
        const run = (...args: string[]) =>
          runCli("scripts/outbox.ts", args, { ...process.env, DATABASE_URL: dataDir, LOG_LEVEL: "error" });
        const shown = await run("status");
        expect(shown.code).toBe(0);
        expect(shown.out).toContain("waiting for Slack configuration (invalid_auth): 2");
        expect(shown.out).toMatch(/refused by Slack for good: 1\n\s+\d+\tchat.update\tcant_update_message/);
        expect(await run("retry", "all")).toMatchObject({
          code: 0,
          out: expect.stringContaining("3 message(s) due now"),
        });
        expect(await run("retry")).toMatchObject({ code: 2, err: expect.stringContaining("usage: npm run outbox") });
        const after = await openDatabase({ kind: "pglite", dir: dataDir });
        try {
          const rows = await after.prisma.outboxMessage.findMany();
          expect(rows.map((r) => [r.state, r.waitingFor, r.nextAttemptAt])).toEqual([
            ["PENDING", null, null],
            ["PENDING", null, null],
            ["PENDING", null, null],
          ]);
        } finally {
          await after.close();
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
