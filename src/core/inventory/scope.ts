// Which devices an administrator sees: system admins every device, department admins the devices
// of their departments' people. Non-admins see none of the inventory (the core refuses them).
import type { Prisma } from "../../generated/prisma/client.js";
import type { Actor } from "../actors.js";

export function deviceScope(actor: Actor): Prisma.DeviceWhereInput {
  if (actor.systemAdmin) return {};
  return { owner: { departmentId: { in: actor.adminOf } } };
}

/** Reports still being handled: the employee and the admins are not done with them. */
export const OPEN_REPORT_STATUSES = [
  "RECEIVED",
  "ADMINS_NOTIFIED",
  "LOST_MODE_REQUESTED",
  "LOST_MODE_ENABLED",
  "LOCATED",
  "WIPE_REQUESTED",
  "WIPED",
] as const;

export function reportScope(actor: Actor): Prisma.LossReportWhereInput {
  if (actor.systemAdmin) return {};
  return {
    OR: [
      { devices: { some: { device: { owner: { departmentId: { in: actor.adminOf } } } } } },
      { reporter: { departmentId: { in: actor.adminOf } } },
    ],
  };
}
