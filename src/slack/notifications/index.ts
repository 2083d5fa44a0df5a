// One file per domain event that Slack shows; register each handler here.
import type { DomainEvent } from "../../core/events.js";
import type { NotificationHandlers } from "./handler.js";
import { reportChanged } from "./report-changed.js";
import { reportCreated } from "./report-created.js";
import { reportEdited } from "./report-edited.js";
import { deviceChangedOnDevice, deviceLocated } from "./device-side.js";
import { commandChanged } from "./command-changed.js";
import { commandRechecked } from "./command-rechecked.js";
import { alertImmediate } from "./alert-immediate.js";
import { alertResolved } from "./alert-resolved.js";
import { digestReady } from "./digest-ready.js";
import { renewalOverrideRequested } from "./renewal-override-requested.js";
import { certAppleIdChangeRequested } from "./cert-apple-id-change.js";
import { renewalReminder } from "./renewal-reminder.js";
import { renewalRenewed } from "./renewal-renewed.js";
import { commandApproval } from "./command-approval.js";
import { securityNotice } from "./security-notice.js";
import { policyChanged } from "./policy-changed.js";
import { incidentEscalated } from "./incident-escalated.js";
import { incidentWipeQuestion } from "./incident-wipe-question.js";
import { caseExport } from "./case-export.js";
import { checklistChanged, checklistPost } from "./checklist-changed.js";
import { checklistReminder } from "./checklist-reminder.js";
import { peopleUnlinked } from "./people-unlinked.js";
import { deviceReenrollClaimed, deviceReenrollDecided } from "./device-reenroll-claimed.js";
import { consentDecided, consentRequested, ownerToldWhatWasRemoved } from "./owner-consent.js";
import { reporterFoundNotice } from "./reporter-found.js";

export const notifications: NotificationHandlers = {
  "report.created": reportCreated,
  "report.changed": reportChanged,
  "report.edited": reportEdited,
  "device.located": deviceLocated,
  "device.changed_on_device": deviceChangedOnDevice,
  "command.changed": commandChanged,
  "command.rechecked": commandRechecked,
  "alerts.immediate": alertImmediate,
  "alert.resolved": alertResolved,
  "digest.ready": digestReady,
  "renewal.reminder": renewalReminder,
  "renewal.renewed": renewalRenewed,
  "pushcert.override_requested": renewalOverrideRequested,
  "pushcert.apple_id_change_requested": certAppleIdChangeRequested,
  "command.approval": commandApproval,
  "security.notice": securityNotice,
  "policy.changed": policyChanged,
  "incident.escalated": incidentEscalated,
  "incident.wipe_question": incidentWipeQuestion,
  "case.export": caseExport,
  "checklist.changed": checklistChanged,
  "checklist.reminder": checklistReminder,
  "people.unlinked": peopleUnlinked,
  "device.reenroll_claimed": deviceReenrollClaimed,
  "device.reenroll_decided": deviceReenrollDecided,
  "consent.requested": consentRequested,
  "consent.decided": consentDecided,
  "report.reporter_found": reporterFoundNotice,
};

// Incident response: the owner of a personal device hears what a finished wipe removed.
{
  const changed = notifications["command.changed"]!;
  notifications["command.changed"] = async (tx, e, ctx) => [
    ...(await changed(tx, e, ctx)),
    ...(await ownerToldWhatWasRemoved(tx, e, ctx)),
  ];
}

// Incident response: the theft/loss checklist goes into each new incident's thread, after the incident.
{
  const created = notifications["report.created"]!;
  notifications["report.created"] = async (tx, e, ctx) => [
    ...(await created(tx, e, ctx)),
    ...(await checklistPost(tx, e.reportId, ctx)),
  ];
}

// Administrators' Home tabs follow incidents and approvals as they change: these events also
// ask for one (debounced, coalesced) refresh of every watching administrator's Home.
const HOME_EVENTS = new Set<DomainEvent["type"]>([
  "report.created",
  "report.changed",
  "report.edited",
  "device.changed_on_device",
  "command.changed",
  "command.approval",
]);

export const refreshesHomes = (type: DomainEvent["type"]): boolean => HOME_EVENTS.has(type);
