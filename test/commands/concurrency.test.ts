// A button clicked twice, two admins at once, and people who may not act: one command at most,
// and nothing at all for the unauthorised.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aDepartment, aPerson } from "../support/builders.js";
import { ADMIN_1, ADMIN_2, startTestApp, type TestApp } from "../support/harness.js";
import { lostDevice, until } from "./support.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const replies = (prefix: string, n: number) =>
  until(() => {
    const got = t.slack.responses.filter((r) => r.id.startsWith(prefix));
    return got.length >= n ? got : null;
  }, `${n} replies`);

describe("one command per click, whatever the clicking", () => {
  it("queues one location request for a double click and for two admins at once", async () => {
    const lost = await lostDevice(t);
    await t.db.prisma.device.update({ where: { id: lost.agent.deviceId }, data: { state: "LOST_MODE" } });
    await Promise.all([
      t.requests.blockAction({ user: ADMIN_1, actionId: "device_locate", value: lost.value, responseId: "dbl-1" }),
      t.requests.blockAction({ user: ADMIN_1, actionId: "device_locate", value: lost.value, responseId: "dbl-2" }),
      t.requests.blockAction({ user: ADMIN_2, actionId: "device_locate", value: lost.value, responseId: "dbl-3" }),
    ]);
    const answers = await replies("dbl-", 3);
    expect(await t.db.prisma.command.count({ where: { deviceId: lost.agent.deviceId, type: "DEVICE_LOCATION" } })).toBe(
      1,
    );
    expect(answers.filter((a) => /is queued/.test(a.body.text))).toHaveLength(1);
    expect(answers.filter((a) => /already (queued|sent)/.test(a.body.text))).toHaveLength(2);
  });

  it("records one wipe request when two admins click wipe at the same moment", async () => {
    const lost = await lostDevice(t);
    await Promise.all([
      t.requests.blockAction({ user: ADMIN_1, actionId: "device_wipe", value: lost.value, responseId: "w2-1" }),
      t.requests.blockAction({ user: ADMIN_2, actionId: "device_wipe", value: lost.value, responseId: "w2-2" }),
    ]);
    await replies("w2-", 2);
    expect(await t.db.prisma.command.count({ where: { deviceId: lost.agent.deviceId, type: "ERASE_DEVICE" } })).toBe(1);
  });

  it("queues one lost mode when the modal is submitted twice", async () => {
    const lost = await lostDevice(t);
    const meta = JSON.stringify({ r: lost.reportId, d: lost.agent.deviceId, ch: "C_ADMIN" });
    const values = { message: { value: "Lost phone" }, phone: { value: "" }, footnote: { value: "" } };
    await Promise.all([
      t.requests.viewSubmission({ user: ADMIN_1, callbackId: "lost_mode_submit", privateMetadata: meta, values }),
      t.requests.viewSubmission({ user: ADMIN_2, callbackId: "lost_mode_submit", privateMetadata: meta, values }),
    ]);
    await until(
      () => t.slack.callsTo("chat.postEphemeral").filter((c) => /lost mode/i.test(c.args.text)).length >= 2 || null,
      "both replies",
    );
    expect(
      await t.db.prisma.command.count({ where: { deviceId: lost.agent.deviceId, type: "ENABLE_LOST_MODE" } }),
    ).toBe(1);
  });
});

describe("who may act", () => {
  it("gives an employee who clicks an explanation and changes nothing", async () => {
    const lost = await lostDevice(t);
    const employee = await aPerson(t.db.prisma);
    const before = await t.db.prisma.outboxMessage.count();
    const modals = t.slack.callsTo("views.open").length;
    for (const actionId of ["lost_mode_enable", "device_wipe", "device_lock", "report_found", "report_dismiss"]) {
      await t.requests.blockAction({
        user: employee.slackUserId!,
        actionId,
        value: lost.value,
        responseId: `emp-${actionId}`,
      });
    }
    const answers = await replies("emp-", 5);
    for (const a of answers)
      expect(a.body).toMatchObject({ response_type: "ephemeral", text: expect.stringMatching(/not allowed/) });
    expect(await t.db.prisma.command.count({ where: { deviceId: lost.agent.deviceId } })).toBe(0);
    expect((await t.db.prisma.lossReport.findUniqueOrThrow({ where: { id: lost.reportId } })).status).toBe("RECEIVED");
    expect(await t.db.prisma.outboxMessage.count()).toBe(before);
    expect(t.slack.callsTo("views.open")).toHaveLength(modals);
    const refusals = await t.db.prisma.auditEntry.count({
      where: { actor: `slack:${employee.slackUserId}`, action: "command.refused" },
    });
    expect(refusals).toBeGreaterThanOrEqual(3);
  });

  it("lets a department admin act on their department's devices only", async () => {
    const sales = await aDepartment(t.db.prisma);
    const legal = await aDepartment(t.db.prisma);
    const salesAdmin = await aPerson(t.db.prisma, { departmentId: sales.id });
    await t.db.prisma.departmentAdmin.create({ data: { departmentId: sales.id, personId: salesAdmin.id } });
    const ours = await lostDevice(t, { departmentId: sales.id });
    const theirs = await lostDevice(t, { departmentId: legal.id });

    await t.requests.blockAction({
      user: salesAdmin.slackUserId!,
      actionId: "device_wipe",
      value: theirs.value,
      responseId: "dept-theirs",
    });
    expect((await replies("dept-theirs", 1))[0]!.body.text).toMatch(/not allowed/);
    expect(await t.db.prisma.command.count({ where: { deviceId: theirs.agent.deviceId } })).toBe(0);

    await t.requests.blockAction({
      user: salesAdmin.slackUserId!,
      actionId: "device_wipe",
      value: ours.value,
      responseId: "dept-ours",
    });
    expect((await replies("dept-ours", 1))[0]!.body.text).toMatch(/Another administrator must approve/);
    // A system admin may approve the department admin's request.
    const wipe = await t.db.prisma.command.findFirstOrThrow({ where: { deviceId: ours.agent.deviceId } });
    await t.app.core.commands.approve(await t.app.core.actors.fromSlack(ADMIN_1), wipe.id);
    expect((await t.db.prisma.command.findUniqueOrThrow({ where: { id: wipe.id } })).state).toBe("QUEUED");
  });
});
