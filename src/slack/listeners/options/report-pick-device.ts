// The incident's device picker type-ahead (block_suggestion): Slack waits for these options
// (3 seconds), so this is one core query per keystroke. Only devices the clicker may act on.
import type { AllMiddlewareArgs, BlockSuggestion, SlackOptionsMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { PICK_BLOCK_PREFIX, pickerOption } from "../../blocks/incident.js";
import { whoIsActing } from "../../locale.js";
import { log } from "../../../log.js";

export function reportPickDeviceOptions(deps: SlackDeps) {
  return async ({ ack, body }: SlackOptionsMiddlewareArgs<"block_suggestion"> & AllMiddlewareArgs) => {
    const suggestion = body as BlockSuggestion;
    const reportId = suggestion.block_id.startsWith(PICK_BLOCK_PREFIX)
      ? suggestion.block_id.slice(PICK_BLOCK_PREFIX.length)
      : "";
    try {
      const { actor, reader } = await whoIsActing(deps, suggestion.user.id);
      if (!reportId || !deps.core.actors.isAdmin(actor)) return void (await ack({ options: [] }));
      const devices = await deps.core.inventory.pickable(actor, suggestion.value ?? "", reportId);
      await ack({ options: devices.map((d) => pickerOption(reportId, d, reader.locale)) as never });
    } catch (err) {
      log.warn("device picker options failed", { err: (err as Error).message });
      await ack({ options: [] });
    }
  };
}
