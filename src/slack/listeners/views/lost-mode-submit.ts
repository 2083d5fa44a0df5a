// The lost-mode modal submitted: at least a message or a phone number (said in the modal,
// next to the field), then EnableLostMode is queued — it never expires.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../app.js";
import { commandErrorText, queuedText } from "../../command-replies.js";
import { localeFor } from "../../locale.js";
import { modalContext, tellAdmin, textValue } from "./command-modal-support.js";

export function lostModeSubmitted(deps: SlackDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const locale = await localeFor(deps, body.user.id);
    const values = view.state.values as never;
    const params = { Message: textValue(values, "message"), PhoneNumber: textValue(values, "phone"), Footnote: textValue(values, "footnote") };
    if (!params.Message && !params.PhoneNumber) {
      await ack({ response_action: "errors", errors: { message: t(locale, "commands.lost_mode.need_one") } });
      return;
    }
    await ack();
    const ctx = modalContext(view.private_metadata);
    if (!ctx.d) return;
    try {
      const actor = await deps.core.actors.fromSlack(body.user.id);
      const command = await deps.core.commands.request(actor, { deviceId: ctx.d, type: "ENABLE_LOST_MODE", reportId: ctx.r ?? null, params });
      await tellAdmin(client, ctx, body.user.id, await queuedText(deps, command.deviceId, command.type, command.state, locale));
    } catch (err) {
      await tellAdmin(client, ctx, body.user.id, commandErrorText(err, locale));
    }
  };
}
