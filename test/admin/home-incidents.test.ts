// The App Home as a place to act, in both languages, through the real HTTP server and the fake
// Slack: an administrator's Home carries each open incident's own buttons (the incident message's
// action ids, values and confirms), a click there works and is answered in the app's DM (a Home
// click has no response_url); an employee linked by e-mail sees their open reports with
// 「見つかりました」; a fleet of open incidents stays within Slack's 100 blocks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPEN_REPORT_STATUSES } from "../../src/core/inventory/scope.js";
import { LOCALES } from "../../src/i18n/index.js";
import { ADMIN_1, startTestApp, type TestApp } from "../support/harness.js";
import { aDevice, aPerson } from "../support/builders.js";
import { validateView } from "../support/block-kit.js";
import { enroll, incidentTs, threadTexts } from "../commands/support.js";
import { eventually } from "./helpers.js";
import { openHome as openHomeOf } from "../support/slack-views.js";

const WORDS = {
  en: {
    open: /Open incidents \(\d+\)/,
    dismissed: /dismissed/,
    found: "I found it",
    told: "IT already knows you found it.",
    myReports: "Your open reports",
    more: /…and (\d+) more: `\/mdm reports` lists them all\./,
  },
  ja: {
    open: /対応中の紛失\(\d+\)/,
    dismissed: /対応不要/,
    found: "見つかりました",
    told: "見つかったことは IT 管理者に伝わっています。",
    myReports: "対応中のあなたの紛失届",
    more: /…ほか (\d+) 件\(一覧は `\/mdm reports`\)。/,
  },
} as const;

type View = { type: string; blocks: any[] };
const elements = (blocks: any[]) => blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements);

describe.each(LOCALES)("the App Home to act from, in %s", (locale) => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ env: { APP_LOCALE: locale } })));
  afterAll(() => t.close());
  const w = WORDS[locale];

  async function openHome(user: string): Promise<View> {
    const view = await openHomeOf(t, user);
    expect(validateView(view)).toEqual([]);
    return view as View;
  }

  async function report(reporterEmail: string, deviceIds: string[]) {
    const created = await t.app.core.reports.create({
      channel: "WEB",
      reporterEmail,
      deviceDescription: "my work iPhone",
      deviceIds,
      circumstances: "LOST",
      consentLostMode: true,
      locale,
    });
    await t.flush();
    return created;
  }

  it("shows each open incident with the buttons of its message in the channel, and a click there works", async () => {
    const owner = await aPerson(t.db.prisma, {});
    const agent = await enroll(t, { ownerEmail: owner.email });
    const { report: r } = await report(owner.email, [agent.deviceId]);
    const posted = t.slack.posts("C_ADMIN").find((p) => !p.thread_ts && String(p.text).includes(r.reference))!;
    const inChannel = elements(typeof posted.blocks === "string" ? JSON.parse(posted.blocks) : posted.blocks);

    const home = await openHome(ADMIN_1);
    expect(JSON.stringify(home.blocks)).toMatch(w.open);
    const at = home.blocks.findIndex((b) => b.type === "section" && b.text.text.includes(r.reference));
    expect(at).toBeGreaterThan(0);
    const onHome = home.blocks[at + 1];
    expect(onHome.type).toBe("actions");
    // The same buttons, values and confirms as the message: the same listeners handle them.
    expect(onHome.elements).toEqual(inChannel);
    expect(onHome.elements.map((e: any) => e.action_id)).toEqual(
      expect.arrayContaining(["lost_mode_enable", "device_lock", "device_wipe", "report_found", "report_dismiss"]),
    );
    expect(onHome.elements.find((e: any) => e.action_id === "device_wipe").confirm).toBeDefined();
    expect(onHome.elements.find((e: any) => e.action_id === "report_dismiss").confirm).toBeDefined();

    // "No action needed" clicked on the Home: the case closes, the admin hears it in the app's DM
    // (a Home click carries no response_url), the thread and the Home follow.
    const dismiss = onHome.elements.find((e: any) => e.action_id === "report_dismiss");
    const publishes = t.slack.callsTo("views.publish").length;
    const res = await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "report_dismiss",
      value: dismiss.value,
      blockId: onHome.block_id,
      view: { id: "VHOME", type: "home" },
    });
    expect(res.status).toBe(200);
    await eventually(
      async () => (await t.db.prisma.lossReport.findUniqueOrThrow({ where: { id: r.id } })).status === "DISMISSED",
      "the report dismissed",
    );
    const dm = await eventually(() => t.slack.posts(ADMIN_1).find((p) => String(p.text).includes(r.reference)));
    expect(String(dm.text)).toMatch(w.dismissed);
    await t.flush();
    const ts = await incidentTs(t, r.id);
    expect(threadTexts(t, ts).length).toBeGreaterThan(0);
    const refreshed = await eventually(() =>
      t.slack
        .callsTo("views.publish")
        .slice(publishes)
        .find((c) => c.args.user_id === ADMIN_1),
    );
    expect(JSON.stringify(refreshed.args.view)).not.toContain(r.reference);
  });

  it("answers a refused click in the app's DM too, in the clicker's language", async () => {
    const owner = await aPerson(t.db.prisma, {});
    const agent = await enroll(t, { ownerEmail: owner.email });
    const { report: r } = await report(owner.email, [agent.deviceId]);
    // An employee who is not an administrator presses a Home button they could only have copied.
    await t.requests.blockAction({
      user: "UNOTADMIN",
      actionId: "report_dismiss",
      value: JSON.stringify({ r: r.id, d: agent.deviceId }),
      view: { id: "VHOME2", type: "home" },
    });
    const dm = await eventually(() => t.slack.posts("UNOTADMIN").at(-1), "the refusal in the DM");
    expect(String(dm.text)).toMatch(/:warning:|:no_entry:/);
    expect((await t.db.prisma.lossReport.findUniqueOrThrow({ where: { id: r.id } })).status).not.toBe("DISMISSED");
  });

  it("shows an employee, linked by e-mail, their open reports with 「見つかりました」, which tells the admins", async () => {
    const me = await aPerson(t.db.prisma, { name: `Hanako ${locale}`, slackUserId: null });
    const slackId = `UHANAKO${locale.toUpperCase()}`;
    // Not linked in the directory: Slack's users.info gives the e-mail that links them.
    t.slack.addUser({
      id: slackId,
      email: me.email,
      name: me.name ?? undefined,
      locale: locale === "ja" ? "ja-JP" : "en-US",
    });
    const agent = await enroll(t, { ownerEmail: me.email });
    const { report: open } = await report(me.email, [agent.deviceId]);
    const { report: closed } = await report(me.email, []);
    await t.db.prisma.lossReport.update({ where: { id: closed.id }, data: { status: "FOUND" } });

    const home = await openHome(slackId);
    const text = JSON.stringify(home.blocks);
    expect(text).toContain(w.myReports);
    expect(text).toContain(open.reference);
    expect(text).not.toContain(closed.reference);
    const found = elements(home.blocks).find((e: any) => e.action_id === "reporter_found");
    expect(found.text.text).toBe(w.found);
    expect(found.value).toBe(open.id);
    expect(found.confirm).toBeDefined();
    expect(found.style).toBe("primary");

    const publishes = t.slack.callsTo("views.publish").length;
    await t.requests.blockAction({
      user: slackId,
      actionId: "reporter_found",
      value: found.value,
      view: { id: "VEMP", type: "home" },
    });
    const again = await eventually(() =>
      t.slack
        .callsTo("views.publish")
        .slice(publishes)
        .find((c) => c.args.user_id === slackId),
    );
    // The button gives way to what it did; the admins hear it in the incident's thread.
    expect(JSON.stringify(again.args.view)).toContain(w.told);
    expect(elements(again.args.view.blocks).some((e: any) => e.action_id === "reporter_found")).toBe(false);
    await t.flush();
    const ts = await incidentTs(t, open.id);
    await eventually(() => threadTexts(t, ts).some((x) => x.includes(`<@${slackId}>`)), "the thread told");
    expect(t.slack.posts(slackId).some((p) => String(p.text).length > 0)).toBe(true);
  });
  it("stays within Slack's 100 blocks with many open incidents, and says how many more there are", async () => {
    // Only these open: the Home lists the oldest first.
    await t.db.prisma.lossReport.updateMany({ data: { status: "DISMISSED" } });
    const owner = await aPerson(t.db.prisma, {});
    const devices: string[] = [];
    for (let i = 0; i < 12; i++) {
      const mine = [];
      for (let j = 0; j < 8; j++) mine.push((await aDevice(t.db.prisma, { ownerId: owner.id, supervised: true })).id);
      devices.push(...mine);
      await report(owner.email, mine);
    }
    // Every other list full too: eight second approvals waiting, every device silent for days.
    for (const deviceId of devices.slice(0, 8)) {
      await t.db.prisma.command.create({
        data: { deviceId, type: "ERASE_DEVICE", state: "AWAITING_APPROVAL", requestedAt: t.clock.now() },
      });
    }
    t.clock.advance(5 * 86_400_000);
    const home = await openHome(ADMIN_1);
    expect(home.blocks.length).toBeLessThanOrEqual(100);
    const shown = home.blocks.filter((b) => b.type === "section" && /^\*LR-/.test(b.text.text)).length;
    const open = await t.db.prisma.lossReport.count({ where: { status: { in: [...OPEN_REPORT_STATUSES] } } });
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(8);
    const more = JSON.stringify(home.blocks).match(w.more);
    expect(more?.[1]).toBe(String(open - shown));
    // The lists after the incidents are all there: the budget is taken from the incidents.
    expect(home.blocks.at(-1).block_id).toBe("home_language");
  }, 60_000);
});
