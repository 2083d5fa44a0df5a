// The first administrator asks to install a push certificate for another topic anyway; a second
// one must confirm it from the admin channel.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../app.js";
import { replyWithError } from "../../errors.js";
import { localeFor } from "../../locale.js";

export function certOverrideRequest(deps: SlackDeps) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const locale = await localeFor(deps, body.user.id);
    try {
      const actor = await deps.core.actors.fromSlack(body.user.id);
      await deps.core.pushCertificates.requestTopicOverride(actor, action.value ?? "");
      await respond({ response_type: "ephemeral", replace_original: false, text: t(locale, "cert.override.requested_ack") });
    } catch (err) {
      await replyWithError(respond, err, locale);
    }
  };
}
