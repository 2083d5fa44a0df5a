// What a management service reports that a device did by itself (its location while lost, a
// change made on the device). Drivers translate their service's messages into these.
export interface ReportedLocation {
  latitude: number;
  longitude: number;
  /** Metres; null when the service does not say (Android's LostModeLocationEvent has none). */
  accuracyM: number | null;
  /** When the device took it (the event's own time). */
  at: Date;
  batteryPercent: number | null;
}

export type DeviceSideChange =
  | "lost_mode_exited"
  | "lost_mode_exit_failed"
  | "outgoing_call"
  /** The service stopped managing it without our wipe: deleted in its console, or deleted on the device. */
  | "left_management"
  /** Enrolled again under a new id while still managed here: it was reset on the device itself. */
  | "reset_on_device";
