// What the core announces when something happens. The core knows nothing of Slack: an adapter
// implements EventSink (src/slack/notifier.ts) and records each event inside the same
// transaction, so an event is never lost and never outlives a rolled-back change; it is turned
// into Slack messages after commit, from the committed state.
import type { Tx } from "./audit.js";
import type { Digest } from "./digest/build.js";
import type { FieldChange } from "./reports/edits.js";
import type { DeviceSideChange } from "./ports/device-side.js";

export type RenewalHow = "renewed" | "replaced" | "installed" | "signed_in" | "marked";

/**
 * What re-checking a command with no answer found: the device was asked (DeviceInformation), the
 * MDM service still holds it or queued it again, the service could not be reached, or the
 * device's answer said lost mode is on / off, or that it has not been wiped yet.
 */
export type RecheckLearned =
  | "asked_device"
  | "still_queued"
  | "queued_again"
  | "unreachable"
  | "lost_mode_on"
  | "lost_mode_off"
  | "not_wiped_yet";

export type DomainEvent =
  /** statusToken: so the reporter's DM can carry their status link (the database keeps only its hash). */
  | { type: "report.created"; reportId: string; statusToken?: string }
  | { type: "report.changed"; reportId: string; note?: string }
  /** The reporter says they found the device (their DM's button, their status page). */
  | { type: "report.reporter_found"; reportId: string }
  /** A device sent its location by itself (Android lost mode); reportIds: its open loss reports. */
  | {
      type: "device.located";
      deviceId: string;
      reportIds: string[];
      location: {
        latitude: number;
        longitude: number;
        accuracyM: number | null;
        at: string;
        batteryPercent: number | null;
      };
    }
  /** Something was done on the device itself (lost mode left with the device password…). */
  | { type: "device.changed_on_device"; deviceId: string; reportIds: string[]; change: DeviceSideChange }
  /** The reporter edited their form response: the report took the new answers. */
  | { type: "report.edited"; reportId: string; changes: FieldChange[] }
  | { type: "command.changed"; commandId: string; from: string | null; to: string; note?: string }
  | { type: "command.rechecked"; commandId: string; learned: RecheckLearned }
  | { type: "renewal.reminder"; renewalId: string; key: string }
  /**
   * how: what moved the deadline — "renewed" (same push topic, a token file, a recorded date),
   * "replaced" (a push certificate for another topic: every device re-enrolls), "installed" (the
   * first certificate), "signed_in" (the Android Enterprise Gmail), "marked" (by hand, with the
   * new date). previous: the deadline before, ISO.
   */
  | { type: "renewal.renewed"; renewalId: string; actor: string; how?: RenewalHow; previous?: string | null }
  | { type: "pushcert.override_requested"; requestId: string; actor: string; currentTopic: string; newTopic: string }
  /** A push-certificate request with another Apple ID than the certificate's waits for a second admin. */
  | { type: "pushcert.apple_id_change_requested"; changeId: string; actor: string; recorded: string; next: string }
  /** Immediate alerts claimed together: one notification for the batch (a flood is one post). */
  | { type: "alerts.immediate"; alertIds: string[] }
  | { type: "alert.resolved"; alertId: string }
  /** key: "digest:<yyyy-mm-dd>" for the scheduled digest, "digest:manual:<ms>" for /mdm digest. */
  | { type: "digest.ready"; key: string; digest: Digest }
  /** A slice of the owners' or department admins' own summaries (a big fleet has thousands). */
  /** Incident response: an approval recorded on a command that needs more (a break-glass wipe's first of two). */
  | { type: "command.approval"; commandId: string; actor: string; given: number; required: number }
  /** Incident response: for the security channel — a wipe past the rolling-hour limit, a request naming several devices. */
  | { type: "security.notice"; kind: "wipe_past_limit"; commandId: string; actor: string; limit: number }
  | {
      type: "security.notice";
      kind: "bulk_request";
      batchId: string;
      actor: string;
      commandType: string;
      deviceIds: string[];
      source: string;
    }
  /** Incident response: nobody acted on a new incident in time — mention the on-call group. */
  | { type: "incident.escalated"; reportId: string; minutes: number; businessHours: boolean; userGroup: string | null }
  /** Incident response: lost mode on for the configured hours and the device not found — ask whether to wipe. */
  | { type: "incident.wipe_question"; reportId: string; deviceIds: string[]; hours: number }
  /** Incident response: an administrator asked for the case record (PDF and CSV) to be delivered here. */
  | {
      type: "case.export";
      reportId: string;
      reference: string;
      actor: string;
      channel: string;
      threadTs: string | null;
      files: { filename: string; title: string; base64: string }[];
    }
  /** Incident response: checklist answers recorded on an incident. */
  | { type: "checklist.changed"; reportId: string; actor: string; keys: string[] }
  /** Incident response: a Commission deadline is near (速報 / 確報) and the report is not marked filed. */
  | { type: "checklist.reminder"; reportId: string; kind: "preliminary" | "final"; dueAt: Date; daysBefore: number }
  /** Incident response: a response-policy change proposed, applied or withdrawn. */
  | { type: "policy.changed"; changeId: string }
  /** A known device enrolled again without proving it is that device: an admin decides in Slack. */
  | { type: "device.reenroll_claimed"; claimId: string }
  /** An administrator approved or refused that claim: its question no longer has buttons. */
  | { type: "device.reenroll_decided"; claimId: string }
  /** Incident response: the owner of a personal device is asked whether it may be erased completely. */
  | { type: "consent.requested"; consentId: string }
  /** Incident response: the owner answered (gave or declined consent to a full reset). */
  | { type: "consent.decided"; consentId: string }
  /** People the directory gained (import, enrolment) without a Slack id: Slack is asked who they are. */
  | { type: "people.unlinked"; emails: string[] };

export interface EventSink {
  publish(tx: Tx, event: DomainEvent): Promise<void>;
}

/** For processes without Slack (CLI scripts): events are dropped, state is still written. */
export const noEvents: EventSink = { publish: async () => {} };
