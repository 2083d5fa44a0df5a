// One file per action callback in this folder; register each here.
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../app.js";
import { deviceShow } from "./device-show.js";
import { homeLanguage } from "./home-language.js";
import { ackOnly, homeRefresh } from "./home-refresh.js";
import { homeReportLost } from "./home-report-lost.js";
import { ALERT_OPEN_DEVICE, ALERT_RESOLVE } from "../../blocks/alerts.js";
import { alertOpenDevice } from "./alert-open-device.js";
import { alertResolve } from "./alert-resolve.js";

export function registerActions(app: App, deps: SlackDeps): void {
  app.action(/^device_show(:.+)?$/, deviceShow(deps));
  app.action(/^home_set_language_(ja|en)$/, homeLanguage(deps));
  app.action("home_refresh", homeRefresh(deps));
  app.action("home_open_portal", ackOnly);
  app.action("home_report_lost", homeReportLost(deps));
  app.action(ALERT_RESOLVE, alertResolve(deps));
  app.action(ALERT_OPEN_DEVICE, alertOpenDevice(deps));
  void app;
  void deps;
}
