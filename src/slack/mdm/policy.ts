// /mdm policy: the app usage policy as it stands. /mdm policy import allow|deny: a slash command
// cannot carry a file, so it opens a modal with a file input; the submitted file is read through
// files.info with the bot token (src/slack/listeners/views/policy-import.ts).
import { t } from "../../i18n/index.js";
import { policyImportModal, policyText } from "../blocks/policy.js";
import type { MdmSubcommand } from "./subcommand.js";

export const policy: MdmSubcommand = {
  name: "policy",
  usageKey: "mdm.help.policy",
  async run(c) {
    const [sub, mode] = c.args.map((a) => a.toLowerCase());
    if (!sub) {
      c.deps.core.actors.requireAdmin(c.actor);
      const p = await c.deps.core.appPolicy.get();
      await c.respond({ response_type: "ephemeral", text: policyText(p, c.locale, c.deps.config.APP_TIMEZONE) });
      return;
    }
    if (sub !== "import" || (mode !== undefined && mode !== "allow" && mode !== "deny")) {
      await c.respond({ response_type: "ephemeral", text: t(c.locale, "policy.usage") });
      return;
    }
    c.deps.core.actors.requireSystemAdmin(c.actor);
    const current = await c.deps.core.appPolicy.get();
    const chosen = mode === "allow" ? "ALLOW" : mode === "deny" ? "DENY" : current.mode;
    await c.client.views.open({ trigger_id: c.command.trigger_id, view: policyImportModal(c.locale, chosen) });
  },
};
