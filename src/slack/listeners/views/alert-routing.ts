// The alert settings form submitted: every type it lists and both DM switches are saved at once.
import { t } from "../../../i18n/index.js";
import { alertRoutingText, routingFromForm } from "../../blocks/alert-routing.js";
import type { SlackDeps } from "../../deps.js";
import { commandModal } from "./command-modal-support.js";

export function alertRoutingSubmitted(deps: SlackDeps) {
  return commandModal(deps, async ({ actor, locale, values }) => {
    const routing = await deps.core.alertRouting.update(actor, routingFromForm(values));
    return `${t(locale, "alerts.routing.modal.saved")}\n${alertRoutingText(routing, locale)}`;
  });
}
