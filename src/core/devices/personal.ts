// Company data only on personal devices (incident response). A device is the employee's own when the MDM
// service says so (Android Device.ownership PERSONALLY_OWNED), when it enrolled through Apple
// User Enrollment, or when an administrator (or the inventory import) marked it BYOD. There, the
// "wipe" removes the company's part only; erasing the whole device — the owner's photos and apps
// too — needs the owner's own recorded consent. Pure: the incident message, the command rules and
// the drivers read the same answer.
import type { Platform } from "../../generated/prisma/enums.js";
import { removesCompanyDataOnly } from "../ports/commands.js";

/** What an ERASE_DEVICE command removes: the company's part only, or everything on the device. */
export type WipeScope = "company_data" | "full";

export interface OwnershipFacts {
  platform: Platform;
  /** The MDM service's word (Android Device.ownership). */
  ownership?: "company" | "personal" | null;
  managementMode?: string | null;
  /** Apple User Enrollment: the device enrolled with an EnrollmentID, not its UDID. */
  userEnrollment?: boolean | null;
  /** An administrator's (or the inventory import's) BYOD mark. */
  byod?: boolean | null;
}

export const isPersonal = (d: OwnershipFacts): boolean =>
  d.ownership === "personal" || d.userEnrollment === true || d.byod === true;

/**
 * How the company's part comes off, or null when the platform has no such thing:
 * - Android: deleting the device (enterprises.devices.delete / WIPE) on a personally-owned device
 *   removes the work profile only — Google never factory-resets it. On a company-owned Android
 *   device (fully managed, or a company-owned work profile) the same call is a factory reset, so
 *   an administrator's BYOD mark alone cannot make it "company data only".
 * - Apple: RemoveProfile of the MDM enrolment profile (allowed on user-enrolled devices, Apple's
 *   schema profile.remove.yaml) unenrols the device, and with it go the managed apps, their data,
 *   and the accounts and settings the profiles installed.
 * - The built-in agent (Windows and others): it removes its own enrolment and the company's data.
 */
export type CompanyDataRemoval = "android_work_profile" | "apple_mdm_profile" | "agent_profile";

export function companyDataRemoval(d: OwnershipFacts): CompanyDataRemoval | null {
  switch (d.platform) {
    case "ANDROID":
      return d.ownership === "personal" ? "android_work_profile" : null;
    case "IOS":
    case "IPADOS":
    case "MACOS":
      return "apple_mdm_profile";
    default:
      return "agent_profile";
  }
}

/**
 * Can the whole device be erased at all? Apple forbids EraseDevice on a user-enrolled device
 * (device.erase.yaml: userenrollment forbidden); Google's delete on a personally-owned device
 * removes the work profile only.
 */
export function fullResetPossible(d: OwnershipFacts): boolean {
  if (d.userEnrollment) return false;
  if (d.platform === "ANDROID" && d.ownership === "personal") return false;
  return true;
}

export type ScopeDecision = { scope: WipeScope; needsConsent: boolean } | { refusedKey: string };

/**
 * The scope a wipe request gets. A company device is erased as before. A personal device gets
 * "company data only" unless the request asks for a full reset, which needs the owner's consent
 * (checked against the database by the caller) and a platform that can do it.
 */
export function wipeScopeFor(d: OwnershipFacts, requested: unknown): ScopeDecision {
  if (!isPersonal(d)) {
    if (requested === "company_data") return { refusedKey: "personal.refused.company_device" };
    return { scope: "full", needsConsent: false };
  }
  if (requested === "full") {
    if (!fullResetPossible(d)) return { refusedKey: "personal.refused.full_impossible" };
    return { scope: "full", needsConsent: true };
  }
  if (!companyDataRemoval(d)) return { refusedKey: "personal.refused.no_company_part" };
  return { scope: "company_data", needsConsent: false };
}

/** A wipe command's scope, from its stored parameters (absent: a full reset, as wipes were before personal devices were told apart). */
export const scopeOf = (params: unknown): WipeScope =>
  removesCompanyDataOnly({ type: "ERASE_DEVICE", params }) ? "company_data" : "full";
