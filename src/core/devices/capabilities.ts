// What each loss-response action can do for one device: the rules of the vendor's guide to commands for a lost device 「デバイスの紛失時の対応」 and each
// platform vendor's own rules, one function per platform family. Pure on purpose: the incident
// message (to hide a button and say why in its place) and the command lifecycle (to refuse a
// crafted request in the core) must give the same answer.
//
// Apple (reference/apple-device-management/mdm/commands/lost-mode.*.yaml, device.location.yaml):
// EnableLostMode, DisableLostMode, DeviceLocation and PlayLostModeSound exist on iOS and iPadOS
// only, and require supervision. macOS has none of them: a Mac is locked or erased (with a Find
// My PIN). A new platform family adds one function below and one line in FAMILY.
import type { ManagementState, Platform } from "../../generated/prisma/enums.js";
import { companyDataRemoval, fullResetPossible, isPersonal } from "./personal.js";

/** `full_reset`: erasing a personal device completely, which needs its owner's consent. */
export type DeviceAction = "lost_mode" | "wipe" | "lock" | "locate" | "sound" | "full_reset";

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
  /** Apple User Enrollment (BYOD): enrolled with an EnrollmentID instead of the UDID. */
  userEnrollment?: boolean | null;
  /** An administrator's BYOD mark. */
  byod?: boolean | null;
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

/**
 * Apple's platform rules, from the schema: lost mode and its companions only on supervised
 * iOS/iPadOS, and never on a user-enrolled device; DeviceLock is forbidden on a user-enrolled Mac.
 */
const apple: Rules = (d) => {
  const lostModeFamily: Capability =
    d.platform === "MACOS"
      ? { allowed: false, reasonKey: "capability.lost_mode.macos" }
      : d.userEnrollment
        ? { allowed: false, reasonKey: "capability.lost_mode.user_enrollment" }
        : !d.supervised
          ? { allowed: false, reasonKey: "capability.lost_mode.unsupervised" }
          : ALLOWED;
  const out: Partial<Record<DeviceAction, Capability>> = {
    lost_mode: lostModeFamily,
    locate: lostModeFamily,
    sound: lostModeFamily,
  };
  if (d.platform === "MACOS" && d.userEnrollment)
    out.lock = { allowed: false, reasonKey: "capability.lock.mac_user_enrollment" };
  return out;
};

/**
 * Android (Android Management API, START_LOST_MODE and devices.delete): Google allows lost mode
 * only on company-owned devices — fully managed (DEVICE_OWNER) on Android 11 (API 30) and later,
 * a work profile on a company-owned device (PROFILE_OWNER) on Android 13 (API 33) and later — and
 * refuses it elsewhere. On a personally-owned device a wipe removes only the work profile and
 * the company's data (the personal-device rules, personal.ts).
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

/** What the wipe button removes from a personal device, said on the button and beside it. */
const COMPANY_DATA_WIPE = {
  android_work_profile: {
    warningKey: "capability.wipe.android_work_profile",
    labelKey: "capability.wipe.android_work_profile_button",
  },
  apple_mdm_profile: {
    warningKey: "capability.wipe.apple_mdm_profile",
    labelKey: "capability.wipe.company_data_button",
  },
  agent_profile: { warningKey: "capability.wipe.agent_profile", labelKey: "capability.wipe.company_data_button" },
} as const;

/** The wipe button: a factory reset on a company device, "remove company data" on a personal one. */
export function wipeCapability(d: DeviceFacts): Capability {
  const platform = platformCapability(d, "wipe");
  const off = notManaged(d) ?? refusal(platform);
  if (off) return off;
  if (isPersonal(d)) {
    const removal = companyDataRemoval(d);
    if (!removal) return { allowed: false, reasonKey: "capability.wipe.personal_full_only" };
    return { allowed: true, ...COMPANY_DATA_WIPE[removal] };
  }
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

/** Erasing a personal device completely: possible only where the platform can, with the owner's consent. */
export function fullResetCapability(d: DeviceFacts): Capability {
  if (!isPersonal(d)) return { allowed: false, reasonKey: "capability.full_reset.company" };
  const off = notManaged(d);
  if (off) return off;
  if (!fullResetPossible(d)) return { allowed: false, reasonKey: "capability.full_reset.impossible" };
  return { allowed: true, warningKey: "capability.full_reset.needs_consent" };
}

const refusal = (c: Capability): Capability | null => (c.allowed ? null : c);

export function capabilities(d: DeviceFacts): Record<DeviceAction, Capability> {
  return {
    lost_mode: lostModeCapability(d),
    wipe: wipeCapability(d),
    lock: lockCapability(d),
    locate: lostModeFollowUpCapability(d, "locate"),
    sound: lostModeFollowUpCapability(d, "sound"),
    full_reset: fullResetCapability(d),
  };
}

export function capability(d: DeviceFacts, action: DeviceAction): Capability {
  return capabilities(d)[action];
}
