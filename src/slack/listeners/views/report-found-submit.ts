// The closing modal submitted: the report is closed as found, dismissed or wiped (as the button
// chose), and lost mode ends on the devices left ticked.
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { CLOSED_REPLY } from "../actions/report-close.js";
import { commandModal, selectedValues } from "./command-modal-support.js";

export const reportFoundSubmitted = (deps: SlackDeps) =>
  commandModal(deps, async ({ ctx, actor, locale, values }) => {
    const outcome = ctx.o === "DISMISSED" || ctx.o === "CLOSED" ? ctx.o : "FOUND";
    const done = await deps.core.commands.resolveReport(actor, ctx.r ?? "", outcome, {
      disableLostModeOn: selectedValues(values, "disable"),
    });
    return t(locale, CLOSED_REPLY[outcome], { reference: done.reference });
  });
