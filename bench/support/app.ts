// One real app for a benchmark: the HTTP server on loopback, the fake Slack Web API, and either
// an in-memory PGlite or a PostgreSQL database the bench creates and drops itself
// (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/bench).
import pg from "pg";
import { loadConfig, type Config } from "../../src/config.js";
import { startApp, type RunningApp } from "../../src/app.js";
import { openDatabase, type Database } from "../../src/db/client.js";
import { configureLog } from "../../src/log.js";
import { FakeSlack } from "../../test/support/fake-slack.js";
import { SIGNING_SECRET, SlackRequests } from "../../test/support/slack-requests.js";
import { withDatabase } from "../../test/support/db.js";
import { benchServerUrl, scratchDatabase } from "./postgres.js";

export type Target = "PGlite" | "PostgreSQL";
export const ADMIN_CHANNEL = "C_ADMIN";
export const ADMIN = "UADMIN1";
export const ENROLLMENT_SECRET = "bench-enroll-secret";
export const ALERTS_TOKEN = "bench-alerts-token";
export const FORM_SECRET = "bench-form-secret";

configureLog({ level: "error" });

/** PGlite always; PostgreSQL when the server answers. BENCH_TARGET=PGlite|PostgreSQL picks one. */
export async function targets(): Promise<Target[]> {
  const only = process.env.BENCH_TARGET;
  if (only === "PGlite" || only === "PostgreSQL") return [only];
  const admin = new pg.Client({
    connectionString: withDatabase(benchServerUrl(), "postgres"),
    connectionTimeoutMillis: 2000,
  });
  try {
    await admin.connect();
    await admin.end();
    return ["PGlite", "PostgreSQL"];
  } catch {
    console.log("  (PostgreSQL not reachable at BENCH_DATABASE_URL: PGlite only)");
    return ["PGlite"];
  }
}

export interface BenchApp {
  app: RunningApp;
  url: string;
  db: Database;
  slack: FakeSlack;
  requests: SlackRequests;
  config: Config;
}

export async function withBenchApp<T>(
  target: Target,
  fn: (b: BenchApp) => Promise<T>,
  env: Record<string, string> = {},
): Promise<T> {
  const { db, drop } = await openBenchDatabase(target);
  const slack = await new FakeSlack().start();
  // The admin exists in Slack (users.info answers and is cached, as in a real workspace).
  slack.addUser({ id: "UADMIN1", email: "admin.bench@example.com", name: "Bench Admin", locale: "en-US" });
  const config = loadConfig({
    PORT: "0",
    PUBLIC_URL: "http://portal.bench",
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    SLACK_ADMIN_CHANNEL: ADMIN_CHANNEL,
    SLACK_ADMIN_USER_IDS: ADMIN,
    AGENT_ENROLLMENT_SECRET: ENROLLMENT_SECRET,
    ALERTS_API_TOKEN: ALERTS_TOKEN,
    GOOGLE_FORM_WEBHOOK_SECRET: FORM_SECRET,
    SECRET_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
    APP_LOCALE: "en",
    LOG_LEVEL: "error",
    ...env,
  });
  // The outbox pump runs as in production (every second); schedules stay off so cron does not
  // compete with the measurement.
  const app = await startApp({ config, db, port: 0, schedule: false, deliver: true });
  const requests = new SlackRequests(app.url, (id) => slack.responseUrl(id), SIGNING_SECRET);
  try {
    return await fn({ app, url: app.url, db, slack, requests, config });
  } finally {
    await app.stop();
    await slack.stop();
    await db.close();
    await drop();
  }
}

async function openBenchDatabase(target: Target): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (target === "PGlite") {
    const db = await openDatabase({ kind: "pglite", dir: "memory://" });
    await db.migrate();
    return { db, drop: async () => {} };
  }
  const { url, drop } = await scratchDatabase();
  const db = await openDatabase({ kind: "postgres", url });
  await db.migrate();
  return { db, drop };
}

/** Runs `total` calls of `fn`, at most `concurrency` at a time. */
export async function pool(concurrency: number, total: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await fn(next++);
    }),
  );
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const ms = (n: number) => Math.round(n * 10) / 10;

/** Polls until `check` is true (the bench's only way to wait for background work). */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 5));
  }
}
