// Every HTTP route module, in the order they are mounted. Each module brings its own body
// parser with its own size limit (webhooks need the raw body to check signatures), so nothing
// here parses bodies globally.
import type { Router } from "express";
import type { WebDeps } from "../deps.js";
import { agentRoutes } from "./agent.js";
import { alertRoutes } from "./alerts.js";
import { googleFormRoutes } from "./google-form.js";
import { healthRoutes } from "./health.js";
import { landingRoutes } from "./landing.js";
import { reportRoutes } from "./report.js";
import { androidPubSubRoutes } from "./android-pubsub.js";
import { nanoMdmWebhookRoutes } from "./nanomdm-webhook.js";

export function routes(deps: WebDeps): Router[] {
  return [
    landingRoutes(deps),
    healthRoutes(deps),
    alertRoutes(deps),
    agentRoutes(deps),
    nanoMdmWebhookRoutes(deps),
    androidPubSubRoutes(deps),
    reportRoutes(deps),
    googleFormRoutes(deps),
  ];
}
