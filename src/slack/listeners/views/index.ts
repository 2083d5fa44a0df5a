// One file per view callback in this folder; register each here.
import { CHECKLIST_VIEW } from "../../blocks/checklist.js";
import { checklistSubmitted } from "./checklist-submit.js";
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { CERT_UPLOAD_VIEW } from "../../blocks/push-certificate.js";
import { CUSTODY_VIEW } from "../../blocks/custody.js";
import { RENEWAL_MARK_VIEW, TOKEN_UPLOAD_VIEW } from "../../blocks/renewals.js";
import { renewalMarkRenewedSubmitted } from "./renewal-mark-renewed.js";
import { certUploadSubmitted } from "./cert-upload.js";
import { custodyRecordSubmitted } from "./custody-record.js";
import { renewalTokenUploadSubmitted } from "./renewal-token-upload.js";
import { LOST_REPORT_CALLBACK } from "../../blocks/lost-report-modal.js";
import { lostReportSubmitted } from "./lost-report.js";
import { inventoryImportSubmitted } from "./inventory-import.js";
import { IMPORT_CALLBACK_ID } from "../../blocks/inventory-import.js";
import { COMMAND_VIEWS } from "../../blocks/command-modals.js";
import { deviceLockSubmitted } from "./device-lock-submit.js";
import { APPLE_VIEWS } from "../../blocks/apple.js";
import { wipeOptionsSubmitted } from "./wipe-options-submit.js";
import { lostModeSubmitted } from "./lost-mode-submit.js";
import { reportFoundSubmitted } from "./report-found-submit.js";
import { POLICY_IMPORT_CALLBACK } from "../../blocks/policy.js";
import { BULK_UPLOAD_VIEW } from "../../mdm/bulk.js";
import { bulkUploadSubmitted } from "./bulk-upload.js";
import { policyImportSubmitted } from "./policy-import.js";
import { ALERT_ROUTING_VIEW } from "../../blocks/alert-routing.js";
import { alertRoutingSubmitted } from "./alert-routing.js";

export function registerViews(app: App, deps: SlackDeps): void {
  app.view(CERT_UPLOAD_VIEW, certUploadSubmitted(deps));
  app.view(ALERT_ROUTING_VIEW, alertRoutingSubmitted(deps));
  app.view(TOKEN_UPLOAD_VIEW, renewalTokenUploadSubmitted(deps));
  app.view(CUSTODY_VIEW, custodyRecordSubmitted(deps));
  app.view(RENEWAL_MARK_VIEW, renewalMarkRenewedSubmitted(deps));
  app.view(LOST_REPORT_CALLBACK, lostReportSubmitted(deps));
  app.view(IMPORT_CALLBACK_ID, inventoryImportSubmitted(deps));
  app.view(COMMAND_VIEWS.lostMode, lostModeSubmitted(deps));
  app.view(COMMAND_VIEWS.lock, deviceLockSubmitted(deps));
  app.view(APPLE_VIEWS.wipeOptions, wipeOptionsSubmitted(deps));
  app.view(CHECKLIST_VIEW, checklistSubmitted(deps));
  app.view(COMMAND_VIEWS.found, reportFoundSubmitted(deps));
  app.view(POLICY_IMPORT_CALLBACK, policyImportSubmitted(deps));
  app.view(BULK_UPLOAD_VIEW, bulkUploadSubmitted(deps));
  void app;
  void deps;
}
