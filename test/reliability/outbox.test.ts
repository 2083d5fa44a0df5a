// The outbox survives a crashed worker and a shutdown: nothing claimed is lost, nothing is
// posted twice. And a message leaves when it is committed, not at the next poll.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_CHANNEL, enqueue } from "../../src/core/outbox.js";
import { formWebhookHeaders, postJson, startTestApp, type TestApp } from "../support/harness.js";
import { serverUrl } from "../support/db.js";
import { until } from "../support/until.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const posted = (text: string) => t.slack.posts("C_ADMIN").filter((p) => p.text === text);

describe("a worker that crashed holding messages", () => {
  it("leaves them to the next worker once its lease runs out, and they are posted once", async () => {
    await enqueue(t.db.prisma, {
      method: "chat.postMessage",
      payload: { channel: ADMIN_CHANNEL, text: "claimed by a dead replica" },
    });
    // What a replica killed mid-delivery leaves behind: a row claimed for 60 s by a worker that is gone.
    const now = t.clock.now().getTime();
    await t.db.prisma.outboxMessage.updateMany({
      where: { state: "PENDING" },
      data: { lockedBy: "replica-that-died", lockedUntil: new Date(now + 60_000) },
    });
    await t.flush();
    expect(posted("claimed by a dead replica")).toHaveLength(0); // its lease still holds

    t.clock.advance(60_001);
    await t.flush();
    await t.flush();
    expect(posted("claimed by a dead replica")).toHaveLength(1);
    const row = await t.db.prisma.outboxMessage.findFirstOrThrow({
      where: { payload: { path: ["text"], equals: "claimed by a dead replica" } },
    });
    expect(row).toMatchObject({ state: "SENT", lockedUntil: null });
  });
});

describe("graceful shutdown", () => {
  it("finishes the delivery in flight and what is due before stopping", async () => {
    const app = await startTestApp();
    try {
      await enqueue(
        app.db.prisma,
        { method: "chat.postMessage", payload: { channel: ADMIN_CHANNEL, text: "in flight at shutdown" } },
        { method: "chat.postMessage", payload: { channel: ADMIN_CHANNEL, text: "due at shutdown" } },
      );
      app.slack.slowNext("chat.postMessage", 300); // Slack is slow: the first post is mid-call when stop() starts
      const draining = app.flush();
      await app.app.stop();
      await draining;
      const texts = app.slack.posts("C_ADMIN").map((p) => p.text);
      expect(texts).toEqual(["in flight at shutdown", "due at shutdown"]);
      expect(await app.db.prisma.outboxMessage.count({ where: { state: { not: "SENT" } } })).toBe(0);
    } finally {
      await app.close();
    }
  });
});

// Polling once an hour: within these tests only the commit's wake-up can deliver.
const HOURLY = 3_600_000;
const fileReport = (app: TestApp, responseId: string) => {
  const body = JSON.stringify({
    responseId,
    respondentEmail: "hanako.sato@example.co.jp",
    answers: { Device: "iPhone 15" },
  });
  return postJson(
    `${app.url}/webhooks/google-form`,
    body,
    formWebhookHeaders(body, Math.floor(app.clock.now().getTime() / 1000)),
  );
};
const adminMessageFor = (app: TestApp, reference: string) =>
  until(
    () => app.slack.posts("C_ADMIN").find((p) => JSON.stringify(p).includes(reference)),
    `the admin message for ${reference}`,
  );

describe("a message committed to the outbox", () => {
  it("reaches Slack as soon as the report is stored, without waiting for the poll", async () => {
    const app = await startTestApp({ outboxPollMs: HOURLY });
    try {
      const res = await fileReport(app, "wake-1");
      expect(res.status).toBe(202);
      await adminMessageFor(app, res.json.reference);
    } finally {
      await app.close();
    }
  });

  it("is delivered by another replica listening on the same database", async () => {
    const writer = await startTestApp(); // never delivers by itself: only flush() would
    const deliverer = await startTestApp({
      db: writer.db,
      slack: writer.slack,
      clock: writer.clock,
      outboxPollMs: HOURLY,
    });
    try {
      const res = await fileReport(writer, "wake-2");
      await adminMessageFor(writer, res.json.reference);
    } finally {
      await deliverer.close();
      await writer.close();
    }
  });

  it.runIf(serverUrl())("keeps waking up after the database drops the listening connection", async () => {
    const app = await startTestApp({ outboxPollMs: HOURLY });
    try {
      // Two wake-up connections: the outbox's and the renderer's (Slack is rendered after commit).
      await until(async () => (await listeners(app)) === 2, "the wake-up connections");
      await app.db.prisma
        .$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'lostdesk-wakeup' AND datname = current_database()`;
      const res = await fileReport(app, "wake-3"); // committed while nobody listens: found on reconnect
      await adminMessageFor(app, res.json.reference);
      const again = await fileReport(app, "wake-4");
      await adminMessageFor(app, again.json.reference);
    } finally {
      await app.close();
    }
  });
});

async function listeners(app: TestApp): Promise<number> {
  const [row] = await app.db.prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'lostdesk-wakeup' AND datname = current_database()`;
  return row!.n;
}
