// The coordination tables every replica writes to stay small: week-old Slack receipts and job
// runs are deleted by the daily housekeeping job; recent ones, and form receipts, are kept.
import { afterAll, beforeAll, expect, it } from "vitest";
import { ADMIN_1, startTestApp, type TestApp } from "../support/harness.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

it("deletes week-old Slack receipts and job runs, and keeps the rest", async () => {
  await t.requests.slashCommand({ command: "/mdm", text: "help", user: ADMIN_1, triggerId: "old-trigger" });
  await t.db.prisma.inboundReceipt.create({ data: { key: "google-form:resp-1", createdAt: t.clock.now() } });
  await t.app.coordinator.claim("commands-dispatch", t.clock.now());
  t.clock.advanceDays(8);
  await t.requests.slashCommand({ command: "/mdm", text: "help", user: ADMIN_1, triggerId: "new-trigger" });
  await t.app.coordinator.claim("commands-dispatch", t.clock.now());

  const job = t.app.jobs.find((j) => j.name === "housekeeping")!;
  await job.run(t.clock.now());

  const keys = (await t.db.prisma.inboundReceipt.findMany()).map((r) => r.key).sort();
  expect(keys).toEqual(["google-form:resp-1", "slack-command:new-trigger"]);
  expect(await t.db.prisma.jobRun.count({ where: { job: "commands-dispatch" } })).toBe(1);
});
