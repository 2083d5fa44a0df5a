// The inventory spreadsheet as the reader reads it: headers and yes/no in their language, times
// in their time zone in a form spreadsheets recognise as a date. The rows are the core's.
import type { InventoryRow } from "../core/inventory/index.js";
import { EXPORT_COLUMNS, type ExportColumn } from "../core/inventory/columns.js";
import { toCsv } from "../core/csv.js";
import { t } from "../i18n/index.js";
import type { Reader } from "./locale.js";

/** "2026-11-20 09:00" in `timeZone`: sortable, and Excel reads it as a date. */
export function spreadsheetTime(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).format(d);
}

export function inventorySheet(devices: readonly InventoryRow[], reader: Reader): string {
  return toCsv([header(reader), ...devices.map((d) => cells(d, reader))]);
}

/**
 * The same sheet as text chunks, one per page of devices, as the pages are read: what it is
 * written to (a file upload, an HTTP response) never waits for the whole fleet, and nothing
 * holds more than one page.
 */
export async function* inventorySheetChunks(pages: AsyncIterable<readonly InventoryRow[]>, reader: Reader) {
  yield toCsv([header(reader)]);
  for await (const page of pages)
    yield toCsv(
      page.map((d) => cells(d, reader)),
      { bom: false },
    );
}

function header({ locale, timeZone }: Reader): string[] {
  return EXPORT_COLUMNS.map((c) =>
    c === "lastCheckIn" ? `${t(locale, "csv.col.lastCheckIn")} (${timeZone})` : t(locale, `csv.col.${c}`),
  );
}

function cells(d: InventoryRow, { locale, timeZone }: Reader): unknown[] {
  const yesNo = (b: boolean) => t(locale, b ? "incident.yes" : "incident.no");
  const cell: Record<ExportColumn, unknown> = {
    ...d,
    supervised: yesNo(d.supervised),
    ade: yesNo(d.ade),
    byod: yesNo(d.byod),
    state: t(locale, `incident.state.${d.state}`),
    lastCheckIn: d.lastCheckIn ? spreadsheetTime(d.lastCheckIn, timeZone) : "",
  };
  return EXPORT_COLUMNS.map((c) => cell[c]);
}
