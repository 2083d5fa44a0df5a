// The incident message tells the truth as the case moves on, in both languages, through the real
// HTTP server and the fake Slack: one status line per command edited in place (requested → sent
// → done), closing with lost mode on offers to end it in the same step, a wiped case closes as
// wiped, and the header and fallback text follow the state.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCALES } from "../../src/i18n/index.js";
import { ADMIN_1, ADMIN_2, startTestApp, type TestApp } from "../support/harness.js";
import { aDevice, aPerson } from "../support/builders.js";
import {
  actionIds,
  answer,
  checkIn,
  incidentTs,
  latestIncident,
  lostDevice,
  threadNow,
  threadTexts,
  until,
} from "./support.js";

const WORDS = {
  en: {
    lostModeOn: /is in lost mode/,
    queued: /queued|requested/i,
    dismissed: "✅ Resolved: no action needed",
    wiped: "✅ Resolved: wiped",
    closeWiped: "Close — wiped",
  },
  ja: {
    lostModeOn: /紛失モード/,
    queued: /依頼しました/,
    dismissed: "✅ 解決済み: 対応不要",
    wiped: "✅ 解決済み: 初期化済み",
    closeWiped: "初期化済みで閉じる",
  },
} as const;

describe.each(LOCALES)("an incident that tells the truth, in %s", (locale) => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ env: { APP_LOCALE: locale } })));
  afterAll(() => t.close());
  const w = WORDS[locale];
  const header = (m: Record<string, any>) => {
    const blocks = typeof m.blocks === "string" ? JSON.parse(m.blocks) : m.blocks;
    return blocks[0].text.text as string;
  };

  async function enableLostMode(lost: Awaited<ReturnType<typeof lostDevice>>, ts: string) {
    await t.requests.blockAction({ user: ADMIN_1, actionId: "lost_mode_enable", value: lost.value, messageTs: ts });
    const open = await until(
      () => t.slack.callsTo("views.open").find((c) => c.args.view.callback_id === "lost_mode_submit"),
      "the lost-mode modal",
    );
    t.slack.calls.splice(t.slack.calls.indexOf(open), 1);
    await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: "lost_mode_submit",
      privateMetadata: open.args.view.private_metadata,
      values: { message: { value: "Lost" }, phone: { value: "03-1111-2222" }, footnote: { value: "" } },
    });
    const command = await until(
      () => t.db.prisma.command.findFirst({ where: { deviceId: lost.agent.deviceId, type: "ENABLE_LOST_MODE" } }),
      "lost mode queued",
    );
    await t.flush();
    const [sent] = (await checkIn(t, lost.agent.token)).json.commands;
    await answer(t, lost.agent.token, sent.id, { status: "Acknowledged" });
    await t.flush();
    return command;
  }

  it("keeps one status line per command, edited in place from requested to done", async () => {
    const lost = await lostDevice(t);
    const ts = await incidentTs(t, lost.reportId);
    const before = threadNow(t, ts).length;
    await enableLostMode(lost, ts);
    const now = threadNow(t, ts);
    // One more message in the thread for the whole command, showing where it ended.
    expect(now).toHaveLength(before + 1);
    expect(now.at(-1)).toMatch(w.lostModeOn);
    // It went through its steps on that one message.
    const versions = threadTexts(t, ts).slice(before);
    expect(versions.length).toBeGreaterThanOrEqual(3);
    expect(versions[0]).toMatch(w.queued);
    expect(header(latestIncident(t, ts, lost.reference))).toMatch(/^🔒/);
  });

  it("offers to end lost mode when the report is dismissed, in the same step", async () => {
    const lost = await lostDevice(t);
    const ts = await incidentTs(t, lost.reportId);
    await enableLostMode(lost, ts);
    await t.requests.blockAction({ user: ADMIN_1, actionId: "report_dismiss", value: lost.value, messageTs: ts });
    const modal = await until(
      () => t.slack.callsTo("views.open").find((c) => c.args.view.callback_id === "report_found_submit"),
      "the closing modal",
    );
    expect(JSON.stringify(modal.args.view.blocks)).toContain(lost.agent.deviceId);
    await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: "report_found_submit",
      privateMetadata: modal.args.view.private_metadata,
      values: { disable: { value: { selectedOptions: [lost.agent.deviceId] } } },
    });
    await until(
      () => t.db.prisma.command.findFirst({ where: { deviceId: lost.agent.deviceId, type: "DISABLE_LOST_MODE" } }),
      "lost mode ended",
    );
    expect((await t.db.prisma.lossReport.findUniqueOrThrow({ where: { id: lost.reportId } })).status).toBe("DISMISSED");
    await t.flush();
    const message = latestIncident(t, ts, lost.reference);
    expect(header(message)).toContain(w.dismissed);
    expect(message.text).toContain(w.dismissed);
  });

  it("closes a wiped case as wiped, never as 'no action needed'", async () => {
    const lost = await lostDevice(t);
    const ts = await incidentTs(t, lost.reportId);
    await t.requests.blockAction({ user: ADMIN_1, actionId: "device_wipe", value: lost.value, messageTs: ts });
    const wipe = await until(
      () => t.db.prisma.command.findFirst({ where: { deviceId: lost.agent.deviceId, type: "ERASE_DEVICE" } }),
      "wipe requested",
    );
    await t.requests.blockAction({
      user: ADMIN_2,
      actionId: "wipe_approve",
      value: JSON.stringify({ c: wipe.id }),
      messageTs: ts,
    });
    await until(
      async () => (await t.db.prisma.command.findUniqueOrThrow({ where: { id: wipe.id } })).state === "QUEUED",
      "approved",
    );
    const [erase] = (await checkIn(t, lost.agent.token)).json.commands;
    await answer(t, lost.agent.token, erase.id, { status: "Acknowledged" });
    await t.flush();
    const wiped = latestIncident(t, ts, lost.reference);
    expect(actionIds(wiped)).toContain("report_close_wiped");
    expect(actionIds(wiped)).not.toContain("report_dismiss");
    expect(JSON.stringify(wiped.blocks)).toContain(w.closeWiped);

    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "report_close_wiped",
      value: lost.value,
      messageTs: ts,
      responseId: `close-${locale}`,
    });
    await until(() => t.slack.responses.find((r) => r.id === `close-${locale}`), "the reply");
    expect((await t.db.prisma.lossReport.findUniqueOrThrow({ where: { id: lost.reportId } })).status).toBe("CLOSED");
    await t.flush();
    const closed = latestIncident(t, ts, lost.reference);
    expect(header(closed)).toContain(w.wiped);
    expect(closed.text).toContain(w.wiped);
    expect(actionIds(closed)).toEqual(["case_record"]);
  });

  it("gives a Mac and an Android phone their own lock advice, never iOS's", async () => {
    const owner = await aPerson(t.db.prisma);
    const mac = await aDevice(t.db.prisma, { platform: "MACOS", name: "MacBook", ownerId: owner.id });
    const pixel = await aDevice(t.db.prisma, { platform: "ANDROID", name: "Pixel", ownerId: owner.id });
    const created = await t.app.core.reports.create({
      channel: "WEB",
      reporterEmail: owner.email,
      deviceDescription: "MacBook and Pixel",
      deviceIds: [mac.id, pixel.id],
      circumstances: "LOST",
      consentLostMode: true,
      locale,
    });
    await t.flush();
    const advice: Record<string, string> = {};
    for (const d of [mac, pixel]) {
      const trigger = `lock-${locale}-${d.id}`;
      await t.requests.blockAction({
        user: ADMIN_1,
        actionId: "device_lock",
        value: JSON.stringify({ r: created.report.id, d: d.id }),
        triggerId: trigger,
      });
      const open = await until(
        () => t.slack.callsTo("views.open").find((c) => c.args.trigger_id === trigger),
        "the lock modal",
      );
      advice[d.platform] = JSON.stringify(open.args.view.blocks);
    }
    for (const text of Object.values(advice)) {
      expect(text).not.toMatch(/iOS/);
      expect(text).not.toMatch(/passcode|パスコード/);
    }
    expect(advice.MACOS).toMatch(locale === "ja" ? /Mac には紛失モードがありません/ : /Macs have no lost mode/);
    expect(advice.ANDROID).toMatch(locale === "ja" ? /画面ロック/ : /screen lock/);
    // The incident message's notes for them say the same.
    const ts = await incidentTs(t, created.report.id);
    const incident = JSON.stringify(latestIncident(t, ts, created.report.reference ?? "").blocks ?? "");
    expect(incident).not.toMatch(/passcode|パスコード|iOS/);
  });
});
