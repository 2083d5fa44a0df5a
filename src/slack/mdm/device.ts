// /mdm device <name|serial|UDID|IMEI|email>: one match shows its card, several a short list.
import { SEARCH_LIMIT } from "../../core/inventory/search.js";
import { t } from "../../i18n/index.js";
import { deviceCardBlocks, deviceChoiceBlocks } from "../blocks/device-card.js";
import { escapeMrkdwn } from "../blocks/kit.js";
import type { MdmSubcommand } from "./subcommand.js";
import { badUsage } from "./usage.js";

export const device: MdmSubcommand = {
  name: "device",
  aliases: ["devices", "find"],
  usageKey: "mdm.help.device",
  async run(c) {
    if (!c.rawArgs) return badUsage(c, "mdm.help.device");
    const found = await c.deps.core.inventory.search(c.actor, c.rawArgs);
    if (!found.length) {
      await c.respond({ response_type: "ephemeral", text: t(c.locale, "admin.device.none", { query: c.rawArgs }) });
      return;
    }
    if (found.length > 1) {
      const blocks = deviceChoiceBlocks(found, c.rawArgs, c.locale, SEARCH_LIMIT);
      await c.respond({
        response_type: "ephemeral",
        text: t(c.locale, "admin.device.many", { query: escapeMrkdwn(c.rawArgs), n: found.length }),
        blocks: blocks as never,
      });
      return;
    }
    const { reader } = c;
    const detail = await c.deps.core.inventory.device(c.actor, found[0]!.id);
    await c.respond({
      response_type: "ephemeral",
      text: t(c.locale, "admin.device.cardText", { name: escapeMrkdwn(detail.name) }),
      blocks: deviceCardBlocks(detail, { ...reader, now: c.deps.core.clock.now() }) as never,
    });
  },
};
