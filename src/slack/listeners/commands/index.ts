// Slash commands: /lost (anyone) and /mdm (administrators), one file each.
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { lostCommand } from "./lost.js";
import { mdmCommand } from "./mdm.js";

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command("/lost", lostCommand(deps));
  app.command("/mdm", mdmCommand(deps));
}
