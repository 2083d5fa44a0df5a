// /mdm digest: post the digest to the admin channel now (system admins), or show and change its
// settings: owners' and department admins' own summaries, the no-response threshold per platform.
import type { Platform } from "../../core/types.js";
import { t } from "../../i18n/index.js";
import type { MdmContext, MdmSubcommand } from "./subcommand.js";

const PLATFORM_NAMES: Record<string, Platform> = {
  ios: "IOS",
  ipados: "IPADOS",
  macos: "MACOS",
  android: "ANDROID",
  windows: "WINDOWS",
};
const onOff = (v: string | undefined) => (v === "on" ? true : v === "off" ? false : undefined);

async function showSettings(c: MdmContext, prefix = "") {
  const s = await c.deps.core.digest.settings();
  const hours = Object.entries(s.noResponseHours)
    .map(([p, h]) => `${p} ${h}`)
    .join(", ");
  const yes = (b: boolean) => t(c.locale, b ? "mdm.on" : "mdm.off");
  await c.respond({
    response_type: "ephemeral",
    text:
      prefix +
      t(c.locale, "mdm.digest.settings", {
        cron: c.deps.config.DIGEST_CRON,
        tz: c.deps.config.DIGEST_TZ,
        hours,
        owners: yes(s.ownerSummaries),
        departments: yes(s.departmentAdminSummaries),
      }),
  });
}

export const digest: MdmSubcommand = {
  name: "digest",
  aliases: ["summary"],
  usageKey: "mdm.help.digest",
  async run(c) {
    const [sub, what, a, b] = c.args.map((x) => x.toLowerCase());
    const usage = () => c.respond({ response_type: "ephemeral", text: t(c.locale, "mdm.digest.usage") });
    if (!sub || sub === "now") {
      const d = await c.deps.core.digest.sendNow(c.actor);
      await c.respond({
        response_type: "ephemeral",
        text: t(c.locale, "mdm.digest.posted", { alerts: d.alertsTotal, noResponse: d.noResponse.length }),
      });
      return;
    }
    if (sub === "settings") {
      c.deps.core.actors.requireSystemAdmin(c.actor);
      return showSettings(c);
    }
    if (sub !== "set") return void (await usage());
    if ((what === "owners" || what === "departments") && onOff(a) !== undefined) {
      await c.deps.core.digest.updateSettings(
        c.actor,
        what === "owners" ? { ownerSummaries: onOff(a) } : { departmentAdminSummaries: onOff(a) },
      );
      return showSettings(c, `${t(c.locale, "mdm.digest.saved")}\n`);
    }
    if (what === "noresponse" && a && PLATFORM_NAMES[a] && b !== undefined && /^\d+$/.test(b)) {
      await c.deps.core.digest.updateSettings(c.actor, { noResponseHours: { [PLATFORM_NAMES[a]]: Number(b) } });
      return showSettings(c, `${t(c.locale, "mdm.digest.saved")}\n`);
    }
    await usage();
  },
};
