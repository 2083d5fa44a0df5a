// "Found": when a device of the report is in lost mode (or about to be), a modal offers to end
// lost mode too; otherwise the report is marked found at once.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../app.js";
import { foundModal } from "../../blocks/command-modals.js";
import { commandErrorText, ephemeral, parseTarget } from "../../command-replies.js";
import { localeFor } from "../../locale.js";

export function reportFound(deps: SlackDeps) {
  return async ({ ack, body, action, respond, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const locale = await localeFor(deps, body.user.id);
    const target = parseTarget(action.value);
    if (!target?.r) return void (await ephemeral(respond, t(locale, "commands.ephemeral.bad_button")));
    try {
      const actor = await deps.core.actors.fromSlack(body.user.id);
      const report = await deps.core.commands.checkResolve(actor, target.r);
      const inLostMode = report.devices.map((x) => x.device).filter((d) => d.state === "LOST_MODE");
      if (inLostMode.length) {
        await client.views.open({
          trigger_id: body.trigger_id,
          view: foundModal({ ctx: { r: report.id, ch: body.channel?.id }, reference: report.reference, lostModeDevices: inLostMode, locale }) as never,
        });
        return;
      }
      const done = await deps.core.commands.resolveReport(actor, report.id, "FOUND");
      await ephemeral(respond, t(locale, "commands.ephemeral.found", { reference: done.reference }));
    } catch (err) {
      await ephemeral(respond, commandErrorText(err, locale));
    }
  };
}
