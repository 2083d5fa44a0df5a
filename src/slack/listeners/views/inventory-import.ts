// The inventory import form submitted. Pasted CSV is imported at once, and bad lines are listed
// under the field so the admin can fix the text and submit again. A chosen file may take longer
// than Slack's 3 seconds to fetch, so the form closes first and the result (or every bad line by
// number) arrives as a direct message from the app.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { InventoryImportError } from "../../../core/inventory/index.js";
import { t, type Locale } from "../../../i18n/index.js";
import { log } from "../../../log.js";
import { clip } from "../../blocks/kit.js";
import {
  IMPORT_ACTION_ID,
  IMPORT_BLOCK_ID,
  IMPORT_FILE_ACTION_ID,
  IMPORT_FILE_BLOCK_ID,
  importErrorsText,
  importResultText,
  importResultView,
} from "../../blocks/inventory-import.js";
import type { SlackDeps } from "../../deps.js";
import { errorText } from "../../errors.js";
import { whoIsActing } from "../../locale.js";
import type { Actor } from "../../../core/actors.js";
import { downloadFailure, downloadSlackFile } from "./policy-import.js";

export function inventoryImportSubmitted(deps: SlackDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const user = body.user.id;
    const {
      actor,
      reader: { locale },
    } = await whoIsActing(deps, user);
    const values = view.state.values;
    const text = values[IMPORT_BLOCK_ID]?.[IMPORT_ACTION_ID]?.value?.trim() ?? "";
    const files =
      (values[IMPORT_FILE_BLOCK_ID]?.[IMPORT_FILE_ACTION_ID] as unknown as { files?: { id: string }[] } | undefined)
        ?.files ?? [];
    const fieldError = (message: string) =>
      ack({ response_action: "errors", errors: { [IMPORT_BLOCK_ID]: clip(message, 2000) } });
    if (files.length) {
      await ack();
      await importFile(deps, client, actor, user, files[0]!.id, locale);
      return;
    }
    if (!text) return fieldError(t(locale, "admin.import.nothing"));
    try {
      const summary = await deps.core.inventory.importCsv(actor, text);
      await ack({ response_action: "update", view: importResultView(summary, locale) as never });
    } catch (err) {
      if (err instanceof InventoryImportError) return fieldError(importErrorsText(err.errors, locale));
      await fieldError(errorText(err, locale));
    }
  };
}

async function importFile(
  deps: SlackDeps,
  client: WebClient,
  actor: Actor,
  user: string,
  fileId: string,
  locale: Locale,
): Promise<void> {
  let reply: string;
  try {
    deps.core.actors.requireSystemAdmin(actor);
    let content: string;
    try {
      content = await downloadSlackFile(client, deps.config.SLACK_BOT_TOKEN ?? "", fileId);
    } catch (err) {
      throw new DownloadFailed(downloadFailure(err, locale));
    }
    reply = `:white_check_mark: ${importResultText(await deps.core.inventory.importCsv(actor, content), locale)}`;
  } catch (err) {
    reply =
      err instanceof InventoryImportError
        ? importErrorsText(err.errors, locale, 50)
        : err instanceof DownloadFailed
          ? t(locale, "admin.import.download", { reason: err.message })
          : errorText(err, locale);
  }
  // Posting to the user's id lands in their direct messages with the app.
  await client.chat
    .postMessage({ channel: user, text: clip(reply, 39_000) })
    .catch((err) => log.warn("inventory import reply failed", { err }));
}

class DownloadFailed extends Error {}
