// The lock modal confirmed (after reading the passcode caveat): DeviceLock is queued.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { SlackDeps } from "../../app.js";
import { commandErrorText, queuedText } from "../../command-replies.js";
import { localeFor } from "../../locale.js";
import { modalContext, tellAdmin } from "./command-modal-support.js";

export function deviceLockSubmitted(deps: SlackDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    await ack();
    const locale = await localeFor(deps, body.user.id);
    const ctx = modalContext(view.private_metadata);
    if (!ctx.d) return;
    try {
      const actor = await deps.core.actors.fromSlack(body.user.id);
      const command = await deps.core.commands.request(actor, { deviceId: ctx.d, type: "DEVICE_LOCK", reportId: ctx.r ?? null });
      await tellAdmin(client, ctx, body.user.id, await queuedText(deps, command.deviceId, command.type, command.state, locale));
    } catch (err) {
      await tellAdmin(client, ctx, body.user.id, commandErrorText(err, locale));
    }
  };
}
