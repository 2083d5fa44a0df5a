// /mdm case LR-2026-0001: the report's case record as PDF and CSV — into the admin channel when
// typed there, else into the reader's direct messages (it holds personal data).
import { NotFoundError } from "../../core/errors.js";
import { t } from "../../i18n/index.js";
import { destination } from "./export.js";
import type { MdmSubcommand } from "./subcommand.js";

export const caseRecord: MdmSubcommand = {
  name: "case",
  aliases: ["record", "事故報告書"],
  usageKey: "mdm.help.case",
  async run(c) {
    const [reference] = c.args;
    if (!reference) return void (await c.respond({ response_type: "ephemeral", text: t(c.locale, "case.usage") }));
    c.deps.core.actors.requireAdmin(c.actor);
    const { channel, moved } = await destination(c);
    try {
      const out = await c.deps.core.cases.export(c.actor, reference, { channel });
      await c.respond({
        response_type: "ephemeral",
        text: t(c.locale, moved ? "case.queued_dm" : "case.queued", { reference: out.reference }),
      });
    } catch (err) {
      if (err instanceof NotFoundError)
        return void (await c.respond({
          response_type: "ephemeral",
          text: `:warning: ${t(c.locale, "case.not_found", { reference: reference.toUpperCase() })}`,
        }));
      throw err;
    }
  },
};
