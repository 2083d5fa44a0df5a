// Bolt over our express server: the receiver only handles transport (signature check with
// Slack's 5-minute window, ack on arrival), listeners call the core, errors are translated once here.
import { App, LogLevel } from "@slack/bolt";
import express, { type Router } from "express";
import { log } from "../log.js";
import { botAuthorization } from "./authorize.js";
import type { SlackDeps } from "./deps.js";
import { guardClient, guardedFetch } from "./edge.js";
import { registerListeners } from "./listeners/index.js";
import { idempotency } from "./middleware/idempotency.js";
import { PromptAckReceiver } from "./receiver.js";
import { createWebClient } from "./web-client.js";
import type { WorkQueue } from "./work-queue.js";

const boltLogger = {
  debug: () => {},
  info: () => {},
  warn: (...msg: unknown[]) => log.warn("bolt", { detail: msg.map(String).join(" ") }),
  error: (...msg: unknown[]) => log.error("bolt", { detail: msg.map(String).join(" ") }),
  setLevel: () => {},
  getLevel: () => LogLevel.WARN,
  setName: () => {},
};

export interface SlackMount {
  app: App;
  /** Listener work still running after its ack; shutdown waits for it. */
  work: WorkQueue;
}

/** Mounts POST /slack/events on `router`. Without credentials it answers 503 and says why. */
export function mountSlack(router: Router, deps: SlackDeps): SlackMount | null {
  const { config } = deps;
  if (!config.SLACK_BOT_TOKEN || !config.SLACK_SIGNING_SECRET) {
    router.post("/slack/events", (_req, res) => {
      res.status(503).json({ error: "slack_disabled", reason: "SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are not set" });
    });
    return null;
  }
  const receiver = new PromptAckReceiver(
    {
      signingSecret: config.SLACK_SIGNING_SECRET,
      router: express.Router(),
      endpoints: "/slack/events",
      logger: boltLogger,
      bodyLimit: "256kb",
    },
    undefined,
    deps.databaseReachable,
    { publicUrl: config.PUBLIC_URL },
  );
  const edge = { publicUrl: config.PUBLIC_URL };
  const authorize = botAuthorization(createWebClient(config), config.SLACK_BOT_TOKEN);
  // Asked now, in the background: the first click neither waits for it nor is lost to a failure
  // (a click is acked before Bolt authorizes it). A failure here is asked again on the next request.
  void authorize().catch((err: Error) =>
    log.warn("slack auth.test failed at start; asking again at the next request", { err: err.message }),
  );
  const app = new App({
    authorize,
    receiver,
    logger: boltLogger,
    // respond() posts through this fetch: its replies pass the Slack edge like every other call.
    clientOptions: { slackApiUrl: config.SLACK_API_URL, fetch: guardedFetch(edge) as never },
    // Bolt's per-conversation memory is unused here (state lives in the database, shared by
    // replicas); without it every request skips a lookup.
    convoStore: false,
  });
  // Listeners' own Web API calls (views, ephemeral replies, say) pass the edge too.
  app.use(async ({ client, next }) => {
    guardClient(client, edge);
    await next();
  });
  app.error(async (err) => {
    log.error("slack listener failed", { code: (err as { code?: string }).code, err: err.message });
  });
  // Before every listener: Slack retries and replayed deliveries are acked and not processed twice.
  app.use(idempotency({ receipts: deps.core.receipts, clock: deps.core.clock }));
  registerListeners(app, deps);
  router.use(receiver.router);
  return { app, work: receiver.work };
}
