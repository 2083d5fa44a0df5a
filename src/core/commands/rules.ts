// The command rules from the vendor's guide to commands for a lost device 「デバイスの紛失時の対応」, as pure functions: when a command expires, which states are
// live, and how a command's progress shows on the loss report.
import { DAY } from "../clock.js";
import type { CommandState, CommandType, ReportStatus } from "../../generated/prisma/client.js";

/** Ordinary MDM commands lapse 7 days after they were queued if the device never ran them. */
export const ORDINARY_EXPIRY_MS = 7 * DAY;

/** States in which a command still holds its device's "one live command per type" slot. */
export const LIVE_STATES: readonly CommandState[] = ["AWAITING_APPROVAL", "QUEUED", "SENT"];

export const isLive = (s: CommandState | string) => (LIVE_STATES as readonly string[]).includes(s);

/** The unique key that makes a double click, two admins or two replicas create one command. */
export const activeKeyOf = (deviceId: string, type: CommandType) => `${deviceId}:${type}`;

export interface ExpiryContext {
  deviceInLostMode: boolean;
  /** An EnableLostMode for this device is awaiting approval, queued or sent. */
  lostModePending: boolean;
}

/**
 * null = never expires. Lost mode never expires, so an offline device still gets it whenever it
 * comes back; a wipe issued after lost mode inherits that (the vendor's guide to commands for a lost device 「デバイスの紛失時の対応」). Everything else: 7 days.
 */
export function expiresAtFor(type: CommandType, from: Date, ctx: ExpiryContext): Date | null {
  if (type === "ENABLE_LOST_MODE") return null;
  if (type === "ERASE_DEVICE" && (ctx.deviceInLostMode || ctx.lostModePending)) return null;
  return new Date(from.getTime() + ORDINARY_EXPIRY_MS);
}

/** Questions the device answers about itself: background work, never shown as an incident step. */
export const QUERY_TYPES: readonly CommandType[] = [
  "DEVICE_INFORMATION",
  "SECURITY_INFO",
  "ACTIVATION_LOCK_BYPASS_CODE",
  "INSTALLED_APPLICATION_LIST",
];
export const isQuery = (type: string) => (QUERY_TYPES as readonly string[]).includes(type);

/** Wipe is the one irreversible command: a second administrator must approve it. */
export const needsSecondApproval = (type: CommandType) => type === "ERASE_DEVICE";

/** The report status a command moves the report to when it is queued / acknowledged. */
export function reportStatusOnQueue(type: CommandType): ReportStatus | null {
  if (type === "ENABLE_LOST_MODE") return "LOST_MODE_REQUESTED";
  if (type === "ERASE_DEVICE") return "WIPE_REQUESTED";
  return null;
}

export function reportStatusOnAck(type: CommandType, located: boolean): ReportStatus | null {
  if (type === "ENABLE_LOST_MODE") return "LOST_MODE_ENABLED";
  if (type === "ERASE_DEVICE") return "WIPED";
  if (type === "DEVICE_LOCATION" && located) return "LOCATED";
  return null;
}

// Reports only move forward through the response; found/dismissed/closed are decided by people.
const PROGRESS: Partial<Record<ReportStatus, number>> = {
  RECEIVED: 0,
  ADMINS_NOTIFIED: 1,
  LOST_MODE_REQUESTED: 2,
  LOST_MODE_ENABLED: 3,
  LOCATED: 4,
  WIPE_REQUESTED: 5,
  WIPED: 6,
};

export function isProgress(from: ReportStatus, to: ReportStatus): boolean {
  const a = PROGRESS[from];
  const b = PROGRESS[to];
  return a !== undefined && b !== undefined && b > a;
}

/** "no passcode set": a lock that protects nothing (iOS cannot set the passcode remotely). */
export function saysNoPasscode(result: { result?: Record<string, unknown>; error?: string }): boolean {
  if (result.result?.passcodePresent === false || result.result?.PasscodePresent === false) return true;
  return /no passcode|passcode (is )?not set|without a passcode/i.test(result.error ?? "");
}

/** A location answer, in the agent's or Apple's key names. */
export function locationOf(value: unknown): { latitude: number; longitude: number } | null {
  if (!value || typeof value !== "object") return null;
  const result = value as Record<string, unknown>;
  const lat = Number(result.latitude ?? result.Latitude);
  const lon = Number(result.longitude ?? result.Longitude);
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  if (result.latitude === undefined && result.Latitude === undefined) return null;
  return { latitude: lat, longitude: lon };
}
