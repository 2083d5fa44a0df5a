// The inventory spreadsheet's content: one row per device the reader may see, as plain values.
// How it reads (headers and yes/no in the reader's language, times in their zone) is the
// adapter's to say.
import type { Db, Prisma } from "../../db/client.js";
import type { ManagementState } from "../../generated/prisma/enums.js";
import type { Actor } from "../actors.js";
import { PLATFORM_LABEL, type ExportColumn } from "./columns.js";
import { deviceScope } from "./scope.js";
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

/**
 * Every device the reader may see, a page at a time in (name, id) order: a fleet of 100,000
 * devices is never in memory at once (read whole, its Prisma objects alone were hundreds of MB).
 * Each page resumes after the last row of the one before (keyset), so a page costs the same
 * at the end of the fleet as at its start.
 */
export async function* inventoryPages(db: Db, actor: Actor, pageSize = EXPORT_PAGE): AsyncGenerator<InventoryRow[]> {
  let after: { id: string } | undefined;
  for (;;) {
    const devices = await db.device.findMany({
      where: deviceScope(actor),
      include: {
        owner: { include: { department: true } },
        _count: { select: { alerts: { where: { resolvedAt: null } } } },
      },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      ...(after ? { cursor: after, skip: 1 } : {}),
      take: pageSize,
    });
    if (devices.length) yield devices.map(row);
    if (devices.length < pageSize) return;
    after = { id: devices.at(-1)!.id };
  }
}

export async function inventoryRows(db: Db, actor: Actor): Promise<InventoryRow[]> {
  const rows: InventoryRow[] = [];
  for await (const page of inventoryPages(db, actor)) rows.push(...page);
  return rows;
}

type ExportedDevice = Prisma.DeviceGetPayload<{
  include: { owner: { include: { department: true } }; _count: { select: { alerts: true } } };
}>;

function row(d: ExportedDevice): InventoryRow {
  return {
    deviceName: d.name,
    platform: PLATFORM_LABEL[d.platform],
    model: d.model,
    serial: d.serial,
    udid: d.udid,
    imei: d.imei,
    phoneNumber: d.phoneNumber,
    ownerName: d.owner?.name ?? null,
    ownerEmail: d.owner?.email ?? null,
    department: d.owner?.department?.name ?? null,
    supervised: d.supervised,
    ade: d.ade,
    byod: isPersonal(d),
    state: d.state,
    lastCheckIn: d.lastCheckInAt,
    openAlerts: d._count.alerts,
  };
}
