// /mdm handover: the six-item checklist for a change of administrator (the vendor's column on handing over the administrator role 「管理者引き継ぎのポイント」), each item's
// state and what is missing, with a Confirm button on complete items.
//   handover policy <url>     link the internal lost-device policy document
//   handover confirm <item>   the same as the Confirm button
//   handover na <item>        not used here (no iOS / no ABM / no Android: the administrator handover column's footnotes)
import { t } from "../../i18n/index.js";
import { handoverMessage } from "../blocks/handover.js";
import { refusalText } from "../button.js";
import type { MdmSubcommand } from "./subcommand.js";

export const handover: MdmSubcommand = {
  name: "handover",
  usageKey: "mdm.help.handover",
  async run(c) {
    const core = c.deps.core;
    const ctx = { locale: c.locale, timeZone: c.deps.config.APP_TIMEZONE, now: core.clock.now() };
    const [sub = "", arg] = c.args;
    if (sub.toLowerCase() === "policy" && arg) {
      await core.handover.setPolicyUrl(c.actor, arg.replace(/^<|>$/g, "").split("|")[0]!);
      await c.respond({ response_type: "ephemeral", text: t(c.locale, "handover.policy_saved") });
      return;
    }
    if (sub.toLowerCase() === "confirm" && arg) {
      await core.handover.confirm(c.actor, arg);
    } else if (/^(na|n\/a|unused)$/i.test(sub) && arg) {
      try {
        await core.handover.markNotApplicable(c.actor, arg);
      } catch (err) {
        // The reason in the reader's words (devices that need the account are enrolled).
        return void (await c.respond({ response_type: "ephemeral", text: refusalText(err, c.locale) }));
      }
    } else {
      core.actors.requireAdmin(c.actor);
    }
    await c.respond({ response_type: "ephemeral", ...handoverMessage(await core.handover.checklist(), ctx) });
  },
};
