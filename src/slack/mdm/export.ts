// /mdm export: the device inventory as a CSV file in the channel the command was typed in,
// headers in the reader's language and times in their time zone. Goes through the outbox like
// every post, so a Slack hiccup delays the file rather than losing it.
import { enqueue } from "../../core/outbox.js";
import { formatDateTime, t } from "../../i18n/index.js";
import { spreadsheetTime } from "../../core/inventory/export.js";
import { readerFor } from "../locale.js";
import type { MdmSubcommand } from "./index.js";

export const exportInventory: MdmSubcommand = {
  name: "export",
  aliases: ["csv"],
  usageKey: "mdm.help.export",
  async run(c) {
    const reader = await readerFor(c.deps, c.command.user_id);
    const { csv, count } = await c.deps.core.inventory.exportCsv(c.actor, reader);
    const now = c.deps.core.deps.clock.now();
    const day = spreadsheetTime(now, reader.timeZone).slice(0, 10);
    await enqueue(c.deps.core.deps.db, {
      method: "files.uploadV2",
      payload: {
        channel_id: c.command.channel_id,
        filename: `device-inventory-${day}.csv`,
        title: t(c.locale, "admin.export.title", { at: formatDateTime(now, c.locale, reader.timeZone) }),
        initial_comment: t(c.locale, "admin.export.comment", { n: count, user: `<@${c.command.user_id}>` }),
        content: Buffer.from(csv, "utf8").toString("base64"),
      },
    });
    await c.respond({ response_type: "ephemeral", text: t(c.locale, "admin.export.queued", { n: count }) });
  },
};
