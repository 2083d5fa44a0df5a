// The HTTP surface: portal pages, webhooks, device and alert APIs, and (mounted by app.ts)
// Slack's endpoint, all on one express app. Routes translate HTTP to core calls and nothing more.
import express, { type Express, type Router } from "express";
import { checkInFastPath, type FrontedListener } from "./check-in-fast-path.js";
import type { WebDeps } from "./deps.js";
import { errorHandler, notFound } from "./errors.js";
import { routes } from "./routes/index.js";
import { refuseNulInUrl, securityHeaders } from "./security.js";

/**
 * `first`: routers that parse their own raw body (Slack's, which must to verify the signature).
 * The agent check-in's plain requests are answered ahead of express (check-in-fast-path.ts).
 */
export function createWebApp(deps: WebDeps, first: Router[] = []): FrontedListener {
  const app: Express = express();
  app.disable("x-powered-by");
  app.set("trust proxy", deps.config.TRUST_PROXY);
  app.use(securityHeaders);
  app.use(refuseNulInUrl);
  for (const r of first) app.use(r);
  for (const r of routes(deps)) app.use(r);
  app.use(notFound);
  app.use(errorHandler);
  return checkInFastPath(deps.core, app);
}
