// The "found" modal submitted: the report is closed as found and lost mode ends on the devices
// left ticked.
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { commandModal, selectedValues } from "./command-modal-support.js";

export const reportFoundSubmitted = (deps: SlackDeps) =>
  commandModal(deps, async ({ ctx, actor, locale, values }) => {
    const done = await deps.core.commands.resolveReport(actor, ctx.r ?? "", "FOUND", {
      disableLostModeOn: selectedValues(values, "disable"),
    });
    return t(locale, "commands.ephemeral.found", { reference: done.reference });
  });
