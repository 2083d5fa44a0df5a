// The alert types of the table in the vendor's guide to alert e-mails 「重要なアラートメール設定」 and the External contract, and which of them are posted at
// once, by OS. An alert on an OS the table does not list for that type is kept and counted in the
// digest, but never posted immediately: the vendor only promises immediacy where the table says so.
import type { Platform } from "../../generated/prisma/enums.js";

export const ALERT_TYPES = [
  "unenrolled",
  "jailbreak",
  "app_policy_violation",
  "device_admin_missing",
  "tampering",
  "root",
  "unauthorized_sim",
  "unknown_sources",
  "geofence",
  "virus",
  "virusscan_missing",
  "onebe_violation",
  "deep_instinct_disabled",
  "deep_instinct_event",
  "deep_instinct_suspicious",
] as const;

export type AlertType = (typeof ALERT_TYPES)[number];

type Os = "ios" | "macos" | "android" | "windows";

/** Types posted at once, and the operating systems on which they are (the alert e-mail guide's table). */
const IMMEDIATE: Partial<Record<AlertType, readonly Os[]>> = {
  unenrolled: ["ios", "macos"],
  jailbreak: ["ios"],
  app_policy_violation: ["ios", "android"],
  tampering: ["android"],
  root: ["android"],
  unauthorized_sim: ["android"],
  unknown_sources: ["android"],
  geofence: ["android"],
  virus: ["android"],
  virusscan_missing: ["android", "windows"],
  onebe_violation: ["windows"],
};

export function osOf(platform: Platform): Os {
  switch (platform) {
    case "IOS":
    case "IPADOS":
      return "ios";
    case "MACOS":
      return "macos";
    case "ANDROID":
      return "android";
    case "WINDOWS":
      return "windows";
  }
}

/** Whether the table lets a type be posted at once at all (対象外 types are digest only). */
export function canPostAtOnce(type: AlertType): boolean {
  return IMMEDIATE[type] !== undefined;
}

export function isImmediate(type: AlertType, platform: Platform): boolean {
  return IMMEDIATE[type]?.includes(osOf(platform)) ?? false;
}

export function isAlertType(v: string): v is AlertType {
  return (ALERT_TYPES as readonly string[]).includes(v);
}
