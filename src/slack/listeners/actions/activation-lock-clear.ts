// "Clear Activation Lock" on the card of a recovered, wiped Apple device: asks for Apple's
// escrow-key unlock with the escrowed bypass code. A second administrator must approve (the
// approval post in the thread); the core refuses a device not wiped, not recovered, or without a code.
import type { SlackDeps } from "../../deps.js";
import { incidentButton, queuedText } from "../../command-replies.js";

export const activationLockClear = (deps: SlackDeps) =>
  incidentButton(deps, "d", async ({ target, actor, locale }) => {
    const command = await deps.core.commands.request(actor, {
      deviceId: target.d!,
      type: "CLEAR_ACTIVATION_LOCK",
      reportId: target.r ?? null,
    });
    return queuedText(deps, command.deviceId, command.type, command.state, locale);
  });
