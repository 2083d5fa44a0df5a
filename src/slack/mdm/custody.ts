// /mdm custody: who holds each account the MDM depends on, with warnings about personal
// addresses. /mdm custody <contact|admin|push|abm|gmail> opens the form for that account
// (src/slack/listeners/views/custody-record.ts); it has no password field on purpose.
import type { AccountRole } from "../../core/types.js";
import { t } from "../../i18n/index.js";
import { custodyModal, custodyText } from "../blocks/custody.js";
import type { MdmSubcommand } from "./subcommand.js";

export function parseRole(word: string | undefined): AccountRole | null {
  switch ((word ?? "").toLowerCase()) {
    case "contact":
    case "panel_contact":
      return "PANEL_CONTACT";
    case "admin":
    case "system_admin":
    case "panel_system_admin":
      return "PANEL_SYSTEM_ADMIN";
    case "push":
    case "push_cert_apple_id":
    case "apns":
      return "PUSH_CERT_APPLE_ID";
    case "abm":
    case "asm":
    case "abm_apple_id":
      return "ABM_APPLE_ID";
    case "gmail":
    case "android":
    case "android_enterprise_gmail":
      return "ANDROID_ENTERPRISE_GMAIL";
    default:
      return null;
  }
}

export const custody: MdmSubcommand = {
  name: "custody",
  usageKey: "mdm.help.custody",
  async run(c) {
    const core = c.deps.core;
    const [word] = c.args;
    if (!word) {
      core.actors.requireAdmin(c.actor);
      const entries = await core.custody.list();
      await c.respond({
        response_type: "ephemeral",
        text: custodyText(entries, { locale: c.locale, timeZone: c.deps.config.APP_TIMEZONE }),
      });
      return;
    }
    const role = parseRole(word);
    if (!role) return void (await c.respond({ response_type: "ephemeral", text: t(c.locale, "custody.usage") }));
    core.actors.requireSystemAdmin(c.actor);
    const existing = await core.custody.firstOfRole(role);
    await c.client.views.open({ trigger_id: c.command.trigger_id, view: custodyModal(c.locale, role, existing) });
  },
};
