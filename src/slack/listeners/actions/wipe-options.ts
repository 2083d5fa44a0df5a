// "Erase options…" on the requester's reply: Apple's EraseDevice options for the device's
// platform, prefilled with the wipe's current (safe default) choices, while it awaits approval.
import type { SlackDeps } from "../../deps.js";
import { incidentButton } from "../../command-replies.js";
import { eraseOptionsModal } from "../../blocks/apple.js";

export const wipeOptions = (deps: SlackDeps) =>
  incidentButton(deps, "any", async ({ target, actor, locale, args: { body, client } }) => {
    if (!target.c) return null;
    const o = await deps.core.commands.eraseOptionsOf(actor, target.c);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: eraseOptionsModal({ ...o, ch: body.channel?.id, locale }) as never,
    });
    return null;
  });
