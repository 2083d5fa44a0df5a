// Bolt over our express server: the receiver only handles transport (signature check with
// Slack's 5-minute window, ack), listeners call the core, errors are translated once here.
import { App, ExpressReceiver, LogLevel } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import express, { type Router } from "express";
import type { Config } from "../config.js";
import type { Core } from "../core/index.js";
import { log } from "../log.js";
import { registerListeners } from "./listeners/index.js";
import { idempotency } from "./middleware/idempotency.js";

export interface SlackDeps {
  core: Core;
  config: Config;
}

/** A Web API client pointed at SLACK_API_URL when set (a local fake in tests). */
export function createWebClient(config: Config): WebClient {
  return new WebClient(config.SLACK_BOT_TOKEN, {
    slackApiUrl: config.SLACK_API_URL,
    // The outbox does its own retrying (and honours Retry-After), so the client must not sleep.
    retryConfig: { retries: 0 },
    // A call Slack never answers must not hold the outbox worker (and a shutdown) forever:
    // it fails, is retried with backoff, and its lease is never outlived.
    timeout: 20_000,
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
  });
}

const boltLogger = {
  debug: () => {},
  info: () => {},
  warn: (...msg: unknown[]) => log.warn("bolt", { detail: msg.map(String).join(" ") }),
  error: (...msg: unknown[]) => log.error("bolt", { detail: msg.map(String).join(" ") }),
  setLevel: () => {},
  getLevel: () => LogLevel.WARN,
  setName: () => {},
};

/** Mounts POST /slack/events on `router`. Without credentials it answers 503 and says why. */
export function mountSlack(router: Router, deps: SlackDeps): App | null {
  const { config } = deps;
  if (!config.SLACK_BOT_TOKEN || !config.SLACK_SIGNING_SECRET) {
    router.post("/slack/events", (_req, res) => {
      res.status(503).json({ error: "slack_disabled", reason: "SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are not set" });
    });
    return null;
  }
  const receiver = new ExpressReceiver({
    signingSecret: config.SLACK_SIGNING_SECRET,
    router: express.Router(),
    endpoints: "/slack/events",
    logger: boltLogger,
    bodyLimit: "256kb",
  });
  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    receiver,
    logger: boltLogger,
    clientOptions: { slackApiUrl: config.SLACK_API_URL },
    // Checking the token at start would make a Slack outage stop the whole app.
    tokenVerificationEnabled: false,
  });
  app.error(async (err) => {
    log.error("slack listener failed", { code: (err as { code?: string }).code, err: err.message });
  });
  // Before every listener: Slack retries and replayed deliveries are acked and not processed twice.
  app.use(idempotency({ db: deps.core.deps.db, clock: deps.core.deps.clock }));
  registerListeners(app, deps);
  router.use(receiver.router);
  return app;
}
