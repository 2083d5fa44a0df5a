// One running app for a test file: a real HTTP server on loopback, a real migrated database,
// the fake Slack Web API, a manual clock, and signed Slack requests.
import { createHmac } from "node:crypto";
import { loadConfig, type Config } from "../../src/config.js";
import { ManualClock } from "../../src/core/clock.js";
import { startApp, type RunningApp } from "../../src/app.js";
import type { CommandDriver } from "../../src/core/ports/index.js";
import type { Database } from "../../src/db/client.js";
import { configureLog } from "../../src/log.js";
import { createTestDatabase } from "./db.js";
import { FakeSlack } from "./fake-slack.js";
import { SIGNING_SECRET, SlackRequests } from "./slack-requests.js";

export const ADMIN_CHANNEL = "C_ADMIN";
export const ADMIN_1 = "UADMIN1";
export const ADMIN_2 = "UADMIN2";
export const ENROLLMENT_SECRET = "enroll-secret-for-tests";
export const ALERTS_TOKEN = "alerts-token-for-tests";
export const FORM_SECRET = "google-form-secret-for-tests";

/** The test company's configuration, for the app in this process and for replica processes. */
export const TEST_ENV: Record<string, string> = {
  PORT: "0",
  PUBLIC_URL: "http://portal.test",
  SLACK_ADMIN_CHANNEL: ADMIN_CHANNEL,
  SLACK_ADMIN_USER_IDS: `${ADMIN_1},${ADMIN_2}`,
  AGENT_ENROLLMENT_SECRET: ENROLLMENT_SECRET,
  ALERTS_API_TOKEN: ALERTS_TOKEN,
  GOOGLE_FORM_WEBHOOK_SECRET: FORM_SECRET,
  SECRET_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  APP_LOCALE: "en",
};

export interface TestApp {
  app: RunningApp;
  url: string;
  db: Database;
  slack: FakeSlack;
  clock: ManualClock;
  requests: SlackRequests;
  config: Config;
  /** Renders what committed changes asked Slack to show, then delivers everything the outbox
   *  holds to the fake Slack, as the background workers would; returns how many rows it delivered. */
  flush(): Promise<number>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string | undefined>;
  clock?: ManualClock;
  /** Reuse a database (two app instances on one database, restarts). */
  db?: Database;
  slack?: FakeSlack | false;
  schedule?: boolean;
  /** Extra drivers (a driver pointed at a local fake with test credentials). */
  drivers?: CommandDriver[];
  /** Deliver the outbox in the background as a running replica does (commit wake-ups, and a
   *  poll this often) instead of only on `flush()`. */
  outboxPollMs?: number;
  /** The Home tabs' debounce (0 here unless a test is about it; 2 s in a running app). */
  homeRefreshDelayMs?: number;
}

configureLog({ level: (process.env.TEST_LOG_LEVEL as "debug" | undefined) ?? "error" });

export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const clock = opts.clock ?? new ManualClock();
  const ownDb = !opts.db;
  const db = opts.db ?? (await createTestDatabase());
  const ownSlack = opts.slack === undefined;
  const slack = opts.slack === false ? null : (opts.slack ?? (await new FakeSlack().start()));
  // Slack's clock and ours agree, as they do in production within seconds.
  if (ownSlack && slack) slack.now = () => clock.now().getTime();
  const config = loadConfig({
    ...TEST_ENV,
    ...(slack
      ? { SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl }
      : {}),
    ...opts.env,
  });
  const app = await startApp({
    config,
    db,
    clock,
    port: 0,
    schedule: opts.schedule ?? false,
    deliver: opts.outboxPollMs !== undefined,
    outboxPollMs: opts.outboxPollMs,
    drivers: opts.drivers,
    homeRefreshDelayMs: opts.homeRefreshDelayMs ?? 0,
  });
  const requests = new SlackRequests(
    app.url,
    (id) => (slack ? slack.responseUrl(id) : `http://127.0.0.1:9/${id}`),
    SIGNING_SECRET,
    () => Date.now(),
    { settled: () => app.slackSettled() },
  );
  return {
    app,
    url: app.url,
    db,
    slack: slack!,
    clock,
    requests,
    config,
    async flush() {
      await app.renderer.render();
      return app.delivery ? app.delivery.drain() : 0;
    },
    async close() {
      await app.stop();
      if (ownDb) await db.close();
      if (ownSlack && slack) await slack.stop();
    },
  };
}

/** Headers the Google Form webhook expects: HMAC-SHA256 of `<unix seconds>.<body>` (Apps Script signs the same way). */
export function formWebhookHeaders(
  body: string | Buffer,
  unixSeconds: number,
  secret = FORM_SECRET,
): Record<string, string> {
  const sig = createHmac("sha256", secret).update(`${unixSeconds}.`).update(body).digest("hex");
  return { "x-timestamp": String(unixSeconds), "x-signature": `sha256=${sig}` };
}

/** JSON helpers for the app's HTTP API. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, json, text, headers: res.headers };
}
