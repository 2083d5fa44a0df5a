// "Show" next to a device in a search result or the open-reports list: its card, just for you.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../app.js";
import { deviceCardBlocks } from "../../blocks/device-card.js";
import { replyWithError } from "../../errors.js";
import { readerFor } from "../../locale.js";

export function deviceShow(deps: SlackDeps) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const reader = await readerFor(deps, body.user.id);
    try {
      const actor = await deps.core.actors.fromSlack(body.user.id);
      const detail = await deps.core.inventory.device(actor, action.value ?? "");
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        text: t(reader.locale, "admin.device.cardText", { name: detail.name }),
        blocks: deviceCardBlocks(detail, { ...reader, now: deps.core.deps.clock.now() }) as never,
      });
    } catch (err) {
      await replyWithError(respond, err, reader.locale);
    }
  };
}
