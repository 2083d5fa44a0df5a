// A second system administrator applies a proposed response-policy change; the core refuses
// the proposer themself and anyone who is not a system administrator.
import { policyChangeSchema } from "../../../core/brake/policy.js";
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { changeText } from "../../blocks/brake.js";
import { button } from "../../button.js";
import { policyChangeId } from "./policy-change-withdraw.js";

export const policyChangeApprove = (deps: SlackDeps) =>
  button(deps, async ({ actor, locale, value }) => {
    const id = policyChangeId(value);
    if (!id) return t(locale, "commands.ephemeral.bad_button");
    const { change } = await deps.core.brake.approve(actor, id);
    return t(locale, "brake.policy.applied_ephemeral", {
      change: changeText(policyChangeSchema.parse(change.change), locale),
    });
  });
