// One file per view callback in this folder; register each here.
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../app.js";
import { POLICY_IMPORT_CALLBACK } from "../../blocks/policy.js";
import { policyImportSubmitted } from "./policy-import.js";

export function registerViews(app: App, deps: SlackDeps): void {
  app.view(POLICY_IMPORT_CALLBACK, policyImportSubmitted(deps));
  void app;
  void deps;
}
