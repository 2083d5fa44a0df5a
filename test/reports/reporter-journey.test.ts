// The reporter's side of a case, in the language they reported in, through the real HTTP server
// and the fake Slack: a DM at each step (lost mode on, wiped — with what happened to their data —
// closed), an "I found it" button in the DM and on the status page that tells the administrators
// in the incident's thread and offers them to close it (ending lost mode there), and a status
// page that says what to do next.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "../../src/i18n/index.js";
import { aPerson } from "../support/builders.js";
import { ADMIN_1, ADMIN_2, startTestApp, type TestApp } from "../support/harness.js";
import { answer, checkIn, enroll, incidentTs, threadTexts, until } from "../commands/support.js";

const WORDS = {
  en: {
    lostMode: /your device is now in lost mode/,
    button: "I found it",
    thread: /says they \*found the device\*/,
    told: /IT has been told you found it/,
    next: "What to do now",
    pageTold: "You told IT you found it",
    wipedPersonal: /your own device\): everything on it was erased/,
    closed: /is closed: your device was wiped/,
  },
  ja: {
    lostMode: /デバイスが紛失モードになりました/,
    button: "見つかりました",
    thread: /\*デバイスが見つかった\* と連絡がありました/,
    told: /見つかったことを IT 管理者に伝えました/,
    next: "次にすること",
    pageTold: "見つかったことを IT 管理者に伝えました",
    wipedPersonal: /個人所有\): 写真やアプリを含め、すべてのデータを消去しました/,
    closed: /完了しました: デバイスは初期化済みです/,
  },
} as const;

describe.each(LOCALES)("the reporter's journey, in %s", (locale: Locale) => {
  let t: TestApp;
  // The app's own language is the other one: the reporter's language is what they reported in.
  beforeAll(async () => (t = await startTestApp({ env: { APP_LOCALE: locale === "ja" ? "en" : "ja" } })));
  afterAll(() => t.close());
  const w = WORDS[locale];

  async function aCase(over: Record<string, unknown> = {}) {
    const owner = await aPerson(t.db.prisma);
    const agent = await enroll(t, { ownerEmail: owner.email, ...over });
    const created = await t.app.core.reports.create({
      channel: "WEB",
      reporterEmail: owner.email,
      deviceDescription: "iPhone",
      deviceIds: [agent.deviceId],
      circumstances: "LOST",
      consentLostMode: true,
      locale,
    });
    await t.flush();
    const reportId = created.report.id;
    return {
      owner,
      agent,
      reportId,
      statusToken: created.statusToken!,
      ts: await incidentTs(t, reportId),
      value: JSON.stringify({ r: reportId, d: agent.deviceId }),
    };
  }
  // A DM goes to the user (Slack opens the IM itself) or to the IM channel opened first.
  const dmsTo = (user: string) => [...t.slack.posts(user), ...t.slack.posts(`D${user}`)];

  async function lostModeOn(c: Awaited<ReturnType<typeof aCase>>) {
    await t.requests.blockAction({ user: ADMIN_1, actionId: "lost_mode_enable", value: c.value, messageTs: c.ts });
    const open = await until(
      () =>
        t.slack
          .callsTo("views.open")
          .find(
            (x) => x.args.view.callback_id === "lost_mode_submit" && x.args.view.private_metadata.includes(c.reportId),
          ),
      "the lost-mode modal",
    );
    await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: "lost_mode_submit",
      privateMetadata: open.args.view.private_metadata,
      values: { message: { value: "Lost" }, phone: { value: "03-1111-2222" }, footnote: { value: "" } },
    });
    await until(
      () => t.db.prisma.command.findFirst({ where: { deviceId: c.agent.deviceId, type: "ENABLE_LOST_MODE" } }),
      "lost mode queued",
    );
    const [cmd] = (await checkIn(t, c.agent.token)).json.commands;
    await answer(t, c.agent.token, cmd.id, { status: "Acknowledged" });
    await t.flush();
  }

  it("tells the reporter lost mode is on, and their 'I found it' reaches the admins with the close button", async () => {
    const c = await aCase();
    await lostModeOn(c);
    const dm = dmsTo(c.owner.slackUserId!).find((p) => w.lostMode.test(String(p.text)));
    expect(dm).toBeDefined();
    const blocks = typeof dm!.blocks === "string" ? JSON.parse(dm!.blocks) : dm!.blocks;
    const button = blocks.flatMap((b: any) => b.elements ?? []).find((e: any) => e.action_id === "reporter_found");
    expect(button.text.text).toBe(w.button);
    expect(button.confirm).toBeDefined();

    // Someone else cannot say it for them.
    await t.requests.blockAction({
      user: ADMIN_2,
      actionId: "reporter_found",
      value: button.value,
      responseId: `rf-other-${locale}`,
    });
    await until(() => t.slack.responses.find((r) => r.id === `rf-other-${locale}`), "the refusal");
    expect(threadTexts(t, c.ts).some((x) => w.thread.test(x))).toBe(false);

    await t.requests.blockAction({
      user: c.owner.slackUserId!,
      actionId: "reporter_found",
      value: button.value,
      responseId: `rf-${locale}`,
    });
    const reply = await until(() => t.slack.responses.find((r) => r.id === `rf-${locale}`), "the reply");
    expect(reply.body.text).toMatch(w.told);
    expect(reply.body.replace_original).toBe(true);
    await t.flush();
    const notice = t.slack.posts().find((p) => p.thread_ts === c.ts && /raised_hand/.test(String(p.text)));
    expect(notice).toBeDefined();
    expect(JSON.stringify(notice!.blocks)).toContain("report_found");
    // The status page says they told us, and what to do now; the case is still open.
    const page = await (await fetch(`${t.url}/report/status/${c.statusToken}`)).text();
    expect(page).toContain(w.next);
    expect(page).toContain(w.pageTold);
    expect((await t.db.prisma.lossReport.findUniqueOrThrow({ where: { id: c.reportId } })).status).toBe(
      "LOST_MODE_ENABLED",
    );
  });

  it("takes 'I found it' from the status page too, once", async () => {
    const c = await aCase();
    await lostModeOn(c);
    const before = await (await fetch(`${t.url}/report/status/${c.statusToken}`)).text();
    expect(before).toContain(`action="/report/status/${c.statusToken}/found`);
    expect(before).toContain(w.button);
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${t.url}/report/status/${c.statusToken}/found?lang=${locale}`, {
        method: "POST",
        redirect: "manual",
      });
      expect(res.status).toBe(303);
    }
    await t.flush();
    const notices = t.slack.posts().filter((p) => p.thread_ts === c.ts && /raised_hand/.test(String(p.text)));
    expect(notices).toHaveLength(1);
    const after = await (await fetch(`${t.url}/report/status/${c.statusToken}`)).text();
    expect(after).toContain(w.pageTold);
    expect(after).not.toContain(`/found`);
    // A made-up token is a 404 page, nothing is told.
    expect((await fetch(`${t.url}/report/status/nope/found`, { method: "POST" })).status).toBe(404);
  });

  it("tells the reporter their personal device was erased, and that the case closed as wiped", async () => {
    const c = await aCase();
    await t.db.prisma.device.update({ where: { id: c.agent.deviceId }, data: { ownership: "personal" } });
    await t.requests.blockAction({ user: ADMIN_1, actionId: "device_wipe", value: c.value, messageTs: c.ts });
    const wipe = await until(
      () => t.db.prisma.command.findFirst({ where: { deviceId: c.agent.deviceId, type: "ERASE_DEVICE" } }),
      "wipe requested",
    );
    await t.requests.blockAction({ user: ADMIN_2, actionId: "wipe_approve", value: JSON.stringify({ c: wipe.id }) });
    await until(
      async () => (await t.db.prisma.command.findUniqueOrThrow({ where: { id: wipe.id } })).state === "QUEUED",
      "approved",
    );
    const [erase] = (await checkIn(t, c.agent.token)).json.commands;
    await answer(t, c.agent.token, erase.id, { status: "Acknowledged" });
    await t.flush();
    expect(dmsTo(c.owner.slackUserId!).some((p) => w.wipedPersonal.test(String(p.text)))).toBe(true);

    await t.requests.blockAction({ user: ADMIN_1, actionId: "report_close_wiped", value: c.value, messageTs: c.ts });
    await until(
      async () => (await t.db.prisma.lossReport.findUniqueOrThrow({ where: { id: c.reportId } })).status === "CLOSED",
      "closed",
    );
    await t.flush();
    expect(dmsTo(c.owner.slackUserId!).some((p) => w.closed.test(String(p.text)))).toBe(true);
    const page = await (await fetch(`${t.url}/report/status/${c.statusToken}`)).text();
    expect(page).not.toContain(`/found`);
  });
});
