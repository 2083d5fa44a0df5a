// "Full reset (owner's consent)" on a personal device's incident block, or in the thread once the
// owner allowed it. The core decides the step: ask the owner in Slack, say the answer is still
// awaited, or — consent recorded — request the full reset, which a second administrator approves.
import { formatDateTime, t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { deviceNameText, incidentButton, queuedText } from "../../command-replies.js";
import { slackMention } from "../../edge.js";

export const deviceFullReset = (deps: SlackDeps) =>
  incidentButton(deps, "d", async ({ target, actor, locale, reader }) => {
    const step = await deps.core.personal.fullReset(actor, { deviceId: target.d!, reportId: target.r ?? null });
    if (step.kind === "requested")
      return queuedText(deps, step.command.deviceId, "ERASE_DEVICE", step.command.state, locale, step.command.params);
    const owner = (await deps.core.people.byId(step.consent.ownerId))?.slackUserId;
    const vars = { name: await deviceNameText(deps, target.d!), owner: owner ? slackMention(owner) : "—" };
    if (step.kind === "waiting")
      return t(locale, "personal.consent.waiting", {
        ...vars,
        at: formatDateTime(step.consent.requestedAt, locale, reader.timeZone),
      });
    return t(locale, "personal.consent.asked", vars);
  });
