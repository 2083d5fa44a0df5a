// A Japanese administrator reads every refusal in Japanese, whichever part of the core refused:
// the texts come from the catalog by the refusal's reason code, and machines get the same code
// beside the English message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, ADMIN_2, ENROLLMENT_SECRET, postJson, startTestApp, type TestApp } from "../support/harness.js";
import { aPerson } from "../support/builders.js";
import { checkIn, enroll, lostDevice, until } from "../commands/support.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp({ env: { APP_LOCALE: "ja" } })));
afterAll(() => t.close());

const reply = async (id: string) =>
  String((await until(() => t.slack.responses.find((r) => r.id === id), `a reply to ${id}`)).body.text);

function approveValueOf(deviceId: string) {
  return t.db.prisma.command.findFirstOrThrow({ where: { deviceId, type: "ERASE_DEVICE" } });
}

describe("refusals in Japanese", () => {
  it("a wipe approved by its requester, then approved after it was withdrawn: each refusal in Japanese", async () => {
    const lost = await lostDevice(t);
    await t.requests.blockAction({ user: ADMIN_1, actionId: "device_wipe", value: lost.value, responseId: "wipe" });
    await reply("wipe");
    const wipe = await approveValueOf(lost.agent.deviceId);
    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "wipe_approve",
      value: JSON.stringify({ c: wipe.id }),
      responseId: "self",
    });
    expect(await reply("self")).toContain("初期化には 2 人の異なる管理者が必要です");

    // The requester withdraws it; a second administrator's approval comes too late: the state in
    // Japanese, not the database's CANCELLED.
    await t.app.core.commands.cancel(await t.app.core.actors.fromSlack(ADMIN_1), wipe.id);
    await t.requests.blockAction({
      user: ADMIN_2,
      actionId: "wipe_approve",
      value: JSON.stringify({ c: wipe.id }),
      responseId: "late",
    });
    const late = await reply("late");
    expect(late).toContain("この依頼はすでに「取り消し」です");
    expect(late).not.toMatch(/cancelled|CANCELLED/);
  });

  it("a wipe approved twice by the same second administrator is refused in Japanese", async () => {
    const lost = await lostDevice(t);
    await t.requests.blockAction({ user: ADMIN_1, actionId: "device_wipe", value: lost.value, responseId: "wipe2" });
    await reply("wipe2");
    const wipe = await approveValueOf(lost.agent.deviceId);
    const value = JSON.stringify({ c: wipe.id });
    await t.requests.blockAction({ user: ADMIN_2, actionId: "wipe_approve", value, responseId: "second" });
    await reply("second");
    await t.requests.blockAction({ user: ADMIN_2, actionId: "wipe_approve", value, responseId: "again" });
    const again = await reply("again");
    expect(again).toContain("すでに承認済みです");
  });

  it("lost mode for an unsupervised iPhone is refused in Japanese", async () => {
    const lost = await lostDevice(t, { device: { supervised: false } });
    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "lost_mode_enable",
      value: lost.value,
      responseId: "unsupervised",
    });
    const text = await reply("unsupervised");
    expect(text).toContain("監視対象");
    expect(text).not.toMatch(/not supervised/);
  });

  it("an enrolment claim decided twice: the second click is told so in Japanese", async () => {
    const owner = await aPerson(t.db.prisma);
    const device = await enroll(t, { ownerEmail: owner.email });
    const row = await t.db.prisma.device.findUniqueOrThrow({ where: { id: device.deviceId } });
    const res = await postJson(`${t.url}/agent/v1/enroll`, {
      enrollmentSecret: ENROLLMENT_SECRET,
      platform: "windows",
      name: "Someone else's laptop",
      serial: row.serial,
      supervised: false,
    });
    expect(res.status).toBe(202);
    const claim = await t.db.prisma.enrollmentClaim.findFirstOrThrow({ where: { deviceId: device.deviceId } });
    await t.requests.blockAction({ user: ADMIN_1, actionId: "enrollment_claim_reject", value: claim.id });
    await until(
      async () =>
        (await t.db.prisma.enrollmentClaim.findUniqueOrThrow({ where: { id: claim.id } })).state !== "PENDING",
      "the claim decided",
    );
    await t.requests.blockAction({
      user: ADMIN_2,
      actionId: "enrollment_claim_approve",
      value: claim.id,
      responseId: "late-claim",
    });
    expect(await reply("late-claim")).toContain("この登録はすでに判断済みです");

    // The claimant's token: a machine gets the English message and the reason code.
    const refused = await checkIn(t, res.json.token);
    expect(refused.status).toBe(401);
    expect(refused.json).toMatchObject({
      error: "unauthenticated",
      reason: "this enrolment was refused by an administrator",
      reasonCode: "agent.enrollment_refused",
    });
  });
});
