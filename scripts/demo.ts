// npm run demo — see the product before any Slack app is approved: the real app on an in-memory
// database with the demo company, a local stand-in for Slack's Web API (the fake the tests use),
// a page of the app (/preview) that shows the admin channel, threads, DMs, modals and App Home
// from the Block Kit the app really sent, and whose buttons and forms send signed interactions
// back to /slack/events — plus the agent simulator playing the demo company's devices.
// Same code paths as production; only the Web API base URL and the signing secret differ.
// Loopback only. Off unless started this way.
//   npm run demo                 (Japanese)      npm run demo -- --lang en      --port 3000
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { systemClock } from "../src/core/clock.js";
import { openDatabase } from "../src/db/client.js";
import { startApp, type RunningApp } from "../src/app.js";
import { configureLog } from "../src/log.js";
import { FakeSlack } from "../test/support/fake-slack.js";
import { DEMO_INVENTORY_CSV } from "./demo-company.js";
import { previewRoutes, type PreviewUser } from "./demo/routes.js";
import { SlackState } from "./demo/state.js";
import { seedDemoCompany } from "./seed-demo.js";

const { values: args } = parseArgs({
  options: {
    lang: { type: "string" },
    port: { type: "string" },
    "no-agents": { type: "boolean" },
    interval: { type: "string" },
  },
});
const lang = args.lang === "en" ? "en" : "ja";
const port = Number(args.port ?? process.env.PORT ?? 3000);
configureLog({ level: (process.env.LOG_LEVEL as "info" | undefined) ?? "warn" });

export const PREVIEW_USERS: (PreviewUser & { email: string })[] = [
  {
    id: "UYAMADA",
    name: "山田 太郎",
    email: "taro.yamada@demo.example.co.jp",
    role: { ja: "システム管理者 1", en: "system admin 1" },
  },
  {
    id: "UTANAKA",
    name: "田中 健太",
    email: "kenta.tanaka@demo.example.co.jp",
    role: { ja: "システム管理者 2", en: "system admin 2" },
  },
  {
    id: "USATO",
    name: "佐藤 花子",
    email: "hanako.sato@demo.example.co.jp",
    role: { ja: "社員（営業部）", en: "employee (sales)" },
  },
];
const ADMIN_CHANNEL = "C_ADMIN";

const slack = await new FakeSlack().start();
const setLanguage = (l: "ja" | "en") => {
  for (const u of PREVIEW_USERS)
    slack.addUser({ id: u.id, email: u.email, name: u.name, locale: l === "ja" ? "ja-JP" : "en-US", tz: "Asia/Tokyo" });
};
setLanguage(lang);

const signingSecret = randomBytes(24).toString("hex");
const enrollmentSecret = randomBytes(24).toString("hex");
const config = loadConfig({
  PORT: String(port),
  PUBLIC_URL: `http://localhost:${port}`,
  DATABASE_URL: "memory://demo",
  SLACK_BOT_TOKEN: "xoxb-preview",
  SLACK_SIGNING_SECRET: signingSecret,
  SLACK_API_URL: slack.apiUrl,
  SLACK_ADMIN_CHANNEL: ADMIN_CHANNEL,
  SLACK_ADMIN_USER_IDS: "UYAMADA,UTANAKA",
  AGENT_ENROLLMENT_SECRET: enrollmentSecret,
  APP_LOCALE: lang,
  SECRET_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
});

const db = await openDatabase(config.DATABASE_URL);
await db.migrate();
let app: RunningApp | null = null;
const state = new SlackState(slack);
const preview = previewRoutes({
  state,
  users: PREVIEW_USERS,
  adminChannel: ADMIN_CHANNEL,
  signingSecret,
  responseUrl: (id) => slack.responseUrl(id),
  appUrl: () => app!.url,
  settle: async () => {
    await app?.slackSettled();
    await app?.delivery?.drain();
  },
  setLanguage,
});
app = await startApp({ config, db, schedule: true, doctor: true, preview, host: "127.0.0.1", port, outboxPollMs: 500 });
await seedDemoCompany(app.core, db.prisma, systemClock.now());
// Every preview person opens the app's Home tab once, as Slack does on first visit.
for (const u of PREVIEW_USERS) {
  const body = JSON.stringify({
    token: "preview",
    team_id: "TPREVIEW",
    api_app_id: "APREVIEW",
    type: "event_callback",
    event_id: `Ev${u.id}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: "app_home_opened", user: u.id, tab: "home" },
  });
  const ts = Math.floor(Date.now() / 1000);
  const { sign } = await import("../test/support/slack-requests.js");
  await fetch(`${app.url}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-slack-request-timestamp": String(ts),
      "x-slack-signature": sign(signingSecret, ts, body),
    },
    body,
  });
}

// The demo company's phones, tablets and Macs, played by the agent simulator.
let agents: ChildProcess | null = null;
if (!args["no-agents"]) {
  const fleet = DEMO_INVENTORY_CSV.trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(","))
    .filter((c) => c[0] && ["iOS", "iPadOS", "macOS", "Android"].includes(c[1]!))
    .map(([name, platform, model, serial, udid, imei, , , ownerEmail, , , supervised, ade]) => ({
      platform: platform!.toLowerCase(),
      name,
      model,
      serial,
      ...(udid ? { udid } : {}),
      ...(imei ? { imei } : {}),
      ownerEmail,
      supervised: supervised === "yes",
      ade: ade === "yes",
      passcode: serial !== "DMQX1A2B3C02",
    }));
  const dir = mkdtempSync(path.join(tmpdir(), "lostdesk-demo-"));
  const fleetFile = path.join(dir, "fleet.json");
  writeFileSync(fleetFile, JSON.stringify(fleet));
  agents = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/agent-simulate.ts",
      "--url",
      app.url,
      "--secret",
      enrollmentSecret,
      "--fleet",
      fleetFile,
      "--state",
      path.join(dir, "state.json"),
      "--interval",
      args.interval ?? "3",
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  agents.stdout!.on("data", (d: Buffer) => process.stdout.write(d.toString().replace(/^/gm, "  device  ")));
}

const url = `http://localhost:${port}`;
console.log(
  lang === "ja"
    ? `\nプレビューを起動しました（Slack のローカル代替・このマシンからのみ）:\n  Slack プレビュー  ${url}/preview\n  紛失届 Web フォーム ${url}/report\n  セットアップ状況  ${url}/\nCtrl-C で終了します。データはメモリ上にあり、終了すると消えます。\n`
    : `\nPreview running (a local stand-in for Slack, this machine only):\n  Slack preview   ${url}/preview?lang=en\n  report form     ${url}/report?lang=en\n  setup state     ${url}/?lang=en\nCtrl-C to stop. The data is in memory and goes when it stops.\n`,
);

const stop = async () => {
  agents?.kill("SIGTERM");
  await app?.stop();
  await db.close();
  await slack.stop();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
