// The second administrator approves a command the response policy holds (lost mode, lock…): its
// own action id and wording, apart from the wipe's. The core refuses the requester themself.
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { deviceNameText, incidentButton } from "../../command-replies.js";

export const commandApprove = (deps: SlackDeps) =>
  incidentButton(deps, "c", async ({ target, actor, locale }) => {
    const command = await deps.core.commands.approve(actor, target.c!);
    const vars = {
      name: await deviceNameText(deps, command.deviceId),
      type: t(locale, `command.type.${command.type}`),
    };
    if (command.state === "AWAITING_APPROVAL")
      return t(locale, "brake.ephemeral.approval_recorded", {
        ...vars,
        given: 1,
        required: command.approvalsRequired,
      });
    return t(locale, "brake.ephemeral.approved", vars);
  });

/** Withdraws such a request before a second administrator approved it. */
export const commandCancel = (deps: SlackDeps) =>
  incidentButton(deps, "c", async ({ target, actor, locale }) => {
    const command = await deps.core.commands.cancel(actor, target.c!);
    return t(locale, "brake.ephemeral.cancelled", {
      type: t(locale, `command.type.${command.type}`),
      name: await deviceNameText(deps, command.deviceId),
    });
  });
