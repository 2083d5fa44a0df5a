// One file per action callback in this folder; register each here.
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../app.js";
import { ALERT_OPEN_DEVICE, ALERT_RESOLVE } from "../../blocks/alerts.js";
import { alertOpenDevice } from "./alert-open-device.js";
import { alertResolve } from "./alert-resolve.js";

export function registerActions(app: App, deps: SlackDeps): void {
  app.action(ALERT_RESOLVE, alertResolve(deps));
  app.action(ALERT_OPEN_DEVICE, alertOpenDevice(deps));
  void app;
  void deps;
}
