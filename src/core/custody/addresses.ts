// Is an address fit to own an account the company must keep for years? A group address that
// receives outside mail survives an admin leaving; a free-mail or a person's own address does not.
export const FREE_MAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "yahoo.co.jp",
  "yahoo.com",
  "ymail.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "outlook.com",
  "outlook.jp",
  "hotmail.com",
  "hotmail.co.jp",
  "live.com",
  "live.jp",
  "msn.com",
  "aol.com",
  "docomo.ne.jp",
  "ezweb.ne.jp",
  "au.com",
  "softbank.ne.jp",
  "i.softbank.jp",
  "ymobile.ne.jp",
  "disney.ne.jp",
  "nifty.com",
  "biglobe.ne.jp",
  "ocn.ne.jp",
  "so-net.ne.jp",
  "proton.me",
  "protonmail.com",
]);

export type AddressWarning = "free_mail" | "personal_address" | "not_group";

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}

/**
 * Warnings for an address, given whether it belongs to a person on record. The Android
 * Enterprise admin account is a Gmail account by definition (the management-methods column and the administrator handover column): no free-mail or
 * group-address warning for it — what matters is who holds it and its yearly sign-in.
 */
export function addressWarnings(
  address: string,
  opts: { isGroupAddress: boolean; isPersonsOwn: boolean; role?: string },
): AddressWarning[] {
  const out: AddressWarning[] = [];
  const gmailByDefinition = opts.role === "ANDROID_ENTERPRISE_GMAIL";
  if (!gmailByDefinition && FREE_MAIL_DOMAINS.has(domainOf(address))) out.push("free_mail");
  if (opts.isPersonsOwn) out.push("personal_address");
  else if (!opts.isGroupAddress && !gmailByDefinition) out.push("not_group");
  return out;
}

/**
 * Custody records say WHO holds a secret, never the secret. Refuse text that looks like one:
 * "password: …", a lone 4–8 digit code, or a PEM block.
 */
export function looksLikeSecret(text: string): boolean {
  const s = text.trim();
  return (
    /(pass(word)?|pwd|pw|パスワード|暗証番号)\s*[:=:]\s*\S/i.test(s) ||
    /^\d{4,8}$/.test(s.replace(/[\s-]/g, "")) ||
    /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(s)
  );
}
