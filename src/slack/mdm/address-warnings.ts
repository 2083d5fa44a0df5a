// The custody warnings for an account address (a group address that receives outside mail, not a
// person's own or a free-mail one), shown wherever the address is first typed — a certificate
// request's Apple ID, a renewal's account — not only in /mdm custody.
import type { AccountRole } from "../../core/types.js";
import type { Locale } from "../../i18n/index.js";
import { warningLines } from "../blocks/custody.js";
import type { SlackDeps } from "../deps.js";

/** "\n:warning: …" lines to append to a reply, or "" when the address is fine or none was typed. */
export async function typedAddressNote(
  deps: SlackDeps,
  address: string | null | undefined,
  role: AccountRole,
  locale: Locale,
): Promise<string> {
  if (!address?.includes("@")) return "";
  const warnings = await deps.core.custody.typedAddressWarnings(address, role);
  return warnings.length ? `\n${warningLines(warnings, locale).join("\n")}` : "";
}
