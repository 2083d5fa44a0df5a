// "Confirm" on a handover checklist item: recorded with who and when; the checklist redraws.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../app.js";
import { handoverMessage } from "../../blocks/renewals.js";
import { replyWithError } from "../../errors.js";
import { localeFor } from "../../locale.js";

export function handoverConfirm(deps: SlackDeps) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const locale = await localeFor(deps, body.user.id);
    try {
      const actor = await deps.core.actors.fromSlack(body.user.id);
      await deps.core.handover.confirm(actor, action.value ?? "");
      const items = await deps.core.handover.checklist();
      const ctx = { locale, timeZone: deps.config.APP_TIMEZONE, now: deps.core.deps.clock.now() };
      await respond({ response_type: "ephemeral", replace_original: true, ...handoverMessage(items, ctx) });
    } catch (err) {
      await replyWithError(respond, err, locale);
    }
  };
}
