// One file per event callback in this folder; register each here.
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { appHomeOpened } from "./app-home-opened.js";

export function registerEvents(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", appHomeOpened(deps));
  void app;
  void deps;
}
