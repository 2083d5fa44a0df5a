// Block Kit for custody records: who holds each account the company cannot lose (the panel's
// contact and admin, the push certificate's and ABM's Apple IDs, the Android Enterprise Gmail),
// the `/mdm custody` list with its address warnings, and the modal that records a holder.
// Never a password: only who holds it and where it is kept. Pure builders.
import type { types } from "@slack/bolt";
import type { AccountRole, CustodyAccount } from "../../core/types.js";
import type { AddressWarning } from "../../core/custody/addresses.js";
import { formatDate, t, type Locale } from "../../i18n/index.js";
import { escapeMrkdwn, section } from "./kit.js";

type KnownBlock = types.KnownBlock;
type View = types.View;

export const CUSTODY_VIEW = "custody_record";

/** The custody facts a person needs to sign in: account, password holder, 2FA phone. */
export function custodyLines(locale: Locale, account: CustodyAccount | null, fallbackAddress: string | null): string {
  const none = t(locale, "renewal.not_recorded");
  // Every value here was typed by an admin: text, whatever it holds.
  const v = (s: string | null | undefined) => (s ? escapeMrkdwn(s) : none);
  return [
    `*${t(locale, "renewal.field.account")}:* ${v(account?.address ?? fallbackAddress)}`,
    `*${t(locale, "renewal.field.password_holder")}:* ${v(account?.passwordHolder)}${account?.passwordLocation ? ` (${escapeMrkdwn(account.passwordLocation)})` : ""}`,
    `*${t(locale, "renewal.field.two_factor")}:* ${v(account?.twoFactorHolder)}`,
  ].join("\n");
}

export function warningLines(warnings: AddressWarning[], locale: Locale): string[] {
  return warnings.map((w) => `:warning: ${t(locale, `custody.warning.${w}`)}`);
}

export function custodyText(
  entries: { account: CustodyAccount; warnings: AddressWarning[] }[],
  ctx: { locale: Locale; timeZone: string },
): string {
  const { locale, timeZone } = ctx;
  const lines = [t(locale, "custody.title")];
  if (!entries.length) lines.push(t(locale, "custody.empty"));
  for (const { account: a, warnings } of entries) {
    lines.push(
      `• *${t(locale, `custody.role.${a.role}`)}* — ${escapeMrkdwn(a.address)}${a.isGroupAddress ? ` (${t(locale, "custody.group")})` : ""}`,
    );
    lines.push(
      `    ${custodyLines(locale, a, null).split("\n").slice(1).join(" · ")} · ${t(locale, "custody.verified", { date: a.lastVerifiedAt ? formatDate(a.lastVerifiedAt, locale, timeZone) : t(locale, "custody.never") })}`,
    );
    lines.push(...warningLines(warnings, locale).map((l) => `    ${l}`));
  }
  lines.push(t(locale, "custody.usage"));
  return lines.join("\n");
}

export const CUSTODY_ROLES: readonly AccountRole[] = [
  "PANEL_CONTACT",
  "PANEL_SYSTEM_ADMIN",
  "PUSH_CERT_APPLE_ID",
  "ABM_APPLE_ID",
  "ANDROID_ENTERPRISE_GMAIL",
];

const input = (block_id: string, label: string, initial: string | null | undefined, optional = true): KnownBlock => ({
  type: "input",
  block_id,
  optional,
  label: { type: "plain_text", text: label },
  element: { type: "plain_text_input", action_id: "value", ...(initial ? { initial_value: initial } : {}) },
});

/** Records who holds an account; there is deliberately no password field. */
export function custodyModal(locale: Locale, role: AccountRole, existing: CustodyAccount | null): View {
  const groupOption = { text: { type: "plain_text" as const, text: t(locale, "custody.modal.group") }, value: "group" };
  const verifiedOption = {
    text: { type: "plain_text" as const, text: t(locale, "custody.modal.verified") },
    value: "verified",
  };
  return {
    type: "modal",
    callback_id: CUSTODY_VIEW,
    private_metadata: role,
    title: { type: "plain_text", text: t(locale, "custody.modal.title") },
    submit: { type: "plain_text", text: t(locale, "custody.modal.submit") },
    close: { type: "plain_text", text: t(locale, "custody.modal.cancel") },
    blocks: [
      section(`*${t(locale, `custody.role.${role}`)}*\n${t(locale, "custody.modal.intro")}`),
      input("address", t(locale, "custody.modal.address"), existing?.address, false),
      {
        type: "input",
        block_id: "flags",
        optional: true,
        label: { type: "plain_text", text: t(locale, "custody.modal.flags") },
        element: {
          type: "checkboxes",
          action_id: "value",
          options: [groupOption, verifiedOption],
          ...(existing?.isGroupAddress ? { initial_options: [groupOption] } : {}),
        },
      },
      input("password_holder", t(locale, "custody.modal.password_holder"), existing?.passwordHolder),
      input("password_location", t(locale, "custody.modal.password_location"), existing?.passwordLocation),
      input("two_factor_holder", t(locale, "custody.modal.two_factor_holder"), existing?.twoFactorHolder),
    ],
  };
}
