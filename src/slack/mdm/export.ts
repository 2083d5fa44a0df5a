// /mdm export: the device inventory as a CSV file, headers in the reader's language and times in
// their time zone. It holds phone numbers and e-mail addresses, so it goes only where admins
// are: the admin channel or the reader's direct messages with the app — typed anywhere else, it
// is sent to their direct messages. Goes through the outbox like every post, so a Slack hiccup
// delays the file rather than losing it. The outbox row says whose sheet it is, not its bytes:
// the delivering worker writes the sheet from the database into a temporary file a page at a
// time and streams it to Slack (streamed-upload.ts), so neither the row nor any process holds a
// fleet's file whole.
import { slackMention } from "../edge.js";
import { formatDateTime, type Locale, t } from "../../i18n/index.js";
import type { Core } from "../../core/index.js";
import { inventorySheetChunks, spreadsheetTime } from "../inventory-sheet.js";
import type { MdmContext, MdmSubcommand } from "./subcommand.js";

/** Where the file may go: here when this is the admin channel or a DM, else the reader's DM. */
export async function destination(c: MdmContext): Promise<{ channel: string; moved: boolean }> {
  const here = c.command.channel_id;
  if (here === c.deps.config.SLACK_ADMIN_CHANNEL || here.startsWith("D")) return { channel: here, moved: false };
  const im = await c.client.conversations.open({ users: c.command.user_id });
  return { channel: im.channel!.id!, moved: true };
}

/** What the outbox row names for `/mdm export`'s file: whose scope, in whose words. */
export interface InventoryFileSource {
  kind: "inventory";
  /** The Slack user who asked: their admin scope is read again when the file is written. */
  user: string;
  locale: Locale;
  timeZone: string;
}

/** The sheet for an outbox row's source, written when the row is delivered. */
export async function* inventoryFile(core: Core, source: InventoryFileSource): AsyncIterable<string> {
  const actor = await core.actors.fromSlack(source.user);
  yield* inventorySheetChunks(core.inventory.exportPages(actor), source);
}

export const exportInventory: MdmSubcommand = {
  name: "export",
  aliases: ["csv"],
  usageKey: "mdm.help.export",
  async run(c) {
    const { reader } = c;
    const count = await c.deps.core.inventory.exportCount(c.actor);
    const now = c.deps.core.clock.now();
    const day = spreadsheetTime(now, reader.timeZone).slice(0, 10);
    const { channel, moved } = await destination(c);
    const source: InventoryFileSource = {
      kind: "inventory",
      user: c.command.user_id,
      locale: reader.locale,
      timeZone: reader.timeZone,
    };
    await c.deps.core.outbox.queue({
      method: "files.uploadExternal",
      payload: {
        source,
        channel_id: channel,
        filename: `device-inventory-${day}.csv`,
        title: t(c.locale, "admin.export.title", { at: formatDateTime(now, c.locale, reader.timeZone) }),
        initial_comment: t(c.locale, "admin.export.comment", { n: count, user: slackMention(c.command.user_id) }),
      },
    });
    await c.respond({
      response_type: "ephemeral",
      text: t(c.locale, moved ? "admin.export.toDm" : "admin.export.queued", { n: count }),
    });
  },
};
