// Whether a command makes sense for this device now. The per-device rules (lost mode needs a
// supervised iPhone/iPad, nothing reaches a wiped device) are the devices' capabilities, shared
// with the incident message; what is added here is the lifecycle's own rule: location, sound
// and ending lost mode only exist while the device is in lost mode.
import type { CommandType, Device } from "../../generated/prisma/client.js";
import { isReachable, lockCapability, lostModeCapability, wipeCapability, type Capability } from "../devices/capabilities.js";

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
  "commands.refused.needs_lost_mode": "the device is not in lost mode; enable lost mode first",
  "commands.refused.not_reachable": "the device is no longer managed; no command can reach it",
};

type Facts = Pick<Device, "platform" | "supervised" | "ade" | "state" | "passcodePresent">;

function byType(device: Facts, type: CommandType): Capability {
  switch (type) {
    case "ENABLE_LOST_MODE":
      return lostModeCapability(device);
    case "ERASE_DEVICE":
      return wipeCapability(device);
    case "DEVICE_LOCK":
      return lockCapability(device);
    default:
      if (!isReachable(device)) return { allowed: false, reasonKey: "commands.refused.not_reachable" };
      if (device.state !== "LOST_MODE") return { allowed: false, reasonKey: "commands.refused.needs_lost_mode" };
      return { allowed: true };
  }
}

export function commandRefusal(device: Facts, type: CommandType): Refusal | null {
  const c = byType(device, type);
  if (c.allowed) return null;
  const reasonKey = c.reasonKey ?? "commands.refused.not_reachable";
  return { reasonKey, message: ENGLISH[reasonKey] ?? reasonKey };
}
