// /mdm byod <serial|UDID|IMEI> on|off: mark a device as the employee's own (BYOD). The core then
// turns its wipe into "remove company data" and asks the owner before any full reset.
import { t } from "../../i18n/index.js";
import { escapeMrkdwn } from "../blocks/kit.js";
import type { MdmSubcommand } from "./subcommand.js";
import { badUsage } from "./usage.js";

export const byod: MdmSubcommand = {
  name: "byod",
  usageKey: "mdm.help.byod",
  async run(c) {
    const [ref, word] = c.args;
    const on = word?.toLowerCase() === "on" ? true : word?.toLowerCase() === "off" ? false : null;
    if (!ref || on === null) return badUsage(c, "mdm.help.byod");
    const device = await c.deps.core.personal.setByod(c.actor, ref, on);
    await c.respond({
      response_type: "ephemeral",
      text: t(c.locale, on ? "personal.byod.on" : "personal.byod.off", { name: escapeMrkdwn(device.name) }),
    });
  },
};
