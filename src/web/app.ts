// The HTTP surface: portal pages, webhooks, device and alert APIs, and Slack's endpoint,
// all on one express app. Routes translate HTTP to core calls and nothing more.
import express, { type Express } from "express";
import type { Config } from "../config.js";
import type { Core } from "../core/index.js";
import type { Database } from "../db/client.js";
import { mountSlack } from "../slack/app.js";
import { errorHandler, notFound } from "./errors.js";
import { routes } from "./routes/index.js";
import { refuseNulInUrl, securityHeaders } from "./security.js";

export interface WebDeps {
  config: Config;
  core: Core;
  db: Database;
}

export function createWebApp(deps: WebDeps) {
  const app: Express = express();
  app.disable("x-powered-by");
  app.set("trust proxy", deps.config.TRUST_PROXY);
  app.use(securityHeaders);
  app.use(refuseNulInUrl);
  // Slack parses its own raw body (it must, to verify the signature): mount it before any parser.
  const slackRouter = express.Router();
  const slack = mountSlack(slackRouter, deps);
  app.use(slackRouter);
  for (const r of routes(deps)) app.use(r);
  app.use(notFound);
  app.use(errorHandler);
  return { app, slack };
}
