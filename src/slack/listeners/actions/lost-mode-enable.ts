// "Lost mode" on the incident message: refused at once if the device cannot have it (an
// unsupervised iPhone), else a modal prefilled with the lock-screen text and the reporter's phone.
import type { SlackDeps } from "../../deps.js";
import { lostModeModal } from "../../blocks/command-modals.js";
import { incidentButton } from "../../command-replies.js";

export const lostModeEnable = (deps: SlackDeps) =>
  incidentButton(deps, "d", async ({ target, actor, locale, args: { body, client } }) => {
    const device = await deps.core.commands.check(actor, { deviceId: target.d!, type: "ENABLE_LOST_MODE", reportId: target.r ?? null });
    const report = target.r ? await deps.core.deps.db.lossReport.findUnique({ where: { id: target.r }, select: { contactPhone: true } }) : null;
    const ctx = { r: target.r, d: device.id, ch: body.channel?.id };
    await client.views.open({ trigger_id: body.trigger_id, view: lostModeModal({ ctx, deviceName: device.name, phone: report?.contactPhone ?? null, locale }) as never });
    return null;
  });
