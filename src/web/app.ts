// The HTTP surface: portal pages, webhooks, device and alert APIs, and (mounted by app.ts)
// Slack's endpoint, all on one express app. Routes translate HTTP to core calls and nothing more.
import express, { type Express, type Router } from "express";
import type { WebDeps } from "./deps.js";
import { errorHandler, notFound } from "./errors.js";
import { routes } from "./routes/index.js";
import { refuseNulInUrl, securityHeaders } from "./security.js";

/** `first`: routers that parse their own raw body (Slack's, which must to verify the signature). */
export function createWebApp(deps: WebDeps, first: Router[] = []): Express {
  const app: Express = express();
  app.disable("x-powered-by");
  app.set("trust proxy", deps.config.TRUST_PROXY);
  app.use(securityHeaders);
  app.use(refuseNulInUrl);
  for (const r of first) app.use(r);
  for (const r of routes(deps)) app.use(r);
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
