// Block Kit for the handover checklist an outgoing administrator works through: each account
// and rule, its state, what is missing, and the button that confirms it (or marks it not used).
// Pure builder.
import type { types } from "@slack/bolt";
import { OPTIONAL_ITEMS, type HandoverItemView } from "../../core/custody/handover.js";
import { formatDate, t, type Locale } from "../../i18n/index.js";
import { slackMarkup } from "../edge.js";
import { who } from "./actor.js";
import { confirmDialog } from "./confirm.js";
import { button, context, section } from "./kit.js";

type KnownBlock = types.KnownBlock;

export const HANDOVER_CONFIRM = "handover_confirm";
export const HANDOVER_NOT_APPLICABLE = "handover_not_applicable";

const STATE_ICON = {
  missing: ":x:",
  incomplete: ":warning:",
  ready: ":large_blue_circle:",
  confirmed: ":white_check_mark:",
  not_applicable: ":heavy_minus_sign:",
} as const;

export function handoverMessage(
  items: HandoverItemView[],
  ctx: { locale: Locale; timeZone: string },
): { text: string; blocks: KnownBlock[] } {
  const { locale, timeZone } = ctx;
  const blocks: KnownBlock[] = [section(`*${t(locale, "handover.title")}*`)];
  for (const item of items) {
    const lines = [
      `${STATE_ICON[item.state]} *${t(locale, `handover.item.${item.key}`)}* — ${t(locale, `handover.state.${item.state}`)}`,
    ];
    if (item.account)
      lines.push(`${item.account.address}${item.account.isGroupAddress ? ` (${t(locale, "custody.group")})` : ""}`);
    if (item.key === "internal_rules" && item.url)
      lines.push(slackMarkup(`<${item.url}|${t(locale, "handover.policy_link")}>`)); // set by an admin
    const missing = item.missing.filter((m) => m !== "account" && m !== "policy_url");
    if (missing.length)
      lines.push(
        t(locale, "handover.missing", { list: missing.map((m) => t(locale, `handover.missing.${m}`)).join(", ") }),
      );
    if (item.state === "missing")
      lines.push(t(locale, item.key === "internal_rules" ? "handover.hint.policy" : "handover.hint.custody"));
    for (const w of item.warnings) lines.push(`:warning: ${t(locale, `custody.warning.${w}`)}`);
    if (item.confirmedAt)
      lines.push(
        t(locale, "handover.confirmed_by", {
          who: who(item.confirmedBy),
          date: formatDate(item.confirmedAt, locale, timeZone),
        }),
      );
    const block: KnownBlock = { type: "section", text: { type: "mrkdwn", text: lines.join("\n") } };
    if (item.state === "ready")
      (block as { accessory?: unknown }).accessory = {
        ...button(t(locale, "handover.confirm"), HANDOVER_CONFIRM, item.key, "primary"),
        confirm: confirmDialog("handover_confirm", locale),
      };
    else if (item.state === "missing" && OPTIONAL_ITEMS.includes(item.key))
      (block as { accessory?: unknown }).accessory = {
        ...button(t(locale, "handover.not_used"), HANDOVER_NOT_APPLICABLE, item.key),
        confirm: confirmDialog("handover_not_used", locale),
      };
    blocks.push(block);
  }
  // Items not used here are neither confirmed nor left to do: they leave the count.
  const unused = items.filter((i) => i.state === "not_applicable").length;
  const done = items.filter((i) => i.state === "confirmed").length;
  const text = unused
    ? t(locale, "handover.summary.unused", { done, total: items.length - unused, unused })
    : t(locale, "handover.summary", { done, total: items.length });
  blocks.push(context(text));
  return { text, blocks };
}
