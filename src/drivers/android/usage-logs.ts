// USAGE_LOGS notifications (BatchUsageLogEvents) → what the core records. Google sends a lost
// device's location this way, not as a command result: LOST_MODE_LOCATION events carry
// lostModeLocationEvent.location (latitude, longitude; no accuracy) and batteryLevel; the other
// lost-mode events say someone tried to leave lost mode on the device (stopLostModeUserAttemptEvent,
// ATTEMPT_SUCCEEDED / ATTEMPT_FAILED) or made a call from its lock screen.
import type { androidmanagement_v1 } from "googleapis/build/src/apis/androidmanagement/index.js";
import type { DeviceSideChange, ReportedLocation } from "../../core/ports/index.js";

export type UsageLogItem =
  | { kind: "location"; location: ReportedLocation }
  | { kind: "change"; change: DeviceSideChange };

export interface UsageLogBatch {
  device: string | null;
  items: UsageLogItem[];
}

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

export function usageLogBatch(b: androidmanagement_v1.Schema$BatchUsageLogEvents): UsageLogBatch {
  const items: UsageLogItem[] = [];
  // An event without its own time happened no later than the batch was collected.
  const fallbackTime =
    b.retrievalTime && !Number.isNaN(Date.parse(b.retrievalTime)) ? new Date(b.retrievalTime) : new Date();
  for (const e of b.usageLogEvents ?? []) {
    const at = e.eventTime && !Number.isNaN(Date.parse(e.eventTime)) ? new Date(e.eventTime) : fallbackTime;
    if (e.eventType === "LOST_MODE_LOCATION" || e.lostModeLocationEvent) {
      const l = e.lostModeLocationEvent?.location;
      const lat = l?.latitude;
      const lon = l?.longitude;
      if (!finite(lat) || !finite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) continue;
      const battery = e.lostModeLocationEvent?.batteryLevel;
      items.push({
        kind: "location",
        location: {
          latitude: lat,
          longitude: lon,
          accuracyM: null,
          at,
          batteryPercent: finite(battery) ? battery : null,
        },
      });
    } else if (e.eventType === "STOP_LOST_MODE_USER_ATTEMPT" || e.stopLostModeUserAttemptEvent) {
      const ok = e.stopLostModeUserAttemptEvent?.status === "ATTEMPT_SUCCEEDED";
      items.push({ kind: "change", change: ok ? "lost_mode_exited" : "lost_mode_exit_failed" });
    } else if (e.eventType === "LOST_MODE_OUTGOING_PHONE_CALL" || e.lostModeOutgoingPhoneCallEvent) {
      items.push({ kind: "change", change: "outgoing_call" });
    }
  }
  return { device: b.device ?? null, items };
}
