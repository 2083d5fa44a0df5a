// /mdm <subcommand> …: acks at once, then runs the subcommand found in src/slack/mdm/.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../app.js";
import { replyWithError } from "../../errors.js";
import { localeFor } from "../../locale.js";
import { findSubcommand, helpText, splitArgs } from "../../mdm/index.js";

export function mdmCommand(deps: SlackDeps) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const locale = await localeFor(deps, command.user_id);
    const [name = "help", ...args] = splitArgs(command.text);
    const sub = findSubcommand(name);
    if (!sub) {
      await respond({ response_type: "ephemeral", text: helpText(locale, name) });
      return;
    }
    try {
      const actor = await deps.core.actors.fromSlack(command.user_id);
      await sub.run({ args, rawArgs: command.text.trim().slice(name.length).trim(), actor, locale, respond, client, command, deps });
    } catch (err) {
      await replyWithError(respond, err, locale);
    }
  };
}
