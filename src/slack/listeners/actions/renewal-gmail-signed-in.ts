// "I signed in today" on an Android Enterprise Gmail reminder: records the sign-in with who
// clicked, moving the deadline a full policy period on (the admin channel hears it too).
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { formatDate, t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../app.js";
import { replyWithError } from "../../errors.js";
import { localeFor } from "../../locale.js";

export function renewalGmailSignedIn(deps: SlackDeps) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const locale = await localeFor(deps, body.user.id);
    try {
      const actor = await deps.core.actors.fromSlack(body.user.id);
      const r = await deps.core.renewals.confirmGmailSignIn(actor, action.value ?? "");
      await respond({ response_type: "ephemeral", replace_original: false, text: t(locale, "renewal.gmail.signed_in_ack", { deadline: formatDate(r.expiresAt!, locale, deps.config.APP_TIMEZONE) }) });
    } catch (err) {
      await replyWithError(respond, err, locale);
    }
  };
}
