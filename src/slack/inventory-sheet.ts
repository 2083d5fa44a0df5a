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
  const { locale, timeZone } = reader;
  const yesNo = (b: boolean) => t(locale, b ? "incident.yes" : "incident.no");
  const header = EXPORT_COLUMNS.map((c) =>
    c === "lastCheckIn" ? `${t(locale, "csv.col.lastCheckIn")} (${timeZone})` : t(locale, `csv.col.${c}`),
  );
  const rows = devices.map((d) => {
    const cell: Record<ExportColumn, unknown> = {
      ...d,
      supervised: yesNo(d.supervised),
      ade: yesNo(d.ade),
      byod: yesNo(d.byod),
      state: t(locale, `incident.state.${d.state}`),
      lastCheckIn: d.lastCheckIn ? spreadsheetTime(d.lastCheckIn, timeZone) : "",
    };
    return EXPORT_COLUMNS.map((c) => cell[c]);
  });
  return toCsv([header, ...rows]);
}
