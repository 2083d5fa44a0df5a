// "Record checklist" in the incident thread: the form with the current answers.
import type { SlackDeps } from "../../deps.js";
import { checklistModal } from "../../blocks/checklist.js";
import { button } from "../../button.js";

export const checklistOpen = (deps: SlackDeps) =>
  button(deps, async ({ actor, locale, value, args: { body, client } }) => {
    deps.core.actors.requireAdmin(actor);
    const state = await deps.core.checklist.state(value);
    await client.views.open({ trigger_id: body.trigger_id, view: checklistModal(state, locale) as never });
    return null;
  });
