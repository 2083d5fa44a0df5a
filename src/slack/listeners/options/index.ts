// Select menus whose options come from us (external_select), answered within Slack's 3 seconds.
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { reportPickDeviceOptions } from "./report-pick-device.js";

export function registerOptions(app: App, deps: SlackDeps): void {
  app.options("report_pick_device", reportPickDeviceOptions(deps));
}
