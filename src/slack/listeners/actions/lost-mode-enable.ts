// "Lost mode" on the incident message: refused at once if the device cannot have it (an
// unsupervised iPhone), else a modal prefilled with the company's lock-screen message and help-desk
// number (/mdm company) — never the reporter's private number: the phone may be a thief's now.
import type { SlackDeps } from "../../deps.js";
import { lostModeModal } from "../../blocks/command-modals.js";
import { incidentButton } from "../../command-replies.js";

export const lostModeEnable = (deps: SlackDeps) =>
  incidentButton(deps, "d", async ({ target, actor, locale, args: { body, client } }) => {
    const device = await deps.core.commands.check(actor, {
      deviceId: target.d!,
      type: "ENABLE_LOST_MODE",
      reportId: target.r ?? null,
    });
    // The finder is a stranger in the company's country: the lock screen speaks APP_LOCALE.
    const screen = await deps.core.companyContact.lockScreen(deps.config.APP_LOCALE);
    const ctx = { r: target.r, d: device.id, ch: body.channel?.id };
    await client.views.open({
      trigger_id: body.trigger_id,
      view: lostModeModal({
        ctx,
        deviceName: device.name,
        message: screen.message,
        phone: screen.phone,
        locale,
      }) as never,
    });
    return null;
  });
