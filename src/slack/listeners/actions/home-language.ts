// The 日本語 / English buttons on the App Home: the person's own language, then the Home again.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { forgetProfile, slackProfile } from "../../locale.js";
import { log } from "../../../log.js";
import { publishHome } from "../events/app-home-opened.js";

export function homeLanguage(deps: SlackDeps) {
  return async ({ ack, body, action, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const locale = action.value === "en" ? "en" : "ja";
    try {
      const actor = await deps.core.actors.fromSlack(body.user.id);
      await deps.core.preferences.set(actor, { locale }, await slackProfile(deps, body.user.id));
      forgetProfile(deps, body.user.id);
    } catch (err) {
      log.warn("language change failed", { err: (err as Error).message });
    }
    await publishHome(deps, client, body.user.id);
  };
}
