// The inventory spreadsheet's content: one row per device the reader may see, as plain values.
// How it reads (headers and yes/no in the reader's language, times in their zone) is the
// adapter's to say.
import type { Db } from "../../db/client.js";
import { Prisma } from "../../db/client.js";
import type { ManagementState, Platform } from "../../generated/prisma/enums.js";
import type { Actor } from "../actors.js";
import { PLATFORM_LABEL, type ExportColumn } from "./columns.js";
import { isPersonal } from "../devices/personal.js";

export type InventoryRow = Record<
  Exclude<ExportColumn, "supervised" | "ade" | "byod" | "state" | "lastCheckIn" | "openAlerts">,
  string | null
> & {
  supervised: boolean;
  ade: boolean;
  /** The employee's own device, whoever said so (the MDM service, User Enrollment, an admin). */
  byod: boolean;
  state: ManagementState;
  lastCheckIn: Date | null;
  openAlerts: number;
};

/** Devices per page of the export: one page's rows are read, written out, and let go. */
export const EXPORT_PAGE = 1000;

/** Who is in the reader's scope (as `deviceScope` says it): a department admin sees their departments' people's devices. */
const scopeSql = (actor: Actor) =>
  actor.systemAdmin ? Prisma.empty : Prisma.sql`AND p."departmentId" IN (${Prisma.join(actor.adminOf)})`;

interface PageRow {
  id: string;
  name: string;
  platform: Platform;
  model: string | null;
  serial: string | null;
  udid: string | null;
  imei: string | null;
  phoneNumber: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  department: string | null;
  supervised: boolean;
  ade: boolean;
  byod: boolean;
  ownership: "company" | "personal" | null;
  userEnrollment: boolean;
  state: ManagementState;
  lastCheckInAt: Date | null;
  openAlerts: number;
}

/**
 * Every device the reader may see, a page at a time in (name, id) order: a fleet of 100,000
 * devices is never in memory at once. One statement a page: the columns the sheet shows (not
 * the device's search words, which were most of what a whole-row read carried), its owner and
 * department joined, the open alerts counted by the (deviceId, resolvedAt) index. Each page
 * resumes after the last row of the one before by a row comparison the (name, id) index answers
 * directly, so a page costs the same at the end of the fleet as at its start (Prisma's cursor
 * was an OR the planner could only filter, re-reading the fleet up to the cursor every page).
 */
export async function* inventoryPages(db: Db, actor: Actor, pageSize = EXPORT_PAGE): AsyncGenerator<InventoryRow[]> {
  if (!actor.systemAdmin && !actor.adminOf.length) return;
  let after: { name: string; id: string } | null = null;
  for (;;) {
    const devices: PageRow[] = await db.$queryRaw<PageRow[]>(inventoryPageSql(actor, after, pageSize));
    if (devices.length) yield devices.map(row);
    if (devices.length < pageSize) return;
    after = devices.at(-1)!;
  }
}

/** One page's statement: the devices after `after` in (name, id) order (the bench explains it). */
export function inventoryPageSql(actor: Actor, after: { name: string; id: string } | null, pageSize: number) {
  return Prisma.sql`
    SELECT d.id, d.name, d.platform, d.model, d.serial, d.udid, d.imei, d."phoneNumber",
           p.name AS "ownerName", p.email AS "ownerEmail", dep.name AS department,
           d.supervised, d.ade, d.byod, d.ownership, d."userEnrollment", d.state, d."lastCheckInAt",
           (SELECT count(*)::int FROM "Alert" a WHERE a."deviceId" = d.id AND a."resolvedAt" IS NULL) AS "openAlerts"
    FROM "Device" d
    LEFT JOIN "Person" p ON p.id = d."ownerId"
    LEFT JOIN "Department" dep ON dep.id = p."departmentId"
    WHERE TRUE ${after ? Prisma.sql`AND (d.name, d.id) > (${after.name}, ${after.id})` : Prisma.empty} ${scopeSql(actor)}
    ORDER BY d.name, d.id
    LIMIT ${pageSize}`;
}

/** How many devices the export holds for this reader (what the reply and the file's comment say). */
export async function inventoryCount(db: Db, actor: Actor): Promise<number> {
  if (!actor.systemAdmin && !actor.adminOf.length) return 0;
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Device" d LEFT JOIN "Person" p ON p.id = d."ownerId" WHERE TRUE ${scopeSql(actor)}`;
  return rows[0]!.n;
}

function row(d: PageRow): InventoryRow {
  return {
    deviceName: d.name,
    platform: PLATFORM_LABEL[d.platform],
    model: d.model,
    serial: d.serial,
    udid: d.udid,
    imei: d.imei,
    phoneNumber: d.phoneNumber,
    ownerName: d.ownerName,
    ownerEmail: d.ownerEmail,
    department: d.department,
    supervised: d.supervised,
    ade: d.ade,
    byod: isPersonal(d),
    state: d.state,
    lastCheckIn: d.lastCheckInAt,
    openAlerts: d.openAlerts,
  };
}
