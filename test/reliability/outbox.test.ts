// The outbox survives a crashed worker and a shutdown: nothing claimed is lost, nothing is
// posted twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_CHANNEL, enqueue } from "../../src/core/outbox.js";
import { startTestApp, type TestApp } from "../support/harness.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const posted = (text: string) => t.slack.posts("C_ADMIN").filter((p) => p.text === text);

describe("a worker that crashed holding messages", () => {
  it("leaves them to the next worker once its lease runs out, and they are posted once", async () => {
    await enqueue(t.db.prisma, { method: "chat.postMessage", payload: { channel: ADMIN_CHANNEL, text: "claimed by a dead replica" } });
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
    const row = await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { payload: { path: ["text"], equals: "claimed by a dead replica" } } });
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
