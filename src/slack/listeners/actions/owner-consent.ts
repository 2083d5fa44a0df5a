// The owner's answer to "may your own device be erased completely?", from the DM the bot sent
// them. Only the owner can answer (the core checks); the answer is recorded and audited, and the
// incident thread is told.
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { button } from "../../button.js";
import { deviceNameText } from "../../command-replies.js";

export const ownerConsent = (deps: SlackDeps, give: boolean) =>
  button(deps, async ({ actor, locale, value }) => {
    const id = consentIdOf(value);
    if (!id) return t(locale, "commands.ephemeral.bad_button");
    const consent = await deps.core.personal.decide(actor, id, give);
    const name = await deviceNameText(deps, consent.deviceId);
    return t(locale, give ? "personal.consent.given_reply" : "personal.consent.declined_reply", { name });
  });

function consentIdOf(value: string): string | null {
  try {
    const v = JSON.parse(value) as { k?: unknown };
    return typeof v?.k === "string" ? v.k : null;
  } catch {
    return null;
  }
}
