// The App Home's "Alert settings" button: the form with the current routing (system admins).
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { alertRoutingModal } from "../../blocks/alert-routing.js";
import { ackSafely, refusalText } from "../../button.js";
import type { SlackDeps } from "../../deps.js";
import { whoIsActing } from "../../locale.js";
import { tellAdmin } from "../views/command-modal-support.js";

export function alertRoutingOpen(deps: SlackDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ackSafely(ack);
    const {
      actor,
      reader: { locale },
    } = await whoIsActing(deps, body.user.id);
    try {
      deps.core.actors.requireSystemAdmin(actor);
      const routing = await deps.core.alertRouting.get();
      await client.views.open({ trigger_id: body.trigger_id, view: alertRoutingModal(routing, locale) });
    } catch (err) {
      await tellAdmin(client, {}, body.user.id, refusalText(err, locale));
    }
  };
}
