// "Open device" on an alert post: the device's facts and all its open alerts, just for the clicker.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../app.js";
import { deviceAlertsMessage } from "../../blocks/device-alerts.js";
import { replyWithError } from "../../errors.js";
import { localeFor } from "../../locale.js";

export function alertOpenDevice(deps: SlackDeps) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const locale = await localeFor(deps, body.user.id);
    try {
      const actor = await deps.core.actors.fromSlack(body.user.id);
      const found = await deps.core.alerts.openForDevice(actor, action.value ?? "");
      await respond({ response_type: "ephemeral", replace_original: false, ...deviceAlertsMessage(found, locale, deps.config.APP_TIMEZONE) });
    } catch (err) {
      await replyWithError(respond, err, locale);
    }
  };
}
