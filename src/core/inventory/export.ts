// The inventory spreadsheet's content: one row per device the reader may see, as plain values.
// How it reads (headers and yes/no in the reader's language, times in their zone) is the
// adapter's to say.
import type { Db } from "../../db/client.js";
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

export async function inventoryRows(db: Db, actor: Actor): Promise<InventoryRow[]> {
  const devices = await db.device.findMany({
    where: deviceScope(actor),
    include: {
      owner: { include: { department: true } },
      _count: { select: { alerts: { where: { resolvedAt: null } } } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return devices.map((d) => ({
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
  }));
}
