// Registers every Slack listener on the Bolt app, one surface per folder
// (the shape of slack-samples/bolt-ts-starter-template).
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../app.js";

export function registerListeners(app: App, deps: SlackDeps): void {
  void app;
  void deps;
}
