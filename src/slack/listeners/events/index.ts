// One file per event callback in this folder; register each here.
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../app.js";

export function registerEvents(app: App, deps: SlackDeps): void {
  void app;
  void deps;
}
