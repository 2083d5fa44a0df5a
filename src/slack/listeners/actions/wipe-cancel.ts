// Withdraws a wipe request before a second administrator approved it.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../app.js";
import { commandErrorText, ephemeral } from "../../command-replies.js";
import { localeFor } from "../../locale.js";
import { pendingWipeId } from "./wipe-approve.js";

export function wipeCancel(deps: SlackDeps) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const locale = await localeFor(deps, body.user.id);
    try {
      const commandId = await pendingWipeId(deps, action.value);
      if (!commandId) return void (await ephemeral(respond, t(locale, "commands.ephemeral.bad_button")));
      const actor = await deps.core.actors.fromSlack(body.user.id);
      const command = await deps.core.commands.cancel(actor, commandId);
      const device = await deps.core.deps.db.device.findUnique({ where: { id: command.deviceId }, select: { name: true } });
      await ephemeral(respond, t(locale, "commands.ephemeral.cancelled", { type: t(locale, "command.type.ERASE_DEVICE"), name: device?.name ?? "" }));
    } catch (err) {
      await ephemeral(respond, commandErrorText(err, locale));
    }
  };
}
