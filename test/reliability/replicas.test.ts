// Two real app processes against one PostgreSQL behave as one app: a message is posted once,
// a replica killed mid-delivery loses nothing, SIGTERM finishes the post in flight.
// Needs a PostgreSQL server (PGlite is single-process): skipped unless TEST_DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ADMIN_CHANNEL, enqueue } from "../../src/core/outbox.js";
import type { Database } from "../../src/db/client.js";
import { createTestDatabase, serverUrl } from "../support/db.js";
import { FakeSlack } from "../support/fake-slack.js";
import { startReplica, stopReplica, type Replica } from "./replica-process.js";

const run = serverUrl() ? describe : describe.skip;

run("two replicas on one PostgreSQL", { timeout: 120_000 }, () => {
  let db: Database;
  let slack: FakeSlack;
  let replicas: Replica[] = [];
  const slow = { timeout: 60_000, interval: 100 };

  beforeAll(async () => {
    db = await createTestDatabase();
    slack = await new FakeSlack().start();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(replicas.map(stopReplica));
    await slack?.stop();
    await db?.close();
  });

  async function startBoth(env: Record<string, string> = {}) {
    await Promise.all(replicas.map(stopReplica));
    const base = { DATABASE_URL: (db.target as { url: string }).url, SLACK_API_URL: slack.apiUrl, ...env };
    replicas = await Promise.all([startReplica(base), startReplica(base)]);
    return replicas;
  }

  const posted = (text: string) => slack.posts("C_ADMIN").filter((p) => p.text === text);
  const rowOf = (text: string) => db.prisma.outboxMessage.findFirstOrThrow({ where: { payload: { path: ["text"], equals: text } } });
  const byPid = (lockedBy: string | null) => replicas.find((r) => lockedBy?.endsWith(`:${r.pid}`));

  it("both answer, and each outbox message is posted exactly once", async () => {
    const [a, b] = await startBoth();
    for (const r of [a!, b!]) expect((await fetch(`${r.url}/healthz`)).status).toBe(200);
    const texts = Array.from({ length: 40 }, (_, i) => `incident ${i}`);
    await enqueue(db.prisma, ...texts.map((text) => ({ method: "chat.postMessage", payload: { channel: ADMIN_CHANNEL, text } })));
    await vi.waitFor(() => expect(texts.filter((text) => posted(text).length > 0)).toHaveLength(40), slow);
    for (const text of texts) expect(posted(text)).toHaveLength(1);

  });

  it("a replica killed mid-delivery loses no message: the survivor posts it after the lease", async () => {
    slack.slowNext("chat.postMessage", null); // Slack never answers the first attempt
    await enqueue(db.prisma, { method: "chat.postMessage", payload: { channel: ADMIN_CHANNEL, text: "survives a crash" } });
    await vi.waitFor(() => expect(slack.calls.some((c) => c.args.text === "survives a crash")).toBe(true), slow);
    const claimed = await rowOf("survives a crash");
    const victim = byPid(claimed.lockedBy)!;
    expect(victim).toBeDefined();
    victim.signal("SIGKILL");
    await victim.exited;
    // The 60-second lease passes (moved forward here instead of waited for).
    await db.prisma.outboxMessage.update({ where: { id: claimed.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    await vi.waitFor(async () => expect((await rowOf("survives a crash")).state).toBe("SENT"), slow);
    expect(posted("survives a crash")).toHaveLength(1);
    const survivor = replicas.find((r) => r !== victim)!;
    expect(byPid((await rowOf("survives a crash")).lockedBy)).toBe(survivor);
  });

  it("SIGTERM lets a replica finish the post in flight, then exit cleanly", async () => {
    await startBoth();
    slack.slowNext("chat.postMessage", 1500);
    await enqueue(db.prisma, { method: "chat.postMessage", payload: { channel: ADMIN_CHANNEL, text: "in flight at SIGTERM" } });
    await vi.waitFor(() => expect(slack.calls.some((c) => c.args.text === "in flight at SIGTERM")).toBe(true), slow);
    const holder = byPid((await rowOf("in flight at SIGTERM")).lockedBy)!;
    holder.signal("SIGTERM");
    expect(await holder.exited).toBe(0);
    const row = await rowOf("in flight at SIGTERM");
    expect(row).toMatchObject({ state: "SENT", lockedUntil: null });
    expect(posted("in flight at SIGTERM")).toHaveLength(1);
  });
});
