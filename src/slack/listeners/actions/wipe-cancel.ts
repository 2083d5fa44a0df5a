// Withdraws a wipe request before a second administrator approved it.
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { deviceNameText, incidentButton } from "../../command-replies.js";
import { pendingWipeId } from "./wipe-approve.js";

export const wipeCancel = (deps: SlackDeps) =>
  incidentButton(deps, "any", async ({ target, actor, locale }) => {
    const commandId = await pendingWipeId(deps, target);
    if (!commandId) return t(locale, "commands.ephemeral.bad_button");
    const command = await deps.core.commands.cancel(actor, commandId);
    return t(locale, "commands.ephemeral.cancelled", {
      type: t(locale, "command.type.ERASE_DEVICE"),
      name: await deviceNameText(deps, command.deviceId),
    });
  });
