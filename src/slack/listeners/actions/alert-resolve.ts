// "Mark resolved" on an alert post or in /mdm alerts: the core checks the clicker may act on the
// device; the post itself is updated through the outbox (alert.resolved).
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../app.js";
import { replyWithError } from "../../errors.js";
import { localeFor } from "../../locale.js";

export function alertResolve(deps: SlackDeps) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const locale = await localeFor(deps, body.user.id);
    try {
      const actor = await deps.core.actors.fromSlack(body.user.id);
      await deps.core.alerts.resolve(actor, action.value ?? "");
      await respond({ response_type: "ephemeral", replace_original: false, text: t(locale, "alert.resolve.done") });
    } catch (err) {
      await replyWithError(respond, err, locale);
    }
  };
}
