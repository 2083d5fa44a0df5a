// "Lock" on the incident message: a modal that says plainly a lock protects nothing without a
// passcode (and what the device last reported), then queues DeviceLock on submit.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../app.js";
import { lockModal } from "../../blocks/command-modals.js";
import { commandErrorText, ephemeral, parseTarget } from "../../command-replies.js";
import { localeFor } from "../../locale.js";

export function deviceLock(deps: SlackDeps) {
  return async ({ ack, body, action, respond, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const locale = await localeFor(deps, body.user.id);
    const target = parseTarget(action.value);
    if (!target?.d) return void (await ephemeral(respond, t(locale, "commands.ephemeral.bad_button")));
    try {
      const actor = await deps.core.actors.fromSlack(body.user.id);
      const device = await deps.core.commands.check(actor, { deviceId: target.d, type: "DEVICE_LOCK", reportId: target.r ?? null });
      await client.views.open({
        trigger_id: body.trigger_id,
        view: lockModal({ ctx: { r: target.r, d: device.id, ch: body.channel?.id }, deviceName: device.name, passcodePresent: device.passcodePresent, locale }) as never,
      });
    } catch (err) {
      await ephemeral(respond, commandErrorText(err, locale));
    }
  };
}
