// /mdm <subcommand> …: acks at once, then runs the subcommand found in src/slack/mdm/.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { replyWithError } from "../../errors.js";
import { defaultReader, whoIsActing } from "../../locale.js";
import { findSubcommand, helpText, splitArgs } from "../../mdm/index.js";

export function mdmCommand(deps: SlackDeps) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    let reader = defaultReader(deps);
    try {
      const who = await whoIsActing(deps, command.user_id);
      reader = who.reader;
      const [name = "help", ...args] = splitArgs(command.text);
      const sub = findSubcommand(name);
      if (!sub)
        return void (await respond({ response_type: "ephemeral", text: helpText(reader.locale, name, who.actor) }));
      const rawArgs = command.text.trim().slice(name.length).trim();
      await sub.run({ args, rawArgs, actor: who.actor, reader, locale: reader.locale, respond, client, command, deps });
    } catch (err) {
      await replyWithError(respond, err, reader.locale);
    }
  };
}
