// The "found" modal submitted: the report is closed as found and lost mode ends on the devices
// left ticked.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../app.js";
import { commandErrorText } from "../../command-replies.js";
import { localeFor } from "../../locale.js";
import { modalContext, selectedValues, tellAdmin } from "./command-modal-support.js";

export function reportFoundSubmitted(deps: SlackDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    await ack();
    const locale = await localeFor(deps, body.user.id);
    const ctx = modalContext(view.private_metadata);
    if (!ctx.r) return;
    try {
      const actor = await deps.core.actors.fromSlack(body.user.id);
      const disable = selectedValues(view.state.values as never, "disable");
      const done = await deps.core.commands.resolveReport(actor, ctx.r, "FOUND", { disableLostModeOn: disable });
      await tellAdmin(client, ctx, body.user.id, t(locale, "commands.ephemeral.found", { reference: done.reference }));
    } catch (err) {
      await tellAdmin(client, ctx, body.user.id, commandErrorText(err, locale));
    }
  };
}
