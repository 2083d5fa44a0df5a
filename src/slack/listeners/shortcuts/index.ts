// One file per shortcut callback in this folder; register each here.
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { REPORT_LOST_CALLBACK_ID, REPORT_LOST_MESSAGE_CALLBACK_ID, reportLostShortcut } from "./report-lost.js";

export function registerShortcuts(app: App, deps: SlackDeps): void {
  app.shortcut(REPORT_LOST_CALLBACK_ID, reportLostShortcut(deps));
  app.shortcut(REPORT_LOST_MESSAGE_CALLBACK_ID, reportLostShortcut(deps));
  void app;
  void deps;
}
