// /mdm alerts <device>: the device's open alerts, each with a button to mark it resolved.
import { t } from "../../i18n/index.js";
import { deviceAlertsMessage } from "../blocks/device-alerts.js";
import type { MdmSubcommand } from "./subcommand.js";

export const alerts: MdmSubcommand = {
  name: "alerts",
  aliases: ["alert"],
  usageKey: "mdm.help.alerts",
  async run(c) {
    if (!c.rawArgs) {
      await c.respond({ response_type: "ephemeral", text: t(c.locale, "mdm.alerts.usage") });
      return;
    }
    const found = await c.deps.core.alerts.openForDevice(c.actor, c.rawArgs.replace(/^"|"$/g, ""));
    await c.respond({
      response_type: "ephemeral",
      ...deviceAlertsMessage(found, c.locale, c.deps.config.APP_TIMEZONE),
    });
  },
};
