// Two real app processes against one PostgreSQL behave as one app: a message is posted once,
// a replica killed mid-delivery loses nothing, SIGTERM finishes the post in flight.
// Needs a PostgreSQL server (PGlite is single-process): skipped unless TEST_DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ADMIN_CHANNEL, enqueue } from "../../src/core/outbox.js";
import type { Database } from "../../src/db/client.js";
import { createTestDatabase, serverUrl } from "../support/db.js";
import { FakeSlack } from "../support/fake-slack.js";
import { startReplica, stopReplica, type Replica } from "./replica-process.js";
import { buildCore } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { systemClock } from "../../src/core/clock.js";
import { ADMIN_1, ADMIN_2, ENROLLMENT_SECRET, postJson } from "../support/harness.js";
import { SlackRequests } from "../support/slack-requests.js";

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
  const rowOf = (text: string) =>
    db.prisma.outboxMessage.findFirstOrThrow({ where: { payload: { path: ["text"], equals: text } } });
  const byPid = (lockedBy: string | null) => replicas.find((r) => lockedBy?.endsWith(`:${r.pid}`));

  it("both answer, and each outbox message is posted exactly once", async () => {
    const [a, b] = await startBoth();
    for (const r of [a!, b!]) expect((await fetch(`${r.url}/healthz`)).status).toBe(200);
    const texts = Array.from({ length: 40 }, (_, i) => `incident ${i}`);
    await enqueue(
      db.prisma,
      ...texts.map((text) => ({ method: "chat.postMessage", payload: { channel: ADMIN_CHANNEL, text } })),
    );
    await vi.waitFor(() => expect(texts.filter((text) => posted(text).length > 0)).toHaveLength(40), slow);
    for (const text of texts) expect(posted(text)).toHaveLength(1);
  });

  it("a replica killed mid-delivery loses no message: the survivor posts it after the lease", async () => {
    slack.slowNext("chat.postMessage", null); // Slack never answers the first attempt
    await enqueue(db.prisma, {
      method: "chat.postMessage",
      payload: { channel: ADMIN_CHANNEL, text: "survives a crash" },
    });
    await vi.waitFor(() => expect(slack.calls.some((c) => c.args.text === "survives a crash")).toBe(true), slow);
    const claimed = await rowOf("survives a crash");
    const victim = byPid(claimed.lockedBy)!;
    expect(victim).toBeDefined();
    victim.signal("SIGKILL");
    await victim.exited;
    // The 60-second lease passes (moved forward here instead of waited for).
    await db.prisma.outboxMessage.update({
      where: { id: claimed.id },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });
    await vi.waitFor(async () => expect((await rowOf("survives a crash")).state).toBe("SENT"), slow);
    expect(posted("survives a crash")).toHaveLength(1);
    const survivor = replicas.find((r) => r !== victim)!;
    expect(byPid((await rowOf("survives a crash")).lockedBy)).toBe(survivor);
  });

  it("a replica killed after Slack took its post, before the answer: the survivor adopts it, no second post", async () => {
    await startBoth();
    slack.loseAnswerNext("chat.postMessage", 1, "hang"); // Slack posts it; the answer never leaves
    await enqueue(db.prisma, {
      method: "chat.postMessage",
      payload: { channel: ADMIN_CHANNEL, text: "posted, then kill -9" },
    });
    const stored = () => (slack.messages.get("C_ADMIN") ?? []).filter((m) => m.text === "posted, then kill -9");
    await vi.waitFor(() => expect(stored()).toHaveLength(1), slow);
    const claimed = await rowOf("posted, then kill -9");
    const victim = byPid(claimed.lockedBy)!;
    victim.signal("SIGKILL");
    await victim.exited;
    slack.dropHeld();
    await db.prisma.outboxMessage.update({
      where: { id: claimed.id },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });
    await vi.waitFor(async () => expect((await rowOf("posted, then kill -9")).state).toBe("SENT"), slow);
    expect(stored()).toHaveLength(1);
    expect((await rowOf("posted, then kill -9")).result).toMatchObject({ ts: stored()[0]!.ts, adopted: true });
  });

  it("SIGTERM lets a replica finish the post in flight, then exit cleanly", async () => {
    await startBoth();
    slack.slowNext("chat.postMessage", 1500);
    await enqueue(db.prisma, {
      method: "chat.postMessage",
      payload: { channel: ADMIN_CHANNEL, text: "in flight at SIGTERM" },
    });
    await vi.waitFor(() => expect(slack.calls.some((c) => c.args.text === "in flight at SIGTERM")).toBe(true), slow);
    const holder = byPid((await rowOf("in flight at SIGTERM")).lockedBy)!;
    holder.signal("SIGTERM");
    expect(await holder.exited).toBe(0);
    const row = await rowOf("in flight at SIGTERM");
    expect(row).toMatchObject({ state: "SENT", lockedUntil: null });
    expect(posted("in flight at SIGTERM")).toHaveLength(1);
  });

  it("an approval clicked on both replicas at once queues one command", async () => {
    const [a, b] = await startBoth();
    const enrolled = await postJson(`${a!.url}/agent/v1/enroll`, {
      enrollmentSecret: ENROLLMENT_SECRET,
      platform: "ios",
      name: "Replica iPhone",
      udid: "REPLICA-UDID-1",
      supervised: true,
      ownerEmail: "replica.owner@example.com",
    });
    expect(enrolled.status).toBe(201);
    const deviceId = enrolled.json.deviceId as string;
    // The report is filed through the core, as any intake does (this test process is a third client of the database).
    const core = buildCore(loadConfig({ APP_LOCALE: "en" }), db, systemClock);
    const { report } = await core.reports.create({
      channel: "WEB",
      reporterEmail: "replica.owner@example.com",
      deviceDescription: "my iPhone",
      deviceIds: [deviceId],
      circumstances: "LOST",
      consentLostMode: true,
      locale: "en",
    });
    const meta = JSON.stringify({ r: report.id, d: deviceId, ch: "C_ADMIN" });
    const values = { message: { value: "Lost phone" }, phone: { value: "" }, footnote: { value: "" } };
    const toA = new SlackRequests(a!.url, (id) => slack.responseUrl(id));
    const toB = new SlackRequests(b!.url, (id) => slack.responseUrl(id));
    // Two admins submit the lost-mode modal at the same moment, each reaching a different replica.
    const answers = await Promise.all([
      toA.viewSubmission({ user: ADMIN_1, callbackId: "lost_mode_submit", privateMetadata: meta, values }),
      toB.viewSubmission({ user: ADMIN_2, callbackId: "lost_mode_submit", privateMetadata: meta, values }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    await vi.waitFor(
      () =>
        expect(
          slack.callsTo("chat.postEphemeral").filter((c) => /lost mode/i.test(String(c.args.text))).length,
        ).toBeGreaterThanOrEqual(2),
      slow,
    );
    expect(await db.prisma.command.count({ where: { deviceId, type: "ENABLE_LOST_MODE" } })).toBe(1);
  });

  it("a digest scheduled every two seconds fires on both replicas and is posted once", async () => {
    await startBoth({ DIGEST_CRON: "*/2 * * * * *", DIGEST_TZ: "UTC" });
    const digests = () => slack.posts("C_ADMIN").filter((p) => /Daily digest/.test(String(p.text)));
    await vi.waitFor(() => expect(digests().length).toBeGreaterThanOrEqual(1), slow);
    const firedBefore = await db.prisma.jobRun.count({ where: { job: "digest" } });
    // Several more fires, each claimed by exactly one replica (the run row is keyed by the fire)…
    await vi.waitFor(
      async () =>
        expect(await db.prisma.jobRun.count({ where: { job: "digest" } })).toBeGreaterThanOrEqual(firedBefore + 3),
      slow,
    );
    const owners = new Set((await db.prisma.jobRun.findMany({ where: { job: "digest" } })).map((r) => r.owner));
    expect([...owners].every((o) => replicas.some((r) => o.endsWith(`:${r.pid}`)))).toBe(true);
    // …and the day's digest still went out once.
    await vi.waitFor(
      async () => expect(await db.prisma.outboxMessage.count({ where: { state: "PENDING" } })).toBe(0),
      slow,
    );
    expect(digests()).toHaveLength(1);
  });
});
