// "Found": when a device of the report is in lost mode, a modal offers to end lost mode too;
// otherwise the report is marked found at once.
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { foundModal } from "../../blocks/command-modals.js";
import { incidentButton } from "../../command-replies.js";

export const reportFound = (deps: SlackDeps) =>
  incidentButton(deps, "r", async ({ target, actor, locale, args: { body, client } }) => {
    const report = await deps.core.commands.checkResolve(actor, target.r!);
    const inLostMode = report.devices.map((x) => x.device).filter((d) => d.state === "LOST_MODE");
    if (inLostMode.length) {
      const ctx = { r: report.id, ch: body.channel?.id };
      await client.views.open({
        trigger_id: body.trigger_id,
        view: foundModal({ ctx, reference: report.reference, lostModeDevices: inLostMode, locale }) as never,
      });
      return null;
    }
    const done = await deps.core.commands.resolveReport(actor, report.id, "FOUND");
    return t(locale, "commands.ephemeral.found", { reference: done.reference });
  });
