// The device picker on an incident message whose report named no device we could match: the
// admin says which device it is; the message re-renders with that device's buttons.
import type { AllMiddlewareArgs, BlockStaticSelectAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { parseTarget } from "../../command-replies.js";
import { answerClicker } from "../../button.js";
import { errorText } from "../../errors.js";
import { localeFor } from "../../locale.js";

export function reportPickDevice(deps: SlackDeps) {
  return async ({
    ack,
    body,
    action,
    respond,
    client,
  }: SlackActionMiddlewareArgs<BlockStaticSelectAction> & AllMiddlewareArgs) => {
    await ack();
    const target = parseTarget(action.selected_option?.value);
    if (!target?.r || !target.d) return;
    try {
      const actor = await deps.core.actors.fromSlack(body.user.id);
      await deps.core.reports.pickDevice(actor, target.r, target.d);
    } catch (err) {
      const text = errorText(err, await localeFor(deps, body.user.id));
      await answerClicker({ client, body, respond }, { text });
    }
  };
}
