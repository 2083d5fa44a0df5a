// Escalation when nobody acts (issue 19): the on-call group is mentioned after N minutes — a
// different N outside business hours, holidays and 年末年始 included — once; lost mode on for
// 24 hours without the device found asks in the thread whether to wipe, with the two-person flow
// ready; each incident's time to first action and to lost mode feed this week's medians.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, ADMIN_2, startTestApp, type TestApp } from "../support/harness.js";
import { actionIds, answer, checkIn, incidentTs, lostDevice, threadTexts, until } from "../commands/support.js";
import { HOUR } from "../../src/core/clock.js";

let t: TestApp;
beforeAll(
  async () =>
    (t = await startTestApp({
      env: { ESCALATION_USERGROUP: "S0ONCALL", ESCALATION_MINUTES: "15", ESCALATION_MINUTES_OFF_HOURS: "60" },
    })),
);
afterAll(() => t.close());

const MIN = 60_000;
const sweep = async () => {
  const r = await t.app.core.escalation.sweep(t.clock.now());
  await t.flush();
  return r;
};
const escalations = (ts: string) => threadTexts(t, ts).filter((x) => x.includes("nobody has acted"));

describe("escalation", () => {
  it("mentions the on-call group 15 minutes into business hours, once, shown in the channel", async () => {
    t.clock.set("2026-11-20T01:00:00Z"); // Friday 10:00 in Tokyo
    const lost = await lostDevice(t);
    const ts = await incidentTs(t, lost.reportId);
    t.clock.advance(14 * MIN);
    expect((await sweep()).escalated).toBe(0);
    t.clock.advance(1 * MIN);
    expect((await sweep()).escalated).toBe(1);
    const [post] = escalations(ts);
    expect(post).toMatch(/<!subteam\^S0ONCALL> nobody has acted on \*LR-.*\* for 15 minutes \(business hours\)/);
    expect(
      String(
        t.slack.posts().find((p) => p.thread_ts === ts && String(p.text).includes("nobody has acted"))!.reply_broadcast,
      ),
    ).toBe("true");
    t.clock.advance(30 * MIN);
    await sweep();
    expect(escalations(ts)).toHaveLength(1);
  });

  it("waits the off-hours time on a national holiday and during 年末年始", async () => {
    for (const start of ["2026-11-23T01:00:00Z", "2026-12-30T01:00:00Z", "2026-11-21T01:00:00Z"]) {
      // 勤労感謝の日, 年末年始, Saturday — 10:00 in Tokyo
      t.clock.set(start);
      const lost = await lostDevice(t);
      const ts = await incidentTs(t, lost.reportId);
      t.clock.advance(30 * MIN);
      await sweep();
      expect(escalations(ts)).toEqual([]);
      t.clock.advance(30 * MIN);
      await sweep();
      expect(escalations(ts).join()).toMatch(/for 60 minutes \(outside business hours\)/);
    }
  });

  it("stays quiet when an administrator acts in time, and records the time to first action", async () => {
    t.clock.set("2026-11-24T01:00:00Z");
    const lost = await lostDevice(t);
    t.clock.advance(4 * MIN);
    await t.requests.blockAction({ user: ADMIN_1, actionId: "device_wipe", value: lost.value, responseId: "act" });
    await until(() => t.slack.responses.find((r) => r.id === "act"), "the wipe reply");
    t.clock.advance(30 * MIN);
    await sweep();
    expect(escalations(await incidentTs(t, lost.reportId))).toEqual([]);
    const report = await t.db.prisma.lossReport.findUniqueOrThrow({ where: { id: lost.reportId } });
    expect(report.firstActionAt!.getTime() - report.createdAt.getTime()).toBe(4 * MIN);
  });

  it("asks whether to wipe when lost mode has been on 24 hours, with the wipe button ready, and the digest shows the medians", async () => {
    t.clock.set("2026-11-25T01:00:00Z");
    const lost = await lostDevice(t);
    const a1 = await t.app.core.actors.fromSlack(ADMIN_1);
    t.clock.advance(6 * MIN);
    await t.app.core.commands.request(a1, {
      deviceId: lost.agent.deviceId,
      type: "ENABLE_LOST_MODE",
      reportId: lost.reportId,
      params: { PhoneNumber: "03-1234-5678" },
    });
    t.clock.advance(10 * MIN);
    const [cmd] = (await checkIn(t, lost.agent.token)).json.commands;
    await answer(t, lost.agent.token, cmd.id, { status: "Acknowledged" });
    const report = await t.db.prisma.lossReport.findUniqueOrThrow({ where: { id: lost.reportId } });
    expect((report.lostModeOnAt!.getTime() - report.createdAt.getTime()) / MIN).toBe(16);

    const ts = await incidentTs(t, lost.reportId);
    t.clock.advance(23 * HOUR);
    expect((await sweep()).wipeAsked).toBe(0);
    t.clock.advance(1 * HOUR);
    expect((await sweep()).wipeAsked).toBe(1);
    await sweep();
    const questions = t.slack.posts().filter((p) => p.thread_ts === ts && /has not been found/.test(String(p.text)));
    expect(questions).toHaveLength(1);
    expect(String(questions[0]!.text)).toMatch(
      /Lost mode has been on for 24 hours and \*iPhone .*\* has not been found/,
    );
    expect(actionIds(questions[0]!)).toEqual(["device_wipe"]);
    const blocks = typeof questions[0]!.blocks === "string" ? JSON.parse(questions[0]!.blocks) : questions[0]!.blocks;
    const button = blocks[1].elements[0];
    expect(button.confirm.text.text).toMatch(/LEAVES management/);

    // The button starts the usual two-person wipe.
    await t.requests.blockAction({ user: ADMIN_1, actionId: "device_wipe", value: button.value, responseId: "q-wipe" });
    expect(String((await until(() => t.slack.responses.find((r) => r.id === "q-wipe"), "reply")).body.text)).toMatch(
      /Another administrator must approve/,
    );
    const wipe = await t.db.prisma.command.findFirstOrThrow({
      where: { deviceId: lost.agent.deviceId, type: "ERASE_DEVICE" },
    });
    expect(wipe.state).toBe("AWAITING_APPROVAL");
    expect(wipe.expiresAt).toBeNull(); // a wipe after lost mode never expires (seed 002)
    await t.app.core.commands.approve(await t.app.core.actors.fromSlack(ADMIN_2), wipe.id);

    // This week's medians in the digest: first actions 6 and 4 minutes, among others this week.
    await t.app.core.digest.sendNow(a1);
    await t.flush();
    const digest = t.slack
      .posts("C_ADMIN")
      .filter((p) => /Digest|digest/i.test(String(p.text)))
      .at(-1)!;
    expect(JSON.stringify(digest.blocks)).toMatch(
      /This week's response.*incidents.*median time to the first decision \*\d+ min\*.*to lost mode on the device \*16 min\* \(1 in lost mode\)/,
    );
  });
});
