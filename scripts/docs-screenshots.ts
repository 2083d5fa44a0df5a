// npm run docs:screenshots — the README's pictures of the real Slack messages: runs the app on
// an in-memory database with the fake Slack from the tests, drives it like an admin and an
// employee would, renders the payloads Slack received (scripts/render-blocks.ts) and screenshots
// them with Debian's chromium (playwright-core) into docs/slack/.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { launchChromium } from "../test/support/chromium.js";
import { SYSTEM } from "../src/core/actors.js";
import { ManualClock, DAY, HOUR } from "../src/core/clock.js";
import { ADMIN_1, startTestApp } from "../test/support/harness.js";
import { DEMO_INVENTORY_CSV, DEMO_LAST_SEEN_HOURS } from "./demo-company.js";
import { renderHome, renderMessage, renderModal } from "./render-blocks.js";

const OUT = path.resolve("docs/slack");
const EMPLOYEE = "USATOHANAKO";

async function waitFor<T>(probe: () => T | undefined | null | false, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`no ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const clock = new ManualClock("2026-11-20T01:02:00Z"); // 10:02 in Tokyo
const t = await startTestApp({ clock, env: { APP_LOCALE: "en" } });
const shots: { name: string; html: string }[] = [];
try {
  const db = t.db.prisma;
  const admin = { ...SYSTEM, id: "docs" };
  await t.app.core.inventory.importCsv(admin, DEMO_INVENTORY_CSV);
  const now = clock.now();
  for (const [serial, hours] of Object.entries(DEMO_LAST_SEEN_HOURS)) {
    await db.device.update({ where: { serial }, data: { lastCheckInAt: new Date(now.getTime() - hours * HOUR) } });
  }
  await db.person.update({ where: { email: "hanako.sato@demo.example.co.jp" }, data: { slackUserId: EMPLOYEE } });
  t.slack.addUser({
    id: EMPLOYEE,
    email: "hanako.sato@demo.example.co.jp",
    name: "佐藤 花子",
    locale: "ja-JP",
    tz: "Asia/Tokyo",
  });
  await db.renewal.create({
    data: { kind: "PUSH_CERTIFICATE", label: "MDM push certificate", expiresAt: new Date(now.getTime() + 12 * DAY) },
  });
  await db.renewal.create({
    data: { kind: "ADE_TOKEN", label: "ADE server token", expiresAt: new Date(now.getTime() + 45 * DAY) },
  });
  await db.renewal.create({
    data: {
      kind: "ANDROID_ENTERPRISE_GMAIL",
      label: "Android Enterprise admin Gmail",
      expiresAt: new Date(now.getTime() + 31 * DAY),
    },
  });

  // An employee reports her iPhone lost in Slack: the incident message in the admin channel.
  clock.set(new Date(now.getTime() - 2 * HOUR));
  await t.app.core.reports.create({
    channel: "SLACK",
    reporterSlackUserId: EMPLOYEE,
    reporterEmail: "hanako.sato@demo.example.co.jp",
    reporterName: "佐藤 花子",
    deviceDescription: "iPhone 15 (black case)",
    circumstances: "LOST",
    location: "渋谷駅 山手線ホーム",
    lostAt: new Date(now.getTime() - 3 * HOUR),
    contactPhone: "080-1234-5601",
    consentLostMode: true,
    locale: "ja",
  });
  clock.set(now);
  await t.flush();
  const incident = await waitFor(
    () => t.slack.posts("C_ADMIN").find((p) => JSON.stringify(p.blocks ?? "").includes("lost_mode_enable")),
    "incident message",
  );
  shots.push({ name: "incident", html: renderMessage(incident, { time: "08:02" }) });

  // A second approval waiting: the first admin asked for a wipe of the BYOD iPhone.
  const byod = await db.device.findUniqueOrThrow({ where: { serial: "DMQX1A2B3C02" } });
  try {
    await t.app.core.commands.request(await t.app.core.actors.fromSlack(ADMIN_1), {
      deviceId: byod.id,
      type: "ERASE_DEVICE",
    });
  } catch {
    // the approvals list is simply empty if the rules refuse it
  }

  const ask = async (text: string, user = ADMIN_1) => {
    const responseId = `docs-${text.replace(/\W+/g, "_")}-${user}`;
    await t.requests.slashCommand({ command: "/mdm", text, user, responseId });
    return waitFor(() => t.slack.responses.find((r) => r.id === responseId)?.body, `/mdm ${text}`);
  };
  shots.push({ name: "mdm-device", html: renderMessage(await ask("device DMQX1A2B3C01"), { ephemeral: true }) });
  shots.push({ name: "mdm-help", html: renderMessage(await ask("help"), { ephemeral: true }) });
  shots.push({ name: "mdm-reports", html: renderMessage(await ask("reports"), { ephemeral: true }) });

  const bad =
    "Device name,Platform,Serial number,Owner email\n新しい iPhone,iOS,DMNEW0001,yuki.mori@demo.example.co.jp\n古い Android,Palm,DMNEW0002,not-an-email";
  const answer = await (
    await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: "inventory_import",
      values: { inventory_csv: { csv: bad } },
    })
  ).json();
  await t.requests.slashCommand({ command: "/mdm", text: "import", user: ADMIN_1, triggerId: "docs-import" });
  const modal = await waitFor(
    () => t.slack.callsTo("views.open").find((c) => c.args.trigger_id === "docs-import"),
    "import modal",
  );
  shots.push({
    name: "import-errors",
    html: renderModal(
      {
        ...modal.args.view,
        blocks: modal.args.view.blocks.map((b: any) =>
          b.type === "input" ? { ...b, element: { ...b.element, initial_value: bad } } : b,
        ),
      },
      answer.errors ?? {},
    ),
  });

  const home = async (user: string) => {
    const before = t.slack.callsTo("views.publish").length;
    await t.requests.event({ type: "app_home_opened", user, tab: "home" });
    return waitFor(
      () =>
        t.slack
          .callsTo("views.publish")
          .slice(before)
          .find((c) => c.args.user_id === user),
      "home",
    )!.then((c) => c.args.view);
  };
  shots.push({
    name: "home-admin",
    html: renderHome(await home(ADMIN_1), { home: "Home", messages: "Messages", about: "About" }),
  });
  shots.push({
    name: "home-employee-ja",
    html: renderHome(await home(EMPLOYEE), { home: "ホーム", messages: "メッセージ", about: "アプリ情報" }),
  });
} finally {
  await t.close();
}

mkdirSync(OUT, { recursive: true });
const browser = await launchChromium();
try {
  const tab = await browser.newPage({ viewport: { width: 720, height: 400 }, deviceScaleFactor: 1 });
  for (const s of shots) {
    await tab.setContent(s.html, { waitUntil: "load" });
    await tab.locator("#shot").screenshot({ path: path.join(OUT, `${s.name}.png`) });
    console.log(`docs/slack/${s.name}.png`);
  }
} finally {
  await browser.close();
}
