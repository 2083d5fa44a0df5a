// The brake on destruction (issue 19): a company-wide wipe limit per rolling hour with a
// break-glass approval by two other administrators, the security channel, an approval policy per
// command type changed by two administrators, and bulk requests through the same rules — all
// driven through the real HTTP server and the fake Slack.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, ADMIN_2, startTestApp, type TestApp } from "../support/harness.js";
import { actionIds, checkIn, incidentTs, lostDevice, threadTexts, until } from "../commands/support.js";
import { HOUR } from "../../src/core/clock.js";
import { blocksOf, buttonValue } from "../support/slack-views.js";

const ADMIN_3 = "UADMIN3";
const SECURITY = "C_SECURITY";
let t: TestApp;
beforeAll(
  async () =>
    (t = await startTestApp({
      env: { SLACK_ADMIN_USER_IDS: `${ADMIN_1},${ADMIN_2},${ADMIN_3}`, SLACK_SECURITY_CHANNEL: SECURITY },
    })),
);
afterAll(() => t.close());

let n = 0;
async function click(user: string, actionId: string, value: string) {
  const responseId = `r${++n}`;
  await t.requests.blockAction({ user, actionId, value, responseId });
  return String(
    (await until(() => t.slack.responses.find((r) => r.id === responseId), `a reply to ${actionId}`)).body.text,
  );
}
async function mdm(user: string, text: string) {
  const responseId = `m${++n}`;
  await t.requests.slashCommand({ command: "/mdm", text, user, responseId });
  return String(
    (await until(() => t.slack.responses.find((r) => r.id === responseId), `a reply to /mdm ${text}`)).body.text,
  );
}
const wipeOf = (deviceId: string) =>
  t.db.prisma.command.findFirstOrThrow({ where: { deviceId, type: "ERASE_DEVICE" }, orderBy: { createdAt: "desc" } });
const security = () => t.slack.posts(SECURITY).map((p) => String(p.text));

describe("the wipe limit", () => {
  it("lets three wipes an hour through with two admins, then needs two admins other than the requester, and says so in the security channel", async () => {
    const lost = await Promise.all([lostDevice(t), lostDevice(t), lostDevice(t), lostDevice(t)]);
    expect(await click(ADMIN_1, "device_wipe", lost[0]!.value)).toMatch(/Another administrator must approve/);
    expect(
      await click(ADMIN_2, "wipe_approve", JSON.stringify({ c: (await wipeOf(lost[0]!.agent.deviceId)).id })),
    ).toMatch(/approved and queued/);
    const [a1, a2] = [await t.app.core.actors.fromSlack(ADMIN_1), await t.app.core.actors.fromSlack(ADMIN_2)];
    for (const l of lost.slice(1, 3)) {
      const w = await t.app.core.commands.request(a1, {
        deviceId: l.agent.deviceId,
        type: "ERASE_DEVICE",
        reportId: l.reportId,
      });
      expect((await t.app.core.commands.approve(a2, w.id)).state).toBe("QUEUED");
    }
    expect(security()).toEqual([]);

    // The fourth within the hour: break-glass.
    const fourth = lost[3]!;
    await click(ADMIN_1, "device_wipe", fourth.value);
    const wipe = await wipeOf(fourth.agent.deviceId);
    expect(wipe).toMatchObject({ state: "AWAITING_APPROVAL", breakGlass: true, approvalsRequired: 2 });
    await t.flush();
    const ts = await incidentTs(t, fourth.reportId);
    const approvalPost = t.slack.posts().find((p) => p.thread_ts === ts && actionIds(p).includes("wipe_approve"))!;
    expect(String(approvalPost.text)).toMatch(/Break-glass.*two administrators other than the requester/);
    expect(security().join("\n")).toMatch(/Wipe past the limit.*<@UADMIN1> asked to wipe \*iPhone .*\(F.*XYZ\)/);

    const value = buttonValue(approvalPost, "wipe_approve");
    expect(await click(ADMIN_2, "wipe_approve", value)).toMatch(/recorded \(1 of 2\).*one more administrator/);
    expect((await t.db.prisma.command.findUniqueOrThrow({ where: { id: wipe.id } })).state).toBe("AWAITING_APPROVAL");
    expect((await checkIn(t, fourth.agent.token)).json.commands).toEqual([]);
    // The same admin twice, and the requester, do not make the second approval.
    expect(await click(ADMIN_2, "wipe_approve", value)).toMatch(/already approved/);
    expect(await click(ADMIN_1, "wipe_approve", value)).toMatch(/two different administrators/);
    expect((await t.db.prisma.command.findUniqueOrThrow({ where: { id: wipe.id } })).state).toBe("AWAITING_APPROVAL");
    await t.flush();
    expect(threadTexts(t, ts).join("\n")).toMatch(/<@UADMIN2> approved Wipe of \*iPhone .*\(1 of 2\)/);

    expect(await click(ADMIN_3, "wipe_approve", value)).toMatch(/approved and queued/);
    expect((await t.db.prisma.command.findUniqueOrThrow({ where: { id: wipe.id } })).state).toBe("QUEUED");
    expect((await checkIn(t, fourth.agent.token)).json.commands.map((c: any) => c.type)).toEqual(["EraseDevice"]);
    const trail = await t.db.prisma.auditEntry.findMany({
      where: { subject: `command:${wipe.id}` },
      orderBy: { id: "asc" },
    });
    expect(trail.map((a) => `${a.actor} ${a.action}`)).toEqual(
      expect.arrayContaining([
        `slack:${ADMIN_2} command.approval_recorded`,
        `slack:${ADMIN_2} command.refused`,
        `slack:${ADMIN_1} command.refused`,
        `slack:${ADMIN_3} command.approve`,
      ]),
    );

    // The hour rolls on: an hour after the last wipe, one admin's approval is enough again.
    t.clock.advance(HOUR + 1000);
    const later = await lostDevice(t);
    const normal = await t.app.core.commands.request(a1, {
      deviceId: later.agent.deviceId,
      type: "ERASE_DEVICE",
      reportId: later.reportId,
    });
    expect(normal).toMatchObject({ breakGlass: false, approvalsRequired: 1 });
    await t.app.core.commands.cancel(a1, normal.id);
  }, 90_000);

  it("holds at release too: requests spread over hours and approved in a burst need break-glass past the limit", async () => {
    t.clock.advance(3 * HOUR);
    const a1 = await t.app.core.actors.fromSlack(ADMIN_1);
    const a2 = await t.app.core.actors.fromSlack(ADMIN_2);
    const before = security().filter((s) => /Wipe past the limit/.test(s)).length;
    const wipes = [];
    for (let i = 0; i < 4; i++) {
      const l = await lostDevice(t);
      wipes.push(
        await t.app.core.commands.request(a1, {
          deviceId: l.agent.deviceId,
          type: "ERASE_DEVICE",
          reportId: l.reportId,
        }),
      );
      t.clock.advance(2 * HOUR);
    }
    expect(wipes.every((w) => !w.breakGlass)).toBe(true);
    for (const w of wipes.slice(0, 3)) expect((await t.app.core.commands.approve(a2, w.id)).state).toBe("QUEUED");
    const held = await t.app.core.commands.approve(a2, wipes[3]!.id);
    expect(held).toMatchObject({ state: "AWAITING_APPROVAL", breakGlass: true, approvalsRequired: 2 });
    await t.flush();
    expect(security().filter((s) => /Wipe past the limit/.test(s))).toHaveLength(before + 1);
    expect((await t.app.core.commands.approve(await t.app.core.actors.fromSlack(ADMIN_3), wipes[3]!.id)).state).toBe(
      "QUEUED",
    );
  }, 60_000);

  it("lets exactly the limit through when wipes are requested at the same moment", async () => {
    t.clock.advance(3 * HOUR);
    const a1 = await t.app.core.actors.fromSlack(ADMIN_1);
    const lost = await Promise.all(Array.from({ length: 6 }, () => lostDevice(t)));
    const wipes = await Promise.all(
      lost.map((l) =>
        t.app.core.commands.request(a1, { deviceId: l.agent.deviceId, type: "ERASE_DEVICE", reportId: l.reportId }),
      ),
    );
    expect(wipes.filter((w) => w.breakGlass)).toHaveLength(3);
  });
});

describe("the approval policy", () => {
  it("is changed only when a second system administrator approves, and then holds lost mode for a second admin", async () => {
    expect(await mdm(ADMIN_1, "brake")).toMatch(/Wipes per rolling hour before break-glass.*\*3\*[\s\S]*wipe only/);
    expect(await mdm(ADMIN_1, "brake lostmode on")).toMatch(/Proposed: Lost mode needs a second administrator/i);
    await t.flush();
    const proposal = t.slack.posts("C_ADMIN").find((p) => actionIds(p).includes("policy_change_approve"))!;
    expect(String(proposal.text)).toMatch(/<@UADMIN1> proposes a response-policy change/);
    expect(security().join("\n")).toMatch(/proposes a response-policy change/);
    const value = buttonValue(proposal, "policy_change_approve");
    expect(await click(ADMIN_1, "policy_change_approve", value)).toMatch(
      /you proposed it, so someone else must approve it/,
    );
    expect((await t.app.core.brake.policy()).secondAdmin).toEqual([]);
    expect(await click("UEMPLOYEE", "policy_change_approve", value)).toMatch(/system administrator/);
    expect(await click(ADMIN_2, "policy_change_approve", value)).toMatch(/Applied/);
    expect((await t.app.core.brake.policy()).secondAdmin).toEqual(["ENABLE_LOST_MODE"]);
    expect(await click(ADMIN_3, "policy_change_approve", value)).toMatch(/already applied/);
    await t.flush();
    expect(
      t.slack
        .callsTo("chat.update")
        .map((c) => String(c.args.text))
        .join("\n"),
    ).toMatch(/approved by <@UADMIN2> and applies now/);

    // Lost mode now waits for a second administrator.
    const lost = await lostDevice(t);
    const a1 = await t.app.core.actors.fromSlack(ADMIN_1);
    const cmd = await t.app.core.commands.request(a1, {
      deviceId: lost.agent.deviceId,
      type: "ENABLE_LOST_MODE",
      reportId: lost.reportId,
      params: { Message: "Lost", PhoneNumber: "03-1234-5678" },
    });
    expect(cmd.state).toBe("AWAITING_APPROVAL");
    expect((await checkIn(t, lost.agent.token)).json.commands).toEqual([]);
    await t.flush();
    const ts = await incidentTs(t, lost.reportId);
    // Its own buttons and words, not the wipe's: "Approve: Lost mode", "Withdraw request".
    const post = t.slack.posts().find((p) => p.thread_ts === ts && actionIds(p).includes("command_approve"))!;
    expect(String(post.text)).toMatch(/asked for \*Lost mode\*.*response policy requires a second administrator/i);
    expect(actionIds(post)).toEqual(["command_approve", "command_cancel"]);
    const buttons = blocksOf(post).flatMap((b) => b.elements ?? []);
    expect(buttons.map((b: any) => b.text.text)).toEqual(["Approve: Lost mode", "Withdraw request"]);
    expect(buttons.map((b: any) => b.confirm.title.text)).toEqual(["Approve Lost mode?", "Withdraw the request?"]);
    expect(JSON.stringify(buttons)).not.toMatch(/wipe|erase/i);
    expect(await click(ADMIN_1, "command_approve", buttonValue(post, "command_approve"))).toMatch(
      /response policy requires a second administrator: you requested this/,
    );
    expect(await click(ADMIN_2, "command_approve", buttonValue(post, "command_approve"))).toMatch(
      /Lost mode of .* approved and queued/i,
    );
    await t.flush();
    // The approval post loses its buttons and says what was decided, in the command's own words.
    const closed = t.slack.callsTo("chat.update").filter((c) => /Lost mode of \*iPhone/.test(String(c.args.text)));
    expect(closed.map((c) => String(c.args.text)).join("\n")).toMatch(
      /Lost mode of \*iPhone[^*]*\* approved by <@UADMIN2> \(.*JST\) and queued/,
    );
    expect(JSON.stringify(closed.at(-1)!.args.blocks)).not.toMatch(/command_approve|wipe/i);
    expect((await checkIn(t, lost.agent.token)).json.commands.map((c: any) => c.type)).toEqual(["EnableLostMode"]);

    // Back off again, and a limit change, each through two admins; a withdrawn change applies nothing.
    await mdm(ADMIN_2, "brake lostmode off");
    await mdm(ADMIN_2, "brake limit 10");
    const [off, limit] = await t.app.core.brake.pendingChanges();
    await t.app.core.brake.approve(await t.app.core.actors.fromSlack(ADMIN_3), off!.id);
    await t.app.core.brake.withdraw(await t.app.core.actors.fromSlack(ADMIN_1), limit!.id);
    expect(await t.app.core.brake.policy()).toEqual({ wipeLimitPerHour: 3, secondAdmin: [] });
    expect(await mdm(ADMIN_1, "brake limit zero")).toMatch(/Usage: `\/mdm brake`/);
  });
});

describe("bulk requests", () => {
  it("go through the same rules, are posted to the security channel, and name unknown devices without requesting anything", async () => {
    t.clock.advance(3 * HOUR);
    const lost = [await lostDevice(t), await lostDevice(t)];
    const serials = await Promise.all(
      lost.map(async (l) => (await t.db.prisma.device.findUniqueOrThrow({ where: { id: l.agent.deviceId } })).serial!),
    );
    expect(await mdm(ADMIN_1, `bulk wipe ${serials[0]} NOSUCHSERIAL`)).toMatch(/NOSUCHSERIAL.*Nothing was requested/);
    expect(
      await t.db.prisma.command.count({ where: { deviceId: lost[0]!.agent.deviceId, type: "ERASE_DEVICE" } }),
    ).toBe(0);

    const csv = `Serial number,Device name\n${serials[0]},a\n${serials[1]},b`;
    const reply = await mdm(ADMIN_1, `bulk wipe\n${csv}`);
    expect(reply).toMatch(/\*Wipe\* for 2 devices/);
    expect(reply.match(/waiting for a second administrator/g)).toHaveLength(2);
    await t.flush();
    expect(security().join("\n")).toMatch(/Request naming 2 devices.*<@UADMIN1> asked for \*Wipe\*.*from CSV/);
    const batch = await t.db.prisma.command.findMany({
      where: { deviceId: { in: lost.map((l) => l.agent.deviceId) }, type: "ERASE_DEVICE" },
    });
    expect(new Set(batch.map((c) => c.batchId)).size).toBe(1);
    expect(batch.every((c) => c.state === "AWAITING_APPROVAL")).toBe(true);
    // The employee who is not an administrator gets nothing done.
    expect(await mdm("UEMPLOYEE", `bulk lock ${serials[0]}`)).toMatch(/administrator/);
  });
});

describe("bulk requests from a CSV file", () => {
  it("takes an uploaded inventory export in Slack, reads its serial column, and sends every device through the same rules", async () => {
    const devices = [await lostDevice(t), await lostDevice(t)];
    const serials = await Promise.all(
      devices.map(
        async (d) => (await t.db.prisma.device.findUniqueOrThrow({ where: { id: d.agent.deviceId } })).serial!,
      ),
    );
    const responseId = "bulk-open";
    await t.requests.slashCommand({
      command: "/mdm",
      text: "bulk lock",
      user: ADMIN_1,
      responseId,
      triggerId: "trig-bulk",
    });
    const opened = await until(() =>
      t.slack.callsTo("views.open").find((c) => JSON.stringify(c.args).includes("bulk_upload")),
    );
    expect(JSON.stringify(opened.args)).toMatch(/Several devices at once/);
    // An inventory export as /mdm export writes it (BOM, headers in the reader's language).
    const csv = `\uFEFFDevice name,Platform,Model,Serial number,UDID,IMEI\n${devices
      .map((d, i) => `Phone ${i},iOS,iPhone 15,${serials[i]},,`)
      .join("\n")}\n`;
    const fileId = t.slack.addFile({ name: "lost.csv", content: csv });
    const before = t.slack.posts(ADMIN_1).length;
    const res = await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: "bulk_upload",
      privateMetadata: "lock",
      values: { file: { file: { files: [{ id: fileId, name: "lost.csv" }] } } },
    });
    expect(res.status).toBe(200);
    const dm = await until(() => t.slack.posts(ADMIN_1)[before], "the bulk result by DM");
    expect(String(dm.text)).toMatch(/\*Lock\* for 2 devices/);
    for (const d of devices)
      expect(
        await t.db.prisma.command.findFirstOrThrow({ where: { deviceId: d.agent.deviceId, type: "DEVICE_LOCK" } }),
      ).toMatchObject({
        batchId: expect.any(String),
      });
    await t.flush();
    expect(security().join("\n")).toMatch(/Request naming 2 devices.*\*Lock\*.*\(from CSV\)/);
  });
});
