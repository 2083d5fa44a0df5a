// "Show" next to a device in a search result or the open-reports list: its card, just for you.
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { button } from "../../button.js";
import { deviceCardBlocks } from "../../blocks/device-card.js";
import { escapeMrkdwn } from "../../blocks/kit.js";

export const deviceShow = (deps: SlackDeps) =>
  button(deps, async ({ actor, reader, value }) => {
    const detail = await deps.core.inventory.device(actor, value);
    return {
      text: t(reader.locale, "admin.device.cardText", { name: escapeMrkdwn(detail.name) }),
      blocks: deviceCardBlocks(detail, { ...reader, now: deps.core.clock.now() }),
    };
  });
