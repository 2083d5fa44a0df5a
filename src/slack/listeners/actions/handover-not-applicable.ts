// "Not used here" on an optional handover item (no iOS, no ABM, no Android): recorded with who
// and when; the checklist redraws.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../app.js";
import { handoverMessage } from "../../blocks/renewals.js";
import { replyWithError } from "../../errors.js";
import { localeFor } from "../../locale.js";

export function handoverNotApplicable(deps: SlackDeps) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const locale = await localeFor(deps, body.user.id);
    try {
      const actor = await deps.core.actors.fromSlack(body.user.id);
      await deps.core.handover.markNotApplicable(actor, action.value ?? "");
      const ctx = { locale, timeZone: deps.config.APP_TIMEZONE, now: deps.core.deps.clock.now() };
      await respond({ response_type: "ephemeral", replace_original: true, ...handoverMessage(await deps.core.handover.checklist(), ctx) });
    } catch (err) {
      await replyWithError(respond, err, locale);
    }
  };
}
