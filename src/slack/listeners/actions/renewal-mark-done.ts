// "Renewed" on a reminder: the renewal was done outside the app; its reminders stop until the
// deadline moves.
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { button } from "../../button.js";

export const renewalMarkDone = (deps: SlackDeps) =>
  button(deps, async ({ actor, locale, value }) => {
    const r = await deps.core.renewals.markDone(actor, value);
    return t(locale, "renewal.done_ack", { what: t(locale, `renewal.kind.${r.kind}`) });
  });
