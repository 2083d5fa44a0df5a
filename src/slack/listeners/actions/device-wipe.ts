// "Wipe" on the incident message, after Slack's confirmation dialog (which names the device and
// says whether it leaves management): records the first administrator's request with the safe
// erase defaults. The wipe is queued only when a second administrator approves it
// (wipe_approve); until then the requester may change Apple's erase options (wipe_options). A
// Mac's wipe carries a Find My PIN the app made up: the requester sees it here, once.
import type { SlackDeps } from "../../deps.js";
import { incidentButton, queuedText } from "../../command-replies.js";
import { findMyPinText, wipeRequestedBlocks } from "../../blocks/apple.js";
import { ERASE_OPTION_KEYS } from "../../../core/devices/erase-options.js";

export const deviceWipe = (deps: SlackDeps) =>
  incidentButton(deps, "d", async ({ target, actor, locale }) => {
    const command = await deps.core.commands.request(actor, {
      deviceId: target.d!,
      type: "ERASE_DEVICE",
      reportId: target.r ?? null,
    });
    let text = await queuedText(deps, command.deviceId, command.type, command.state, locale, command.params);
    if (command.findMyPinSealed) {
      const pin = await deps.core.commands.findMyPin(actor, command.id, "requested");
      const label = await deps.core.inventory.deviceLabel(command.deviceId);
      text = `${text}\n${findMyPinText(locale, pin, label?.name ?? "")}`;
    }
    // Apple's erase options only (a personal device's company-data removal has none).
    const options = ERASE_OPTION_KEYS.some((k) => k in (command.params as object));
    if (command.state !== "AWAITING_APPROVAL" || !options) return text;
    return { text, blocks: wipeRequestedBlocks({ text, commandId: command.id, hasOptions: true, locale }) };
  });
