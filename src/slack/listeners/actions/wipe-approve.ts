// The second administrator approves a pending wipe. The core refuses the requester themself
// (two different people), anyone not allowed on the device, and a wipe already decided.
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { deviceNameText, incidentButton, type ButtonTarget } from "../../command-replies.js";
import { findMyPinText } from "../../blocks/apple.js";

export const wipeApprove = (deps: SlackDeps) =>
  incidentButton(deps, "any", async ({ target, actor, locale }) => {
    const commandId = await pendingWipeId(deps, target);
    if (!commandId) return t(locale, "commands.ephemeral.bad_button");
    const command = await deps.core.commands.approve(actor, commandId);
    const name = await deviceNameText(deps, command.deviceId);
    const type = t(locale, `command.type.${command.type}`);
    // A break-glass wipe waits for a second approver besides this one.
    if (command.state === "AWAITING_APPROVAL")
      return t(locale, "brake.ephemeral.approval_recorded", {
        name,
        type,
        given: 1,
        required: command.approvalsRequired,
      });
    const text =
      command.type !== "ERASE_DEVICE"
        ? t(locale, "brake.ephemeral.approved", { name, type })
        : t(locale, "commands.ephemeral.approved", { name });
    // The approving administrator learns the Mac's Find My PIN here, once.
    if (!command.findMyPinSealed) return text;
    const pin = await deps.core.commands.findMyPin(actor, command.id, "approved");
    return `${text}\n${findMyPinText(locale, pin, name)}`;
  });

/** {"c": commandId} on the approval post, or {"r","d"} as on the incident buttons: the device's wipe awaiting approval. */
export async function pendingWipeId(deps: SlackDeps, target: ButtonTarget): Promise<string | null> {
  if (target.c) return target.c;
  if (!target.d) return null;
  return deps.core.commands.pendingWipeFor(target.d);
}
