// /mdm company: the company's contact details (system administrators): the help-desk phone on a
// lost device's lock screen and the portal's pages, the organisation's name, the lock-screen
// message per language. `/mdm company` shows them; `default` puts a message back to ours.
import { DEFAULT_LOCK_MESSAGE } from "../../core/company-contact.js";
import { t } from "../../i18n/index.js";
import type { MdmContext, MdmSubcommand } from "./subcommand.js";

async function show(c: MdmContext, prefix = "") {
  c.deps.core.actors.requireSystemAdmin(c.actor);
  const s = await c.deps.core.companyContact.get();
  const none = t(c.locale, "company.none");
  const message = (l: "ja" | "en") =>
    s.lockMessage[l] ?? `${DEFAULT_LOCK_MESSAGE[l]} ${t(c.locale, "company.default")}`;
  await c.respond({
    response_type: "ephemeral",
    text:
      prefix +
      t(c.locale, "company.settings", {
        phone: s.helpDeskPhone ?? none,
        organisation: s.organisation ?? none,
        ja: message("ja"),
        en: message("en"),
      }),
  });
}

export const company: MdmSubcommand = {
  name: "company",
  aliases: ["contact"],
  usageKey: "mdm.help.company",
  audience: "system_admins",
  async run(c) {
    const [what, ...rest] = c.args;
    const value = c.rawArgs
      .trim()
      .slice((what ?? "").length)
      .trim();
    const saved = () => show(c, `${t(c.locale, "company.saved")}\n`);
    switch (what?.toLowerCase()) {
      case undefined:
        return show(c);
      case "phone":
        await c.deps.core.companyContact.set(c.actor, { helpDeskPhone: value === "-" ? null : value });
        return saved();
      case "name":
        await c.deps.core.companyContact.set(c.actor, { organisation: value === "-" ? null : value });
        return saved();
      case "message": {
        const lang = rest[0]?.toLowerCase();
        if (lang !== "ja" && lang !== "en") break;
        const text = value.slice(lang.length).trim();
        await c.deps.core.companyContact.set(c.actor, { lockMessage: { [lang]: text === "default" ? null : text } });
        return saved();
      }
    }
    await c.respond({ response_type: "ephemeral", text: t(c.locale, "company.usage") });
  },
};
