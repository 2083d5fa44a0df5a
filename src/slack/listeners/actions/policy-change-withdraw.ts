// Withdraws a proposed response-policy change before anyone approves it.
import { slackMention } from "../../edge.js";
import { policyChangeSchema } from "../../../core/brake/policy.js";
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { changeText } from "../../blocks/brake.js";
import { button } from "../../button.js";

export function policyChangeId(value: string): string | null {
  try {
    const v = JSON.parse(value) as { p?: unknown };
    return typeof v?.p === "string" ? v.p : null;
  } catch {
    return null;
  }
}

export const policyChangeWithdraw = (deps: SlackDeps) =>
  button(deps, async ({ actor, locale, value }) => {
    const id = policyChangeId(value);
    if (!id) return t(locale, "commands.ephemeral.bad_button");
    const change = await deps.core.brake.withdraw(actor, id);
    return t(locale, "brake.policy.withdrawn", {
      change: changeText(policyChangeSchema.parse(change.change), locale),
      who: slackMention(actor.slackUserId ?? ""),
    });
  });
