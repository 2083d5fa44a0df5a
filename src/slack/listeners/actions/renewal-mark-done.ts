// "Renewed — enter the new date" on a reminder: nothing changes on the click; it opens the form
// that asks for the new deadline (the Gmail: the sign-in day) and is the confirmation itself.
import type { SlackDeps } from "../../deps.js";
import { button } from "../../button.js";
import { openMarkRenewed } from "../views/renewal-mark-renewed.js";

export const renewalMarkDone = (deps: SlackDeps) =>
  button(deps, async ({ actor, locale, value, args: { body, client } }) => {
    await openMarkRenewed(deps, {
      actor,
      locale,
      renewalId: value,
      triggerId: body.trigger_id,
      channel: body.channel?.id ?? null,
      client,
    });
    return null;
  });
