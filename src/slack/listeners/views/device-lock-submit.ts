// The lock modal confirmed (after reading the passcode caveat): DeviceLock is queued, with the
// company's lock-screen message and help-desk number (Apple shows both on the locked screen).
import type { SlackDeps } from "../../deps.js";
import { queuedText } from "../../command-replies.js";
import { commandModal } from "./command-modal-support.js";

export const deviceLockSubmitted = (deps: SlackDeps) =>
  commandModal(deps, async ({ ctx, actor, locale }) => {
    const screen = await deps.core.companyContact.lockScreen(deps.config.APP_LOCALE);
    const params = { Message: screen.message, ...(screen.phone ? { PhoneNumber: screen.phone } : {}) };
    const command = await deps.core.commands.request(actor, {
      deviceId: ctx.d ?? "",
      type: "DEVICE_LOCK",
      reportId: ctx.r ?? null,
      params,
    });
    return queuedText(deps, command.deviceId, command.type, command.state, locale);
  });
