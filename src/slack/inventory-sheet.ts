// The inventory spreadsheet as the reader reads it: headers and yes/no in their language, times
// in their time zone in a form spreadsheets recognise as a date. The rows are the core's.
import type { InventoryRow } from "../core/inventory/index.js";
import { EXPORT_COLUMNS, type ExportColumn } from "../core/inventory/columns.js";
import { toCsv } from "../core/csv.js";
import { t } from "../i18n/index.js";
import { byMinute } from "../lib/by-minute.js";
import { wallClock } from "../lib/time-zone.js";
import type { Reader } from "./locale.js";

const two = (n: number) => String(n).padStart(2, "0");

/** "2026-11-20 09:00" in `timeZone`: sortable, and Excel reads it as a date. */
export function spreadsheetTime(d: Date, timeZone: string): string {
  const w = wallClock(d, timeZone);
  return `${w.y}-${two(w.mo)}-${two(w.d)} ${two(w.h)}:${two(w.mi)}`;
}

/**
 * The sheet as text chunks, one per page of devices, as the pages are read: what it is
 * written to (a file upload, an HTTP response) never waits for the whole fleet, and nothing
 * holds more than one page.
 */
export async function* inventorySheetChunks(pages: AsyncIterable<readonly InventoryRow[]>, reader: Reader) {
  const cells = rowCells(reader);
  yield toCsv([header(reader)]);
  for await (const page of pages) yield toCsv(page.map(cells), { bom: false });
}

function header({ locale, timeZone }: Reader): string[] {
  return EXPORT_COLUMNS.map((c) =>
    c === "lastCheckIn" ? `${t(locale, "csv.col.lastCheckIn")} (${timeZone})` : t(locale, `csv.col.${c}`),
  );
}

/** A device → its cells in column order, the reader's words looked up once per sheet rather than per cell. */
function rowCells({ locale, timeZone }: Reader): (d: InventoryRow) => unknown[] {
  const yes = t(locale, "incident.yes");
  const no = t(locale, "incident.no");
  const states = new Map<string, string>();
  const state = (s: InventoryRow["state"]) => {
    let text = states.get(s);
    if (text === undefined) {
      text = t(locale, `incident.state.${s}`);
      states.set(s, text);
    }
    return text;
  };
  // The sheet shows minutes, and a fleet's check-ins crowd into the same few hours.
  const time = byMinute((d: Date) => spreadsheetTime(d, timeZone), 100_000);
  // By column key, so a column added to the sheet cannot be left out or put in the wrong place.
  const cell: Record<ExportColumn, (d: InventoryRow) => unknown> = {
    deviceName: (d) => d.deviceName,
    platform: (d) => d.platform,
    model: (d) => d.model,
    serial: (d) => d.serial,
    udid: (d) => d.udid,
    imei: (d) => d.imei,
    phoneNumber: (d) => d.phoneNumber,
    ownerName: (d) => d.ownerName,
    ownerEmail: (d) => d.ownerEmail,
    department: (d) => d.department,
    supervised: (d) => (d.supervised ? yes : no),
    ade: (d) => (d.ade ? yes : no),
    byod: (d) => (d.byod ? yes : no),
    state: (d) => state(d.state),
    lastCheckIn: (d) => (d.lastCheckIn ? time(d.lastCheckIn) : ""),
    openAlerts: (d) => d.openAlerts,
  };
  const columns = EXPORT_COLUMNS.map((c) => cell[c]);
  return (d) => columns.map((get) => get(d));
}
