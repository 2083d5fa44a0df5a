// What each renewal is, which account signs in for it, and where it is renewed.
import type { AccountRole, RenewalKind } from "../../generated/prisma/client.js";

export const RENEWAL_KINDS: readonly RenewalKind[] = [
  "PUSH_CERTIFICATE",
  "ADE_TOKEN",
  "VPP_TOKEN",
  "ANDROID_ENTERPRISE_GMAIL",
];

/** The custody account whose sign-in renews it (the vendor's column on handing over the administrator role 「管理者引き継ぎのポイント」: the same Apple ID, every year). */
export const ROLE_FOR_KIND: Record<RenewalKind, AccountRole> = {
  PUSH_CERTIFICATE: "PUSH_CERT_APPLE_ID",
  ADE_TOKEN: "ABM_APPLE_ID",
  VPP_TOKEN: "ABM_APPLE_ID",
  ANDROID_ENTERPRISE_GMAIL: "ANDROID_ENTERPRISE_GMAIL",
};

export const RENEWAL_LINKS: Record<RenewalKind, string> = {
  PUSH_CERTIFICATE: "https://identity.apple.com/pushcert/",
  ADE_TOKEN: "https://business.apple.com/",
  VPP_TOKEN: "https://business.apple.com/",
  ANDROID_ENTERPRISE_GMAIL: "https://accounts.google.com/",
};

/** "ade", "dep", "vpp", "gmail", "push" as typed in Slack or the CLI. */
export function parseKind(word: string | undefined): RenewalKind | null {
  switch ((word ?? "").toLowerCase()) {
    case "push":
    case "cert":
    case "apns":
    case "push_certificate":
      return "PUSH_CERTIFICATE";
    case "ade":
    case "dep":
    case "ade_token":
      return "ADE_TOKEN";
    case "vpp":
    case "vpp_token":
      return "VPP_TOKEN";
    case "gmail":
    case "android":
    case "android_enterprise_gmail":
      return "ANDROID_ENTERPRISE_GMAIL";
    default:
      return null;
  }
}
