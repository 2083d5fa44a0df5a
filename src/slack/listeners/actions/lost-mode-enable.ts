// "Lost mode" on the incident message: refused at once if the device cannot have it (an
// unsupervised iPhone), else a modal prefilled with the lock-screen text and the reporter's phone.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../app.js";
import { lostModeModal } from "../../blocks/command-modals.js";
import { commandErrorText, ephemeral, parseTarget } from "../../command-replies.js";
import { localeFor } from "../../locale.js";

export function lostModeEnable(deps: SlackDeps) {
  return async ({ ack, body, action, respond, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const locale = await localeFor(deps, body.user.id);
    const target = parseTarget(action.value);
    if (!target?.d) return void (await ephemeral(respond, t(locale, "commands.ephemeral.bad_button")));
    try {
      const actor = await deps.core.actors.fromSlack(body.user.id);
      const device = await deps.core.commands.check(actor, { deviceId: target.d, type: "ENABLE_LOST_MODE", reportId: target.r ?? null });
      const report = target.r ? await deps.core.deps.db.lossReport.findUnique({ where: { id: target.r }, select: { contactPhone: true } }) : null;
      await client.views.open({
        trigger_id: body.trigger_id,
        view: lostModeModal({ ctx: { r: target.r, d: device.id, ch: body.channel?.id }, deviceName: device.name, phone: report?.contactPhone ?? null, locale }) as never,
      });
    } catch (err) {
      await ephemeral(respond, commandErrorText(err, locale));
    }
  };
}
