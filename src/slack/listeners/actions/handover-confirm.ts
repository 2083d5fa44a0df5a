// "Confirm" on a handover checklist item: recorded with who and when; the checklist redraws.
import type { SlackDeps } from "../../deps.js";
import { button } from "../../button.js";
import { handoverMessage } from "../../blocks/handover.js";

export const handoverConfirm = (deps: SlackDeps) =>
  button(deps, async ({ actor, reader, value }) => {
    await deps.core.handover.confirm(actor, value);
    const ctx = { ...reader, now: deps.core.clock.now() };
    return { ...handoverMessage(await deps.core.handover.checklist(), ctx), replaceOriginal: true };
  });
