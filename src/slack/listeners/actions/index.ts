// One file per action callback in this folder; register each here.
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import {
  CERT_APPLE_ID_CONFIRM,
  CERT_APPLE_ID_REQUEST,
  CERT_OVERRIDE_CONFIRM,
  CERT_OVERRIDE_REQUEST,
} from "../../blocks/push-certificate.js";
import { HANDOVER_CONFIRM, HANDOVER_NOT_APPLICABLE } from "../../blocks/handover.js";
import { RENEWAL_GMAIL_SIGNED_IN, RENEWAL_MARK_DONE } from "../../blocks/renewals.js";
import { certOverrideConfirm } from "./cert-override-confirm.js";
import { certAppleIdChangeConfirm, certAppleIdChangeRequest } from "./cert-apple-id-change.js";
import { certOverrideRequest } from "./cert-override-request.js";
import { handoverConfirm } from "./handover-confirm.js";
import { handoverNotApplicable } from "./handover-not-applicable.js";
import { renewalGmailSignedIn } from "./renewal-gmail-signed-in.js";
import { renewalMarkDone } from "./renewal-mark-done.js";
import { reportPickDevice } from "./report-pick-device.js";
import { deviceShow } from "./device-show.js";
import { APPLE_ACTIONS } from "../../blocks/apple.js";
import { wipeOptions } from "./wipe-options.js";
import { deviceFindMyPin } from "./device-find-my-pin.js";
import { activationLockClear } from "./activation-lock-clear.js";
import { homeLanguage } from "./home-language.js";
import { ackOnly, homeRefresh } from "./home-refresh.js";
import { homeReportLost } from "./home-report-lost.js";
import { deviceLocate } from "./device-locate.js";
import { deviceLock } from "./device-lock.js";
import { deviceWipe } from "./device-wipe.js";
import { lostModeDisable } from "./lost-mode-disable.js";
import { lostModeEnable } from "./lost-mode-enable.js";
import { lostModeSound } from "./lost-mode-sound.js";
import { reportDismiss } from "./report-dismiss.js";
import { reportFound } from "./report-found.js";
import { reportCloseWiped } from "./report-close-wiped.js";
import { reporterFoundClicked } from "./reporter-found.js";
import { REPORTER_FOUND_ACTION } from "../../blocks/reporter.js";
import { wipeApprove } from "./wipe-approve.js";
import { wipeCancel } from "./wipe-cancel.js";
import { ALERT_OPEN_DEVICE, ALERT_RESOLVE } from "../../blocks/alerts.js";
import { alertOpenDevice } from "./alert-open-device.js";
import { alertResolve } from "./alert-resolve.js";
import { POLICY_ACTIONS } from "../../blocks/brake.js";
import { policyChangeApprove } from "./policy-change-approve.js";
import { enrollmentClaimDecide } from "./enrollment-claim-decide.js";
import { ENROLLMENT_CLAIM_ACTIONS } from "../../blocks/enrollment-claim.js";
import { policyChangeWithdraw } from "./policy-change-withdraw.js";
import { CASE_RECORD_ACTION, caseRecordButton } from "./case-record.js";
import { CHECKLIST_ACTIONS } from "../../blocks/checklist.js";
import { checklistOpen } from "./checklist-open.js";
import { deviceFullReset } from "./device-full-reset.js";
import { commandApprove, commandCancel } from "./command-approve.js";
import { ownerConsent } from "./owner-consent.js";
import { CONSENT_ACTIONS } from "../../blocks/personal.js";
import { ALERT_ROUTING_OPEN } from "../../blocks/alert-routing.js";
import { alertRoutingOpen } from "./alert-routing-open.js";

export function registerActions(app: App, deps: SlackDeps): void {
  app.action(RENEWAL_GMAIL_SIGNED_IN, renewalGmailSignedIn(deps));
  app.action(RENEWAL_MARK_DONE, renewalMarkDone(deps));
  app.action(CERT_OVERRIDE_REQUEST, certOverrideRequest(deps));
  app.action(CERT_OVERRIDE_CONFIRM, certOverrideConfirm(deps));
  app.action(CERT_APPLE_ID_REQUEST, certAppleIdChangeRequest(deps));
  app.action(CERT_APPLE_ID_CONFIRM, certAppleIdChangeConfirm(deps));
  app.action(HANDOVER_CONFIRM, handoverConfirm(deps));
  app.action(HANDOVER_NOT_APPLICABLE, handoverNotApplicable(deps));
  app.action("report_pick_device", reportPickDevice(deps));
  app.action(/^device_show(:.+)?$/, deviceShow(deps));
  app.action(/^home_set_language_(ja|en)$/, homeLanguage(deps));
  app.action("home_refresh", homeRefresh(deps));
  app.action("home_open_portal", ackOnly);
  app.action("home_report_lost", homeReportLost(deps));
  // The incident message (action ids fixed by the External contract) and the command lifecycle's own buttons.
  app.action("lost_mode_enable", lostModeEnable(deps));
  app.action("device_wipe", deviceWipe(deps));
  app.action("device_lock", deviceLock(deps));
  app.action("report_found", reportFound(deps));
  app.action("report_dismiss", reportDismiss(deps));
  app.action("report_close_wiped", reportCloseWiped(deps));
  app.action(REPORTER_FOUND_ACTION, reporterFoundClicked(deps));
  app.action("wipe_approve", wipeApprove(deps));
  app.action(APPLE_ACTIONS.wipeOptions, wipeOptions(deps));
  app.action(APPLE_ACTIONS.findMyPin, deviceFindMyPin(deps));
  app.action(APPLE_ACTIONS.clearActivationLock, activationLockClear(deps));
  app.action("wipe_cancel", wipeCancel(deps));
  app.action("device_locate", deviceLocate(deps));
  app.action("lost_mode_sound", lostModeSound(deps));
  app.action("lost_mode_disable", lostModeDisable(deps));
  app.action(ALERT_RESOLVE, alertResolve(deps));
  app.action(ALERT_OPEN_DEVICE, alertOpenDevice(deps));
  app.action(ALERT_ROUTING_OPEN, alertRoutingOpen(deps));
  app.action(POLICY_ACTIONS.approve, policyChangeApprove(deps));
  app.action(POLICY_ACTIONS.withdraw, policyChangeWithdraw(deps));
  app.action(CASE_RECORD_ACTION, caseRecordButton(deps));
  app.action(CHECKLIST_ACTIONS.open, checklistOpen(deps));
  app.action(ENROLLMENT_CLAIM_ACTIONS.approve, enrollmentClaimDecide(deps, true));
  app.action(ENROLLMENT_CLAIM_ACTIONS.reject, enrollmentClaimDecide(deps, false));
  app.action("device_full_reset", deviceFullReset(deps));
  app.action("command_approve", commandApprove(deps));
  app.action("command_cancel", commandCancel(deps));
  app.action(CONSENT_ACTIONS.give, ownerConsent(deps, true));
  app.action(CONSENT_ACTIONS.decline, ownerConsent(deps, false));
  void app;
  void deps;
}
