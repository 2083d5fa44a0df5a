// A command the response policy holds for a second administrator (here: lock) is posted with
// Approve / Withdraw buttons. Once it is decided — approved, withdrawn — or lapses unapproved,
// that very message is edited (chat.update on its ts): the buttons go, and it says who decided
// and when, or that it expired. Driven through the real HTTP server, the fake Slack and the clock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, ADMIN_2, startTestApp, type TestApp } from "../support/harness.js";
import { actionIds, incidentTs, lostDevice, until } from "../commands/support.js";
import { runJob } from "../alerts/support.js";
import { buttonValue } from "../support/slack-views.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set("2026-11-20T01:00:00Z"); // Friday 10:00 JST
  const [a1, a2] = [await t.app.core.actors.fromSlack(ADMIN_1), await t.app.core.actors.fromSlack(ADMIN_2)];
  const change = await t.app.core.brake.propose(a1, { kind: "approval", type: "DEVICE_LOCK", required: true });
  await t.app.core.brake.approve(a2, change.id);
  await t.flush();
});
afterAll(() => t.close());

/** A held lock on a fresh incident: its approval post (with buttons) and that post's ts. */
async function heldLock() {
  const lost = await lostDevice(t);
  const a1 = await t.app.core.actors.fromSlack(ADMIN_1);
  const cmd = await t.app.core.commands.request(a1, {
    deviceId: lost.agent.deviceId,
    type: "DEVICE_LOCK",
    reportId: lost.reportId,
  });
  expect(cmd.state).toBe("AWAITING_APPROVAL");
  await t.flush();
  const ts = await incidentTs(t, lost.reportId);
  const post = await until(
    () => t.slack.posts().find((p) => p.thread_ts === ts && actionIds(p).includes("command_approve")),
    "the approval post",
  );
  const call = t.slack.calls.find((c) => c.method === "chat.postMessage" && c.args === post);
  const postTs = String((call?.result as { ts?: string } | undefined)?.ts ?? "");
  return { post, postTs, cmdId: cmd.id };
}

/** The last edit of that post: its text, and whether any button is left. */
function lastEdit(postTs: string) {
  const edit = t.slack
    .callsTo("chat.update")
    .filter((c) => c.args.ts === postTs)
    .at(-1);
  expect(edit, "the approval post is edited").toBeTruthy();
  return { text: String(edit!.args.text), buttons: JSON.stringify(edit!.args.blocks ?? []).includes("action_id") };
}

describe("a held command's approval post once decided", () => {
  it("names the approving administrator and the time, without buttons", async () => {
    const { post, postTs } = await heldLock();
    t.clock.advance(15 * 60_000);
    await t.requests.blockAction({
      user: ADMIN_2,
      actionId: "command_approve",
      value: buttonValue(post, "command_approve"),
    });
    await t.flush();
    const edit = lastEdit(postTs);
    expect(edit.text).toMatch(/Lock of \*.*\* approved by <@UADMIN2> \(.*10:15.*JST.*\) and queued/);
    expect(edit.buttons).toBe(false);
  });

  it("names who withdrew it and when, without buttons", async () => {
    const { post, postTs } = await heldLock();
    t.clock.advance(5 * 60_000);
    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "command_cancel",
      value: buttonValue(post, "command_cancel"),
    });
    await t.flush();
    const edit = lastEdit(postTs);
    expect(edit.text).toMatch(/Request for \*Lock\* on \*.*\* withdrawn by <@UADMIN1> \(.*JST.*\)\. Nothing was sent/);
    expect(edit.buttons).toBe(false);
  });

  it("says it expired when nobody approved it in time, without buttons", async () => {
    const { postTs, cmdId } = await heldLock();
    t.clock.advance(7 * 24 * 3_600_000 + 60_000);
    await runJob(t, "commands-expire");
    await t.flush();
    expect((await t.db.prisma.command.findUniqueOrThrow({ where: { id: cmdId } })).state).toBe("EXPIRED");
    const edit = lastEdit(postTs);
    expect(edit.text).toMatch(/Request for \*Lock\* on \*.*\* expired \(.*JST.*\): nobody approved it in time/);
    expect(edit.buttons).toBe(false);
  });
});
