// /mdm alerts <device>: the device's open alerts, each with a button to mark it resolved.
// /mdm alerts settings | set <type>|owners|departments on|off: where alerts go (system admins).
import { ALERT_TYPES, type AlertRoutingChange } from "../../core/alerts/index.js";
import { InvalidInputError } from "../../core/errors.js";
import { t } from "../../i18n/index.js";
import { alertRoutingText } from "../blocks/alert-routing.js";
import { deviceAlertsMessage } from "../blocks/device-alerts.js";
import type { MdmContext, MdmSubcommand } from "./subcommand.js";

const onOff = (v: string | undefined) => (v === "on" ? true : v === "off" ? false : undefined);

async function routing(c: MdmContext, change?: AlertRoutingChange) {
  const { core } = c.deps;
  core.actors.requireSystemAdmin(c.actor);
  try {
    const r = change ? await core.alertRouting.update(c.actor, change) : await core.alertRouting.get();
    const saved = change ? `${t(c.locale, "alerts.routing.saved")}\n` : "";
    await c.respond({ response_type: "ephemeral", text: saved + alertRoutingText(r, c.locale) });
  } catch (err) {
    const reason = err instanceof InvalidInputError ? err.details.reason : undefined;
    if (reason !== "digest_only" && reason !== "unknown_type") throw err;
    const type = String(err instanceof InvalidInputError ? err.details.type : "");
    await c.respond({
      response_type: "ephemeral",
      text: `:warning: ${t(c.locale, `alerts.routing.${reason}`, { type, types: ALERT_TYPES.join(", ") })}`,
    });
  }
}

export const alerts: MdmSubcommand = {
  name: "alerts",
  aliases: ["alert"],
  usageKey: "mdm.help.alerts",
  async run(c) {
    const [sub, what, value] = c.args.map((x) => x.toLowerCase());
    const usage = () => c.respond({ response_type: "ephemeral", text: t(c.locale, "mdm.alerts.usage") });
    if (!c.rawArgs) return void (await usage());
    if (sub === "settings" && c.args.length === 1) return routing(c);
    if (sub === "set" && c.args.length === 3) {
      const on = onOff(value);
      if (on === undefined || !what) return void (await usage());
      if (what === "owners") return routing(c, { owners: on });
      if (what === "departments") return routing(c, { departmentAdmins: on });
      return routing(c, { immediate: { [what]: on } });
    }
    const found = await c.deps.core.alerts.openForDevice(c.actor, c.rawArgs.replace(/^"|"$/g, ""));
    await c.respond({
      response_type: "ephemeral",
      ...deviceAlertsMessage(found, c.locale, c.deps.config.APP_TIMEZONE),
    });
  },
};
