// The inventory import modal and what it says afterwards: a summary, or every bad line by number.
import type { ImportSummary, LineError } from "../../core/inventory/index.js";
import { IMPORT_COLUMNS } from "../../core/inventory/columns.js";
import { t, textOr, type Locale } from "../../i18n/index.js";
import { clip } from "./kit.js";

export const IMPORT_CALLBACK_ID = "inventory_import";
export const IMPORT_BLOCK_ID = "inventory_csv";
export const IMPORT_ACTION_ID = "csv";
export const IMPORT_FILE_BLOCK_ID = "inventory_file";
export const IMPORT_FILE_ACTION_ID = "file";
/** How many bad lines a reply lists before saying "and N more". */
const SHOWN_ERRORS = 15;

export function importModal(locale: Locale): Record<string, unknown> {
  const headers = IMPORT_COLUMNS.map((c) => t(locale, `csv.col.${c}`)).join(",");
  return {
    type: "modal",
    callback_id: IMPORT_CALLBACK_ID,
    title: { type: "plain_text", text: clip(t(locale, "admin.import.modalTitle"), 24) },
    submit: { type: "plain_text", text: clip(t(locale, "admin.import.submit"), 24) },
    close: { type: "plain_text", text: clip(t(locale, "admin.import.cancel"), 24) },
    private_metadata: locale,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: t(locale, "admin.import.intro") } },
      { type: "context", elements: [{ type: "mrkdwn", text: clip("`" + headers + "`", 3000) }] },
      {
        type: "input",
        block_id: IMPORT_FILE_BLOCK_ID,
        optional: true,
        label: { type: "plain_text", text: t(locale, "admin.import.fileLabel") },
        element: { type: "file_input", action_id: IMPORT_FILE_ACTION_ID, filetypes: ["csv", "txt"], max_files: 1 },
      },
      {
        type: "input",
        block_id: IMPORT_BLOCK_ID,
        optional: true,
        label: { type: "plain_text", text: t(locale, "admin.import.label") },
        element: { type: "plain_text_input", action_id: IMPORT_ACTION_ID, multiline: true, max_length: 3000 },
      },
    ],
  };
}

export function lineErrorText(e: LineError, locale: Locale): string {
  const column = e.column ? t(locale, `csv.col.${e.column}`) : "";
  return t(locale, "admin.import.line", {
    line: e.line,
    problem: textOr(locale, `import.error.${e.code}`, `import.error.${e.code}`, {
      column,
      value: e.value ?? "",
      first: e.first ?? "",
    }),
  });
}

export function importErrorsText(errors: LineError[], locale: Locale, limit = SHOWN_ERRORS): string {
  const shown = errors.slice(0, limit).map((e) => `• ${lineErrorText(e, locale)}`);
  const more = errors.length > limit ? [t(locale, "admin.import.more", { n: errors.length - limit })] : [];
  return [t(locale, "admin.import.failed", { n: errors.length }), ...shown, ...more].join("\n");
}

export function importResultText(s: ImportSummary, locale: Locale): string {
  return t(locale, "admin.import.done", {
    lines: s.lines,
    peopleCreated: s.peopleCreated,
    peopleUpdated: s.peopleUpdated,
    devicesCreated: s.devicesCreated,
    devicesUpdated: s.devicesUpdated,
    departments: s.departmentsCreated,
  });
}

export function importResultView(s: ImportSummary, locale: Locale): Record<string, unknown> {
  return {
    type: "modal",
    title: { type: "plain_text", text: clip(t(locale, "admin.import.modalTitle"), 24) },
    close: { type: "plain_text", text: clip(t(locale, "admin.import.close"), 24) },
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: clip(`:white_check_mark: ${importResultText(s, locale)}`, 3000) },
      },
    ],
  };
}
