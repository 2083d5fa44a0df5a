// The second administrator approves a pending wipe. The core refuses the requester themself
// (two different people), anyone not allowed on the device, and a wipe already decided.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../app.js";
import { commandErrorText, ephemeral, parseTarget } from "../../command-replies.js";
import { localeFor } from "../../locale.js";

export function wipeApprove(deps: SlackDeps) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const locale = await localeFor(deps, body.user.id);
    try {
      const commandId = await pendingWipeId(deps, action.value);
      if (!commandId) return void (await ephemeral(respond, t(locale, "commands.ephemeral.bad_button")));
      const actor = await deps.core.actors.fromSlack(body.user.id);
      const command = await deps.core.commands.approve(actor, commandId);
      const device = await deps.core.deps.db.device.findUnique({ where: { id: command.deviceId }, select: { name: true } });
      await ephemeral(respond, t(locale, "commands.ephemeral.approved", { name: device?.name ?? "" }));
    } catch (err) {
      await ephemeral(respond, commandErrorText(err, locale));
    }
  };
}

/** {"c": commandId}, or {"r","d"} as on the incident buttons: the device's wipe awaiting approval. */
export async function pendingWipeId(deps: SlackDeps, value: string | undefined): Promise<string | null> {
  const target = parseTarget(value);
  if (target?.c) return target.c;
  if (!target?.d) return null;
  const wipe = await deps.core.deps.db.command.findFirst({
    where: { deviceId: target.d, type: "ERASE_DEVICE", state: "AWAITING_APPROVAL" },
    select: { id: true },
  });
  return wipe?.id ?? null;
}
