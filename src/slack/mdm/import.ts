// /mdm import: load people and devices from CSV. Without text it opens a modal to paste the
// file into (Slack caps a text field at 3000 characters; bigger files go through
// `npm run inventory:import`); with the CSV pasted after the command it imports at once.
import { InventoryImportError } from "../../core/inventory/index.js";
import { importErrorsText, importModal, importResultText } from "../blocks/inventory-import.js";
import type { MdmSubcommand } from "./subcommand.js";

export const importInventory: MdmSubcommand = {
  name: "import",
  usageKey: "mdm.help.import",
  async run(c) {
    c.deps.core.actors.requireSystemAdmin(c.actor);
    if (!c.rawArgs) {
      await c.client.views.open({ trigger_id: c.command.trigger_id, view: importModal(c.locale) as never });
      return;
    }
    try {
      const summary = await c.deps.core.inventory.importCsv(c.actor, c.rawArgs);
      await c.respond({ response_type: "ephemeral", text: importResultText(summary, c.locale) });
    } catch (err) {
      if (!(err instanceof InventoryImportError)) throw err;
      await c.respond({ response_type: "ephemeral", text: importErrorsText(err.errors, c.locale) });
    }
  },
};
