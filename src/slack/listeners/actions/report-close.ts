// Closing a report from the incident message — found, no action needed, or after the device was
// wiped. When a device of the report is still in lost mode, a modal offers to end lost mode in
// the same step (a dismissed report must not leave a phone locked with nothing left to click);
// otherwise the report closes at once.
import { t, type MessageKey } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { foundModal, type Closing } from "../../blocks/command-modals.js";
import { incidentButton } from "../../command-replies.js";

export const CLOSED_REPLY: Record<Closing, MessageKey> = {
  FOUND: "commands.ephemeral.found",
  DISMISSED: "commands.ephemeral.dismissed",
  CLOSED: "commands.ephemeral.closed_wiped",
};

export const reportClose = (deps: SlackDeps, outcome: Closing) =>
  incidentButton(deps, "r", async ({ target, actor, locale, args: { body, client } }) => {
    const report = await deps.core.commands.checkResolve(actor, target.r!);
    const inLostMode = report.devices.map((x) => x.device).filter((d) => d.state === "LOST_MODE");
    if (inLostMode.length) {
      const ctx = { r: report.id, ch: body.channel?.id, o: outcome };
      await client.views.open({
        trigger_id: body.trigger_id,
        view: foundModal({ ctx, reference: report.reference, lostModeDevices: inLostMode, locale }) as never,
      });
      return null;
    }
    const done = await deps.core.commands.resolveReport(actor, report.id, outcome);
    return t(locale, CLOSED_REPLY[outcome], { reference: done.reference });
  });
