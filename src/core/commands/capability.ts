// Whether a command makes sense for this device now: the devices' capabilities (platform rules,
// management state, passcode truth), shared with the incident message so that a crafted Slack
// request is refused here with the same reason the button's place shows.
import type { CommandType, Device } from "../../generated/prisma/client.js";
import {
  fullResetCapability,
  isReachable,
  lockCapability,
  lostModeCapability,
  lostModeFollowUpCapability,
  platformCapability,
  wipeCapability,
  type Capability,
} from "../devices/capabilities.js";

export interface Refusal {
  /** i18n key of the reason, for adapters that speak the admin's language. */
  reasonKey: string;
  message: string;
}

const ENGLISH: Record<string, string> = {
  "capability.wiped": "the device has been wiped and is no longer managed",
  "capability.unenrolled": "the device has left management",
  "capability.awaiting_reenrollment": "the device was wiped and has not re-enrolled yet",
  "capability.lost_mode.already": "the device is already in lost mode",
  "capability.lost_mode.windows": "Windows devices have no lost mode",
  "capability.lost_mode.unsupervised": "lost mode needs a supervised iPhone or iPad, and this device is not supervised",
  "capability.lost_mode.macos": "Apple has no lost mode, location or sound for macOS; lock or erase the Mac instead",
  "capability.lock.no_passcode":
    "the device reported that no passcode is set, so a lock would protect nothing; use lost mode or wipe",
  "capability.lost_mode.android_personal":
    "Google allows lost mode only on company-owned Android devices; this one is personally owned (work profile). Remove the work profile and company data instead",
  "capability.lost_mode.android_11":
    "Google allows lost mode on a fully managed Android device from Android 11; this device runs an older version",
  "capability.lost_mode.android_13":
    "Google allows lost mode on a company-owned work profile from Android 13; this device runs an older version",
  "capability.android.location_automatic":
    "Android has no location or sound command: a device in lost mode sends its location by itself, and it is posted in the incident thread",
  "commands.refused.needs_lost_mode": "the device is not in lost mode; enable lost mode first",
  "commands.refused.not_reachable": "the device is no longer managed; no command can reach it",
  "capability.activation_lock.unsupervised":
    "Apple gives the Activation Lock bypass code only for supervised Apple devices",
  "capability.lost_mode.user_enrollment": "Apple allows no lost mode on a device enrolled through User Enrollment",
  "capability.lock.mac_user_enrollment": "Apple allows no remote lock on a Mac enrolled through User Enrollment",
  "capability.wipe.personal_full_only":
    "this personal device has no separate company part to remove; only a full reset with the owner's consent is possible",
  "capability.full_reset.company": "a full reset with the owner's consent is for personal devices; use wipe",
  "capability.full_reset.impossible":
    "the platform cannot erase this personal device completely; only the company data can be removed",
};

type Facts = Pick<Device, "platform" | "supervised" | "ade" | "state" | "passcodePresent"> &
  Partial<Pick<Device, "ownership" | "managementMode" | "apiLevel" | "userEnrollment" | "byod">>;

function byType(device: Facts, type: CommandType, params?: Record<string, unknown>): Capability {
  switch (type) {
    case "ENABLE_LOST_MODE":
      return lostModeCapability(device);
    case "ERASE_DEVICE":
      // A full reset asked for a personal device is its own action (the owner's consent).
      return params?.scope === "full" ? fullResetCapability(device) : wipeCapability(device);
    case "DEVICE_LOCK":
      return lockCapability(device);
    case "DEVICE_LOCATION":
      return lostModeFollowUpCapability(device, "locate");
    case "PLAY_LOST_MODE_SOUND":
      return lostModeFollowUpCapability(device, "sound");
    case "DISABLE_LOST_MODE": {
      // Ending lost mode is always possible where lost mode exists; the platform's refusal first.
      if (!isReachable(device)) return { allowed: false, reasonKey: "commands.refused.not_reachable" };
      const platform = platformCapability(device, "lost_mode");
      if (!platform.allowed) return platform;
      if (device.state !== "LOST_MODE") return { allowed: false, reasonKey: "commands.refused.needs_lost_mode" };
      return { allowed: true };
    }
    case "ACTIVATION_LOCK_BYPASS_CODE":
      // Apple gives the bypass code only to the MDM of a supervised device (iOS 7.1, macOS 10.15).
      if (!isReachable(device)) return { allowed: false, reasonKey: "commands.refused.not_reachable" };
      if (!["IOS", "IPADOS", "MACOS"].includes(device.platform) || !device.supervised)
        return { allowed: false, reasonKey: "capability.activation_lock.unsupervised" };
      return { allowed: true };
    case "CLEAR_ACTIVATION_LOCK":
      // Not a device command: the device is wiped by then. Its own rule is in requests.ts.
      return { allowed: true };
    default:
      // Queries (DeviceInformation, SecurityInfo, InstalledApplicationList): anything still managed may be asked.
      return isReachable(device) ? { allowed: true } : { allowed: false, reasonKey: "commands.refused.not_reachable" };
  }
}

export function commandRefusal(device: Facts, type: CommandType, params?: Record<string, unknown>): Refusal | null {
  const c = byType(device, type, params);
  if (c.allowed) return null;
  const reasonKey = c.reasonKey ?? "commands.refused.not_reachable";
  return { reasonKey, message: ENGLISH[reasonKey] ?? reasonKey };
}
