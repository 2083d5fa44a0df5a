// /mdm lang ja|en|auto [time zone]: the language (and time zone) the bot uses with you.
// Anyone may set their own; "auto" follows Slack's setting again.
import { isTimeZone } from "../../lib/time-zone.js";
import { t, type Locale } from "../../i18n/index.js";
import { forgetProfile, readerFor, slackProfile } from "../locale.js";
import type { MdmSubcommand } from "./subcommand.js";
import { badUsage } from "./usage.js";

export const lang: MdmSubcommand = {
  name: "lang",
  aliases: ["language", "tz"],
  usageKey: "mdm.help.lang",
  audience: "everyone",
  async run(c) {
    const [first, second] = c.args;
    const choice = first?.toLowerCase();
    let locale: Locale | null | undefined;
    let timeZone: string | undefined;
    if (choice === "ja" || choice === "en") locale = choice;
    else if (choice === "auto") locale = null;
    else if (first && isTimeZone(first) && first.includes("/")) timeZone = first;
    else return badUsage(c, "mdm.help.lang");
    if (second) {
      if (!isTimeZone(second)) return badUsage(c, "mdm.help.lang", t(c.locale, "admin.lang.badZone", { zone: second }));
      timeZone = second;
    }
    const profile = await slackProfile(c.deps, c.command.user_id);
    await c.deps.core.preferences.set(c.actor, { locale, timeZone }, profile);
    forgetProfile(c.deps, c.command.user_id);
    const reader = await readerFor(c.deps, c.command.user_id);
    await c.respond({
      response_type: "ephemeral",
      text: t(reader.locale, "admin.lang.done", {
        language: t(reader.locale, `admin.lang.${reader.locale}`),
        zone: reader.timeZone,
      }),
    });
  },
};
