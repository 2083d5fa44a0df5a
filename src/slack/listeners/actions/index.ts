// One file per action callback in this folder; register each here.
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../app.js";

export function registerActions(app: App, deps: SlackDeps): void {
  void app;
  void deps;
}
