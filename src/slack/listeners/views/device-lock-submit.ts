// The lock modal confirmed (after reading the passcode caveat): DeviceLock is queued.
import type { SlackDeps } from "../../deps.js";
import { queuedText } from "../../command-replies.js";
import { commandModal } from "./command-modal-support.js";

export const deviceLockSubmitted = (deps: SlackDeps) =>
  commandModal(deps, async ({ ctx, actor, locale }) => {
    const command = await deps.core.commands.request(actor, { deviceId: ctx.d ?? "", type: "DEVICE_LOCK", reportId: ctx.r ?? null });
    return queuedText(deps, command.deviceId, command.type, command.state, locale);
  });
