// "Dismiss": the report needs no action (a false alarm). Pending commands are withdrawn.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../app.js";
import { commandErrorText, ephemeral, parseTarget } from "../../command-replies.js";
import { localeFor } from "../../locale.js";

export function reportDismiss(deps: SlackDeps) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const locale = await localeFor(deps, body.user.id);
    const target = parseTarget(action.value);
    if (!target?.r) return void (await ephemeral(respond, t(locale, "commands.ephemeral.bad_button")));
    try {
      const actor = await deps.core.actors.fromSlack(body.user.id);
      const done = await deps.core.commands.resolveReport(actor, target.r, "DISMISSED");
      await ephemeral(respond, t(locale, "commands.ephemeral.dismissed", { reference: done.reference }));
    } catch (err) {
      await ephemeral(respond, commandErrorText(err, locale));
    }
  };
}
