// "Refresh" on the App Home, and the portal link button (Slack sends an action for link
// buttons too; it only needs an answer).
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { publishHome } from "../events/app-home-opened.js";

export function homeRefresh(deps: SlackDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    await publishHome(deps, client, body.user.id);
  };
}

export async function ackOnly({ ack }: SlackActionMiddlewareArgs & AllMiddlewareArgs) {
  await ack();
}
