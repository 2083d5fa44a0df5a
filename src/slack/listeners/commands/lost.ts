// /lost: anyone opens the loss-report modal. Ack first (the trigger id is valid 3 seconds and
// Slack wants its answer sooner), then open the view.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { replyWithError } from "../../errors.js";
import { localeFor } from "../../locale.js";
import { openLostReportModal } from "../views/lost-report.js";

export function lostCommand(deps: SlackDeps) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    try {
      await openLostReportModal(deps, client, command.trigger_id, command.user_id);
    } catch (err) {
      await replyWithError(respond, err, await localeFor(deps, command.user_id));
    }
  };
}
