// The Slack Web API client, pointed at SLACK_API_URL when set (a local fake in tests).
import { LogLevel } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import type { Config } from "../config.js";
import { guardClient } from "./edge.js";

export function createWebClient(config: Config): WebClient {
  const client = new WebClient(config.SLACK_BOT_TOKEN, {
    slackApiUrl: config.SLACK_API_URL,
    // The outbox does its own retrying (and honours Retry-After), so the client must not sleep.
    retryConfig: { retries: 0 },
    // A call Slack never answers must not hold the outbox worker (and a shutdown) forever:
    // it fails, is retried with backoff, and its lease is never outlived.
    timeout: 20_000,
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
  });
  // Every call passes the one guard at the Slack edge (src/slack/edge.ts).
  return guardClient(client, { publicUrl: config.PUBLIC_URL });
}
