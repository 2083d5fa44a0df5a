// Slack gives 3 seconds for an answer and shows the person an error (or retries) after that.
// Clicks and slash commands are answered on arrival, before any database work, so a slow or
// busy database never makes Slack wait; the work itself still happens, once, and shutdown
// waits for it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { until } from "../commands/support.js";
import { FakeSlack } from "../support/fake-slack.js";
import { ADMIN_1, startTestApp, type TestApp } from "../support/harness.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

/** Holds an exclusive lock on the receipts table (every Slack delivery's first write) until released. */
async function holdReceipts(app: TestApp): Promise<{ release(): Promise<void> }> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => (locked = r));
  const tx = app.db.prisma.$transaction(
    async (q) => {
      await q.$executeRaw`LOCK TABLE "InboundReceipt" IN EXCLUSIVE MODE`;
      locked();
      await held;
    },
    { timeout: 30_000 },
  );
  await isLocked;
  return { release: async () => (release(), await tx) };
}

const replies = (app: TestApp, id: string) => app.slack.responses.filter((r) => r.id === id);

it("answers a slash command while the database is held up, then replies once it is free", async () => {
  const lock = await holdReceipts(t);
  const res = await t.requests.slashCommand(
    { command: "/mdm", text: "help", user: ADMIN_1, responseId: "held-cmd" },
    { settle: false },
  );
  expect(res.status).toBe(200);
  expect(res.body).toBe("");
  expect(replies(t, "held-cmd")).toHaveLength(0); // the work waits for the database, Slack does not
  await lock.release();
  await t.app.slackSettled();
  expect(replies(t, "held-cmd")).toHaveLength(1);
  expect(replies(t, "held-cmd")[0]!.body.text).toContain("/mdm");
});

it("answers a button click while the database is held up, and does not act on a replay of it", async () => {
  const lock = await holdReceipts(t);
  const click = { user: ADMIN_1, actionId: "home_refresh", triggerId: "held-click", responseId: "held-click" };
  const first = await t.requests.blockAction(click, { settle: false });
  const replay = await t.requests.blockAction(click, {
    settle: false,
    headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
  });
  expect([first.status, replay.status]).toEqual([200, 200]);
  const published = t.slack.callsTo("views.publish").length;
  await lock.release();
  await t.app.slackSettled();
  expect(t.slack.callsTo("views.publish").length).toBe(published + 1);
  expect(await t.db.prisma.inboundReceipt.count({ where: { key: "slack-action:held-click" } })).toBe(1);
});

it("finishes acked work before it stops", async () => {
  const other = await startTestApp({ db: t.db });
  const lock = await holdReceipts(other);
  const res = await other.requests.slashCommand(
    { command: "/mdm", text: "help", user: ADMIN_1, responseId: "held-stop" },
    { settle: false },
  );
  expect(res.status).toBe(200);
  const stopping = other.close();
  await lock.release();
  await stopping;
  expect(replies(other, "held-stop")).toHaveLength(1);
});

it("asks Slack who the bot is once, at start, not before every click, and asks again after a failure without dropping requests", async () => {
  const slack = await new FakeSlack().start();
  slack.failNext("auth.test", { status: 503, times: 3 }); // Slack's auth.test hiccups at start and for the next two asks
  const fresh = await startTestApp({ db: t.db, slack });
  try {
    await until(() => slack.calls.some((c) => c.method === "auth.test"), "the ask at start");
    for (let i = 1; i <= 5; i++)
      await fresh.requests.slashCommand({ command: "/mdm", text: "help", user: ADMIN_1, responseId: `who-${i}` });
    expect(slack.calls.filter((c) => c.method === "auth.test")).toHaveLength(4); // three failed asks, then one that is kept
    for (let i = 1; i <= 5; i++) expect(replies(fresh, `who-${i}`)).toHaveLength(1);
  } finally {
    await fresh.close();
    await slack.stop();
  }
});
