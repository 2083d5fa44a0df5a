// What each loss-response action can do for one device, from the seed's rules (seed 002):
// lost mode needs a supervised device on iOS/iPadOS; a wipe always works but an ADE device
// re-enrolls and stays managed; a lock protects nothing unless a passcode is already set.
// Pure on purpose: the incident message (to hide a button and say why) and the command
// lifecycle (to refuse the command in the core) must give the same answer.
import type { ManagementState, Platform } from "../../generated/prisma/enums.js";

export type DeviceAction = "lost_mode" | "wipe" | "lock";

export interface DeviceFacts {
  platform: Platform;
  supervised: boolean;
  ade: boolean;
  state: ManagementState;
  /** null: unknown (the device never said). */
  passcodePresent?: boolean | null;
}

export interface Capability {
  allowed: boolean;
  /** i18n key saying why not (when not allowed). */
  reasonKey?: string;
  /** i18n key of what the admin must know before using it (when allowed). */
  warningKey?: string;
}

const APPLE_MOBILE: readonly Platform[] = ["IOS", "IPADOS"];

/** A device we can still send commands to. Lost mode counts: commands still reach it. */
export function isReachable(d: Pick<DeviceFacts, "state">): boolean {
  return d.state === "MANAGED" || d.state === "LOST_MODE";
}

function notManaged(d: DeviceFacts): Capability | null {
  if (d.state === "WIPED") return { allowed: false, reasonKey: "capability.wiped" };
  if (d.state === "UNENROLLED") return { allowed: false, reasonKey: "capability.unenrolled" };
  if (d.state === "AWAITING_REENROLLMENT") return { allowed: false, reasonKey: "capability.awaiting_reenrollment" };
  return null;
}

export function lostModeCapability(d: DeviceFacts): Capability {
  const off = notManaged(d);
  if (off) return off;
  if (d.state === "LOST_MODE") return { allowed: false, reasonKey: "capability.lost_mode.already" };
  if (d.platform === "WINDOWS") return { allowed: false, reasonKey: "capability.lost_mode.windows" };
  if (APPLE_MOBILE.includes(d.platform) && !d.supervised) {
    return { allowed: false, reasonKey: "capability.lost_mode.unsupervised" };
  }
  return { allowed: true, warningKey: "capability.lost_mode.never_expires" };
}

export function wipeCapability(d: DeviceFacts): Capability {
  const off = notManaged(d);
  if (off) return off;
  return { allowed: true, warningKey: d.ade ? "capability.wipe.ade_stays_managed" : "capability.wipe.leaves_management" };
}

export function lockCapability(d: DeviceFacts): Capability {
  const off = notManaged(d);
  if (off) return off;
  if (d.passcodePresent === false) return { allowed: true, warningKey: "capability.lock.no_passcode" };
  if (d.passcodePresent === true) return { allowed: true, warningKey: "capability.lock.passcode_set" };
  return { allowed: true, warningKey: "capability.lock.passcode_unknown" };
}

export function capabilities(d: DeviceFacts): Record<DeviceAction, Capability> {
  return { lost_mode: lostModeCapability(d), wipe: wipeCapability(d), lock: lockCapability(d) };
}

export function capability(d: DeviceFacts, action: DeviceAction): Capability {
  return capabilities(d)[action];
}
