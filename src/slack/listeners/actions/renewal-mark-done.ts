// "Renewed" on a reminder: the renewal was done outside the app; its reminders stop until the
// deadline moves.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../app.js";
import { replyWithError } from "../../errors.js";
import { localeFor } from "../../locale.js";

export function renewalMarkDone(deps: SlackDeps) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const locale = await localeFor(deps, body.user.id);
    try {
      const actor = await deps.core.actors.fromSlack(body.user.id);
      const r = await deps.core.renewals.markDone(actor, action.value ?? "");
      await respond({ response_type: "ephemeral", replace_original: false, text: t(locale, "renewal.done_ack", { what: t(locale, `renewal.kind.${r.kind}`) }) });
    } catch (err) {
      await replyWithError(respond, err, locale);
    }
  };
}
