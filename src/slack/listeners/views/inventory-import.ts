// The pasted inventory CSV submitted: import it all, or keep the modal open with every bad line
// listed under the field so the admin can fix the text and submit again.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
import { InventoryImportError } from "../../../core/inventory/index.js";
import { clip } from "../../blocks/device-card.js";
import { IMPORT_ACTION_ID, IMPORT_BLOCK_ID, importErrorsText, importResultView } from "../../blocks/inventory-import.js";
import type { SlackDeps } from "../../app.js";
import { errorText } from "../../errors.js";
import { localeFor } from "../../locale.js";

export function inventoryImportSubmitted(deps: SlackDeps) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const locale = await localeFor(deps, body.user.id);
    const text = view.state.values[IMPORT_BLOCK_ID]?.[IMPORT_ACTION_ID]?.value ?? "";
    const fieldError = (message: string) => ack({ response_action: "errors", errors: { [IMPORT_BLOCK_ID]: clip(message, 2000) } });
    try {
      const actor = await deps.core.actors.fromSlack(body.user.id);
      const summary = await deps.core.inventory.importCsv(actor, text);
      await ack({ response_action: "update", view: importResultView(summary, locale) as never });
    } catch (err) {
      if (err instanceof InventoryImportError) return fieldError(importErrorsText(err.errors, locale));
      await fieldError(errorText(err, locale));
    }
  };
}
