// "Dismiss": the report needs no action (a false alarm). Pending commands are withdrawn.
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { incidentButton } from "../../command-replies.js";

export const reportDismiss = (deps: SlackDeps) =>
  incidentButton(deps, "r", async ({ target, actor, locale }) => {
    const done = await deps.core.commands.resolveReport(actor, target.r!, "DISMISSED");
    return t(locale, "commands.ephemeral.dismissed", { reference: done.reference });
  });
