// The lock modal confirmed (after reading the passcode caveat): DeviceLock is queued, with the
// company's lock-screen message and help-desk number (Apple shows both on the locked screen).
import type { SlackDeps } from "../../deps.js";
import { queuedText } from "../../command-replies.js";
import { commandModal } from "./command-modal-support.js";
import { findMyPinText } from "../../blocks/apple.js";

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
    const text = await queuedText(deps, command.deviceId, command.type, command.state, locale);
    // A Mac's lock carries the Find My PIN the app made up: the requester reads it here, once.
    if (!command.findMyPinSealed) return text;
    const pin = await deps.core.commands.findMyPin(actor, command.id, "requested");
    const device = await deps.core.commands.eraseOrLockDevice(command.id);
    return `${text}\n${findMyPinText(locale, pin, device?.name ?? "")}`;
  });
