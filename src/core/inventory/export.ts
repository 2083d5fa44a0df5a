// The inventory spreadsheet: one row per device, headers and yes/no in the reader's language,
// times in the reader's time zone in a form spreadsheets recognise as a date.
import type { Db } from "../../db/client.js";
import { t, type Locale } from "../../i18n/index.js";
import type { Actor } from "../actors.js";
import { toCsv } from "./csv.js";
import { EXPORT_COLUMNS, PLATFORM_LABEL, type ExportColumn } from "./columns.js";
import { deviceScope } from "./scope.js";

export interface Reader {
  locale: Locale;
  timeZone: string;
}

/** "2026-11-20 09:00" in `timeZone`: sortable, and Excel reads it as a date. */
export function spreadsheetTime(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
  }).format(d);
}

export async function inventoryRows(db: Db, actor: Actor) {
  return db.device.findMany({
    where: deviceScope(actor),
    include: { owner: { include: { department: true } }, _count: { select: { alerts: { where: { resolvedAt: null } } } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

export function inventoryCsv(devices: Awaited<ReturnType<typeof inventoryRows>>, reader: Reader): string {
  const { locale, timeZone } = reader;
  const yesNo = (b: boolean) => t(locale, b ? "incident.yes" : "incident.no");
  const header = EXPORT_COLUMNS.map((c) =>
    c === "lastCheckIn" ? `${t(locale, "csv.col.lastCheckIn")} (${timeZone})` : t(locale, `csv.col.${c}`),
  );
  const rows = devices.map((d) => {
    const cell: Record<ExportColumn, unknown> = {
      deviceName: d.name,
      platform: PLATFORM_LABEL[d.platform],
      model: d.model,
      serial: d.serial,
      udid: d.udid,
      imei: d.imei,
      phoneNumber: d.phoneNumber,
      ownerName: d.owner?.name,
      ownerEmail: d.owner?.email,
      department: d.owner?.department?.name,
      supervised: yesNo(d.supervised),
      ade: yesNo(d.ade),
      state: t(locale, `incident.state.${d.state}`),
      lastCheckIn: d.lastCheckInAt ? spreadsheetTime(d.lastCheckInAt, timeZone) : "",
      openAlerts: d._count.alerts,
    };
    return EXPORT_COLUMNS.map((c) => cell[c]);
  });
  return toCsv([header, ...rows]);
}
