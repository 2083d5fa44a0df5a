// Personal devices (incident response): the owner's consent question in their DM, and what they are told
// was removed. Pure: data in, Block Kit out.
import { t, type Locale, type MessageKey } from "../../i18n/index.js";
import { escapeMrkdwn, plain } from "./kit.js";

export const CONSENT_ACTIONS = { give: "owner_consent_give", decline: "owner_consent_decline" } as const;

type Block = Record<string, unknown>;

export function consentQuestion(
  c: { id: string; deviceName: string; reference: string | null; who: string },
  locale: Locale,
): { text: string; blocks: Block[] } {
  const tr = (key: MessageKey) => t(locale, key, { name: c.deviceName });
  const text = t(locale, "personal.consent.dm", {
    who: c.who,
    name: `*${escapeMrkdwn(c.deviceName)}*`,
    reference: c.reference ?? "—",
  });
  const value = JSON.stringify({ k: c.id });
  const dialog = (kind: "give" | "decline") => ({
    title: plain(tr(`personal.consent.${kind}_title`), 100),
    text: plain(tr(`personal.consent.${kind}_text`), 300),
    confirm: plain(tr(`personal.consent.${kind}`), 30),
    deny: plain(t(locale, "confirm.back"), 30),
    ...(kind === "give" ? { style: "danger" } : {}),
  });
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text } },
      {
        type: "actions",
        block_id: `consent:${c.id}`,
        elements: [
          {
            type: "button",
            action_id: CONSENT_ACTIONS.decline,
            style: "primary",
            text: plain(tr("personal.consent.decline")),
            value,
            confirm: dialog("decline"),
          },
          {
            type: "button",
            action_id: CONSENT_ACTIONS.give,
            style: "danger",
            text: plain(tr("personal.consent.give")),
            value,
            confirm: dialog("give"),
          },
        ],
      },
    ],
  };
}

/** "Full reset (owner's consent)": asks the owner, or — consent recorded — requests the full reset. */
export function fullResetButton(value: string, deviceName: string, locale: Locale): Block {
  const tr = (key: MessageKey) => t(locale, key, { name: deviceName });
  return {
    type: "button",
    action_id: "device_full_reset",
    text: plain(tr("personal.button.full_reset")),
    value,
    confirm: {
      title: plain(tr("personal.confirm.full_reset_title"), 100),
      text: plain(tr("personal.confirm.full_reset_text"), 300),
      confirm: plain(tr("personal.confirm.full_reset_go"), 30),
      deny: plain(t(locale, "confirm.back"), 30),
      style: "danger",
    },
  };
}
