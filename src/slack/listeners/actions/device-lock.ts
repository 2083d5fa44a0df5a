// "Lock" on the incident message: a modal that says plainly a lock protects nothing without a
// passcode (and what the device last reported), then queues DeviceLock on submit.
import type { SlackDeps } from "../../deps.js";
import { lockModal } from "../../blocks/command-modals.js";
import { incidentButton } from "../../command-replies.js";
import { capability } from "../../../core/devices/capabilities.js";

export const deviceLock = (deps: SlackDeps) =>
  incidentButton(deps, "d", async ({ target, actor, locale, args: { body, client } }) => {
    const device = await deps.core.commands.check(actor, {
      deviceId: target.d!,
      type: "DEVICE_LOCK",
      reportId: target.r ?? null,
    });
    const ctx = { r: target.r, d: device.id, ch: body.channel?.id };
    await client.views.open({
      trigger_id: body.trigger_id,
      view: lockModal({
        ctx,
        deviceName: device.name,
        passcodePresent: device.passcodePresent,
        platform: device.platform,
        lostModePossible: capability(device, "lost_mode").allowed,
        locale,
      }) as never,
    });
    return null;
  });
