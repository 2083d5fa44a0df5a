// "Not used here" on an optional handover item (no iOS, no ABM, no Android): recorded with who
// and when; the checklist redraws.
import type { SlackDeps } from "../../deps.js";
import { button } from "../../button.js";
import { handoverMessage } from "../../blocks/handover.js";

export const handoverNotApplicable = (deps: SlackDeps) =>
  button(deps, async ({ actor, reader, value }) => {
    await deps.core.handover.markNotApplicable(actor, value);
    const ctx = { ...reader, now: deps.core.clock.now() };
    return { ...handoverMessage(await deps.core.handover.checklist(), ctx), replaceOriginal: true };
  });
