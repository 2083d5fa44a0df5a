// "Mark resolved" on an alert post or in /mdm alerts: the core checks the clicker may act on the
// device; the post itself is updated through the outbox (alert.resolved).
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { button } from "../../button.js";

export const alertResolve = (deps: SlackDeps) =>
  button(deps, async ({ actor, locale, value }) => {
    await deps.core.alerts.resolve(actor, value);
    return t(locale, "alert.resolve.done");
  });
