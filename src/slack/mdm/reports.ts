// /mdm reports: the loss reports still open, oldest first, each with a way to its device card.
import { t } from "../../i18n/index.js";
import { reportListBlocks } from "../blocks/report-list.js";
import type { MdmSubcommand } from "./subcommand.js";

export const reports: MdmSubcommand = {
  name: "reports",
  aliases: ["incidents"],
  usageKey: "mdm.help.reports",
  async run(c) {
    const open = await c.deps.core.inventory.openReports(c.actor);
    await c.respond({
      response_type: "ephemeral",
      text: t(c.locale, "admin.reports.title", { n: open.length }),
      blocks: reportListBlocks(open, { locale: c.locale, now: c.deps.core.clock.now() }) as never,
    });
  },
};
