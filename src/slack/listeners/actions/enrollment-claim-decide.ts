// An administrator of the device approves or refuses a re-enrolment claim; the core checks who
// may, records it in the audit log, and the message is replaced by the outcome.
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { button } from "../../button.js";

export const enrollmentClaimDecide = (deps: SlackDeps, approve: boolean) =>
  button(deps, async ({ actor, locale, value }) => {
    if (!/^[a-z0-9]{10,40}$/.test(value)) return t(locale, "commands.ephemeral.bad_button");
    await deps.core.agents.decideClaim(actor, value, approve);
    return t(locale, approve ? "enroll.claim.approved" : "enroll.claim.rejected");
  });
