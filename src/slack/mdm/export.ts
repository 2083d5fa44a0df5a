// /mdm export: the device inventory as a CSV file, headers in the reader's language and times in
// their time zone. It holds phone numbers and e-mail addresses, so it goes only where admins
// are: the admin channel or the reader's direct messages with the app — typed anywhere else, it
// is sent to their direct messages. Goes through the outbox like every post, so a Slack hiccup
// delays the file rather than losing it.
import { slackMention } from "../edge.js";
import { formatDateTime, t } from "../../i18n/index.js";
import type { InventoryRow } from "../../core/inventory/index.js";
import { inventorySheetChunks, spreadsheetTime } from "../inventory-sheet.js";
import type { MdmContext, MdmSubcommand } from "./subcommand.js";

/** Where the file may go: here when this is the admin channel or a DM, else the reader's DM. */
export async function destination(c: MdmContext): Promise<{ channel: string; moved: boolean }> {
  const here = c.command.channel_id;
  if (here === c.deps.config.SLACK_ADMIN_CHANNEL || here.startsWith("D")) return { channel: here, moved: false };
  const im = await c.client.conversations.open({ users: c.command.user_id });
  return { channel: im.channel!.id!, moved: true };
}

export const exportInventory: MdmSubcommand = {
  name: "export",
  aliases: ["csv"],
  usageKey: "mdm.help.export",
  async run(c) {
    const { reader } = c;
    // Read and written a page at a time; the file is whole only as the bytes Slack receives.
    const parts: Buffer[] = [];
    let count = 0;
    const pages = countRows(c.deps.core.inventory.exportPages(c.actor), (n) => (count += n));
    for await (const chunk of inventorySheetChunks(pages, reader)) parts.push(Buffer.from(chunk, "utf8"));
    const now = c.deps.core.clock.now();
    const day = spreadsheetTime(now, reader.timeZone).slice(0, 10);
    const { channel, moved } = await destination(c);
    await c.deps.core.outbox.queue({
      method: "files.uploadV2",
      payload: {
        channel_id: channel,
        filename: `device-inventory-${day}.csv`,
        title: t(c.locale, "admin.export.title", { at: formatDateTime(now, c.locale, reader.timeZone) }),
        initial_comment: t(c.locale, "admin.export.comment", { n: count, user: slackMention(c.command.user_id) }),
        content: Buffer.concat(parts).toString("base64"),
      },
    });
    await c.respond({
      response_type: "ephemeral",
      text: t(c.locale, moved ? "admin.export.toDm" : "admin.export.queued", { n: count }),
    });
  },
};

async function* countRows(pages: AsyncIterable<InventoryRow[]>, add: (n: number) => void) {
  for await (const page of pages) {
    add(page.length);
    yield page;
  }
}
