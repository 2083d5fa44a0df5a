// The coordination tables every replica writes to stay small: week-old Slack receipts, job
// runs and report-form allowances, and month-old delivered Slack messages, are deleted by the daily housekeeping job;
// recent ones, form receipts and undelivered messages are kept; alerts go after 90 days.
import { afterAll, beforeAll, expect, it } from "vitest";
import { DAY, ManualClock } from "../../src/core/clock.js";
import { ADMIN_CHANNEL, enqueue } from "../../src/core/outbox.js";
import { aDevice } from "../support/builders.js";
import { ADMIN_1, startTestApp, type TestApp } from "../support/harness.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

// An accepted report counts against its sender's allowance: a window row, as the form writes it.
const postReportForm = () =>
  t.db.prisma.rateLimitWindow.create({
    data: { key: `report:${t.clock.now().getTime()}`, windowStart: t.clock.now(), hits: 1 },
  });

it("deletes week-old Slack receipts, job runs and report-form allowances, and keeps the rest", async () => {
  await t.requests.slashCommand({ command: "/mdm", text: "help", user: ADMIN_1, triggerId: "old-trigger" });
  await postReportForm();
  await t.db.prisma.inboundReceipt.create({ data: { key: "google-form:resp-1", createdAt: t.clock.now() } });
  await t.app.coordinator.claim("commands-dispatch", t.clock.now());
  t.clock.advanceDays(8);
  await t.requests.slashCommand({ command: "/mdm", text: "help", user: ADMIN_1, triggerId: "new-trigger" });
  await t.app.coordinator.claim("commands-dispatch", t.clock.now());
  await postReportForm();
  expect(await t.db.prisma.rateLimitWindow.count()).toBe(2);

  const job = t.app.jobs.find((j) => j.name === "housekeeping")!;
  await job.run(t.clock.now());

  const keys = (await t.db.prisma.inboundReceipt.findMany()).map((r) => r.key).sort();
  expect(keys).toEqual(["google-form:resp-1", "slack-command:new-trigger"]);
  expect(await t.db.prisma.jobRun.count({ where: { job: "commands-dispatch" } })).toBe(1);
  const allowances = await t.db.prisma.rateLimitWindow.findMany();
  expect(allowances).toHaveLength(1); // today's
  expect(allowances[0]!.windowStart.getTime()).toBeGreaterThan(t.clock.now().getTime() - 15 * 60_000);
});

it("deletes delivered messages after 30 days and refused ones after 90, and never one still waiting", async () => {
  // Rows carry the database's own creation time: the app's clock starts at the real time here.
  const app = await startTestApp({ clock: new ManualClock(new Date()) });
  try {
    const message = (text: string, channel = ADMIN_CHANNEL) => ({
      method: "chat.postMessage",
      payload: { channel, text },
    });
    const texts = async () =>
      (await app.db.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } })).map(
        (r) => `${(r.payload as { text: string }).text}: ${r.state}`,
      );
    const housekeeping = () => app.app.jobs.find((j) => j.name === "housekeeping")!.run(app.clock.now());

    await enqueue(app.db.prisma, message("delivered long ago"));
    await app.flush();
    // An update of a message Slack no longer has: refused for good (a post would get a fallback instead).
    await enqueue(app.db.prisma, {
      method: "chat.update",
      payload: { channel: ADMIN_CHANNEL, ts: "1.000001", text: "refused by Slack" },
    });
    app.slack.failNext("chat.update", { error: "message_not_found" });
    await app.flush();
    // Not delivered yet, however old: its retry is far off (Slack answering 429 with a long Retry-After).
    await enqueue(app.db.prisma, message("still waiting for Slack"));
    await app.db.prisma.outboxMessage.updateMany({
      where: { state: "PENDING" },
      data: { nextAttemptAt: new Date(app.clock.now().getTime() + 1000 * DAY) },
    });
    app.clock.advanceDays(31);
    await enqueue(app.db.prisma, message("delivered today"));
    await app.flush();
    expect(await texts()).toEqual([
      "delivered long ago: SENT",
      "refused by Slack: FAILED",
      "still waiting for Slack: PENDING",
      "delivered today: SENT",
    ]);

    await housekeeping();
    expect(await texts()).toEqual([
      "refused by Slack: FAILED",
      "still waiting for Slack: PENDING",
      "delivered today: SENT",
    ]);

    app.clock.advanceDays(60);
    await housekeeping();
    expect(await texts()).toEqual(["still waiting for Slack: PENDING"]);
  } finally {
    await app.close();
  }
});

it("deletes alerts received more than ALERT_RETENTION_DAYS (90) ago and keeps the newer ones", async () => {
  const device = await aDevice(t.db.prisma, { name: "Retention Phone" });
  const at = (daysAgo: number) => new Date(t.clock.now().getTime() - daysAgo * DAY);
  for (const [key, daysAgo] of [
    ["retention:91", 91],
    ["retention:89", 89],
    ["retention:1", 1],
  ] as const)
    await t.db.prisma.alert.create({
      data: {
        type: "root",
        deviceId: device.id,
        detectedAt: at(daysAgo),
        immediate: false,
        dedupeKey: key,
        createdAt: at(daysAgo),
      },
    });
  await t.app.jobs.find((j) => j.name === "housekeeping")!.run(t.clock.now());
  const left = await t.db.prisma.alert.findMany({ where: { deviceId: device.id }, orderBy: { createdAt: "asc" } });
  expect(left.map((a) => a.dedupeKey)).toEqual(["retention:89", "retention:1"]);
});
