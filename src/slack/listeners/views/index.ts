// One file per view callback in this folder; register each here.
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../app.js";

export function registerViews(app: App, deps: SlackDeps): void {
  void app;
  void deps;
}
