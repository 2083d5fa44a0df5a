// What each loss-response action can do for one device: the seed's rules (seed 002) and each
// platform vendor's own rules, one function per platform family. Pure on purpose: the incident
// message (to hide a button and say why in its place) and the command lifecycle (to refuse a
// crafted request in the core) must give the same answer.
//
// Apple (reference/apple-device-management/mdm/commands/lost-mode.*.yaml, device.location.yaml):
// EnableLostMode, DisableLostMode, DeviceLocation and PlayLostModeSound exist on iOS and iPadOS
// only, and require supervision. macOS has none of them: a Mac is locked or erased (with a Find
// My PIN). A new platform family adds one function below and one line in FAMILY.
import type { ManagementState, Platform } from "../../generated/prisma/enums.js";

export type DeviceAction = "lost_mode" | "wipe" | "lock" | "locate" | "sound";

export interface DeviceFacts {
  platform: Platform;
  supervised: boolean;
  ade: boolean;
  state: ManagementState;
  /** null: unknown (the device never said). */
  passcodePresent?: boolean | null;
  /** Who owns the hardware (Android Device.ownership); null/absent: unknown. */
  ownership?: "company" | "personal" | null;
  /** Android Device.managementMode: DEVICE_OWNER (fully managed) or PROFILE_OWNER (work profile). */
  managementMode?: string | null;
  /** Android API level; null/absent: unknown. */
  apiLevel?: number | null;
}

export interface Capability {
  allowed: boolean;
  /** i18n key saying why not (when not allowed). */
  reasonKey?: string;
  /** i18n key of what the admin must know before using it (when allowed). */
  warningKey?: string;
  /** i18n key of the button's label when it is not the action's usual one. */
  labelKey?: string;
}

type Rules = (d: DeviceFacts) => Partial<Record<DeviceAction, Capability>>;

const ALLOWED: Capability = { allowed: true };

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

/** Apple's platform rules, from the schema: lost mode and its companions only on supervised iOS/iPadOS. */
const apple: Rules = (d) => {
  const lostModeFamily: Capability =
    d.platform === "MACOS"
      ? { allowed: false, reasonKey: "capability.lost_mode.macos" }
      : !d.supervised
        ? { allowed: false, reasonKey: "capability.lost_mode.unsupervised" }
        : ALLOWED;
  return { lost_mode: lostModeFamily, locate: lostModeFamily, sound: lostModeFamily };
};

/**
 * Android (Android Management API, START_LOST_MODE and devices.delete): Google allows lost mode
 * only on company-owned devices — fully managed (DEVICE_OWNER) on Android 11 (API 30) and later,
 * a work profile on a company-owned device (PROFILE_OWNER) on Android 13 (API 33) and later — and
 * refuses it elsewhere. On a personally-owned device a wipe removes only the work profile and
 * the company's data; the owner's own data stays, so no factory reset is ever offered there.
 * What the device never told us (ownership, mode, API level unknown) is left to Google to judge.
 * Android has no location or sound command: a device in lost mode sends its location itself
 * (USAGE_LOGS), so those two are not buttons.
 */
const ANDROID_LOST_MODE_MIN_API = { DEVICE_OWNER: 30, PROFILE_OWNER: 33 } as const;

const android: Rules = (d) => {
  const noCommand: Capability = { allowed: false, reasonKey: "capability.android.location_automatic" };
  const out: Partial<Record<DeviceAction, Capability>> = { locate: noCommand, sound: noCommand };
  if (d.ownership === "personal") {
    out.lost_mode = { allowed: false, reasonKey: "capability.lost_mode.android_personal" };
    out.wipe = {
      allowed: true,
      warningKey: "capability.wipe.android_work_profile",
      labelKey: "capability.wipe.android_work_profile_button",
    };
    return out;
  }
  const mode = d.managementMode as keyof typeof ANDROID_LOST_MODE_MIN_API | null | undefined;
  const min = mode ? ANDROID_LOST_MODE_MIN_API[mode] : undefined;
  if (min && d.apiLevel && d.apiLevel < min) {
    out.lost_mode = {
      allowed: false,
      reasonKey: mode === "DEVICE_OWNER" ? "capability.lost_mode.android_11" : "capability.lost_mode.android_13",
    };
  }
  return out;
};

const windows: Rules = () => {
  const none: Capability = { allowed: false, reasonKey: "capability.lost_mode.windows" };
  return { lost_mode: none, locate: none, sound: none };
};

const FAMILY: Record<Platform, Rules> = { IOS: apple, IPADOS: apple, MACOS: apple, ANDROID: android, WINDOWS: windows };

/** The platform's own word on an action, before any state rule; allowed when it says nothing. */
export function platformCapability(d: DeviceFacts, action: DeviceAction): Capability {
  return FAMILY[d.platform](d)[action] ?? ALLOWED;
}

export function lostModeCapability(d: DeviceFacts): Capability {
  const off = notManaged(d);
  if (off) return off;
  const platform = platformCapability(d, "lost_mode");
  if (!platform.allowed) return platform;
  if (d.state === "LOST_MODE") return { allowed: false, reasonKey: "capability.lost_mode.already" };
  return { allowed: true, warningKey: "capability.lost_mode.never_expires" };
}

/** Location and sound: the platform must have them, and they only exist while lost mode is on. */
export function lostModeFollowUpCapability(d: DeviceFacts, action: "locate" | "sound"): Capability {
  const off = notManaged(d);
  if (off) return off;
  const platform = platformCapability(d, action);
  if (!platform.allowed) return platform;
  if (d.state !== "LOST_MODE") return { allowed: false, reasonKey: "commands.refused.needs_lost_mode" };
  return ALLOWED;
}

export function wipeCapability(d: DeviceFacts): Capability {
  const platform = platformCapability(d, "wipe");
  const off = notManaged(d) ?? refusal(platform);
  if (off) return off;
  if (platform.warningKey) return platform;
  return {
    allowed: true,
    warningKey: d.ade ? "capability.wipe.ade_stays_managed" : "capability.wipe.leaves_management",
  };
}

/**
 * A lock protects nothing without a passcode (iOS cannot set one remotely). Only the device's own
 * answer (SecurityInfo, the agent's report) counts: known absent → refused; unknown → the warning.
 */
export function lockCapability(d: DeviceFacts): Capability {
  const off = notManaged(d) ?? refusal(platformCapability(d, "lock"));
  if (off) return off;
  // "Passcode" is iPhone and iPad wording: a Mac and an Android phone are told about their own lock.
  if (d.platform === "MACOS") return { allowed: true, warningKey: "capability.lock.macos" };
  if (d.passcodePresent === false) return { allowed: false, reasonKey: "capability.lock.no_passcode" };
  if (d.platform === "ANDROID") return { allowed: true, warningKey: "capability.lock.android" };
  if (d.passcodePresent === true) return { allowed: true, warningKey: "capability.lock.passcode_set" };
  return { allowed: true, warningKey: "capability.lock.passcode_unknown" };
}

const refusal = (c: Capability): Capability | null => (c.allowed ? null : c);

export function capabilities(d: DeviceFacts): Record<DeviceAction, Capability> {
  return {
    lost_mode: lostModeCapability(d),
    wipe: wipeCapability(d),
    lock: lockCapability(d),
    locate: lostModeFollowUpCapability(d, "locate"),
    sound: lostModeFollowUpCapability(d, "sound"),
  };
}

export function capability(d: DeviceFacts, action: DeviceAction): Capability {
  return capabilities(d)[action];
}
