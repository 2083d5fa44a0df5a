// The App Home's "Report a lost device" button: the same modal as /lost and the shortcut.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { openReportFromAnywhere } from "../shortcuts/report-lost.js";

export function homeReportLost(deps: SlackDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    await openReportFromAnywhere(deps, client, body.trigger_id, body.user.id);
  };
}
