// Device lookup for `/mdm device <…>`: an exact identifier (serial, UDID, IMEI) or an owner's
// e-mail finds just those devices; anything else is a partial match on device or owner name.
import type { Db } from "../../db/client.js";
import type { Actor } from "../actors.js";
import { InvalidInputError } from "../errors.js";
import { deviceScope } from "./scope.js";

export const SEARCH_LIMIT = 10;

const withOwner = { owner: { include: { department: true } } } as const;

export async function searchDevices(db: Db, actor: Actor, query: string) {
  const q = query.trim();
  if (q.length < 2)
    throw new InvalidInputError("Type at least two characters: a device name, serial, UDID, IMEI or owner e-mail.", {
      field: "query",
    });
  const scope = deviceScope(actor);
  const ci = { equals: q, mode: "insensitive" as const };
  const exact = await db.device.findMany({
    where: {
      AND: [scope, { OR: [{ serial: ci }, { udid: ci }, { imei: ci }, { owner: { email: q.toLowerCase() } }] }],
    },
    include: withOwner,
    orderBy: { name: "asc" },
    take: SEARCH_LIMIT + 1,
  });
  if (exact.length) return exact;
  const part = { contains: q, mode: "insensitive" as const };
  return db.device.findMany({
    where: {
      AND: [
        scope,
        {
          OR: [
            { name: part },
            { model: part },
            { serial: part },
            { udid: part },
            { imei: part },
            { owner: { name: part } },
            { owner: { email: part } },
          ],
        },
      ],
    },
    include: withOwner,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: SEARCH_LIMIT + 1,
  });
}

/** Everything the device card shows: owner, open alerts, the latest commands, an open report. */
export async function deviceDetail(db: Db, deviceId: string, openStatuses: readonly string[]) {
  const device = await db.device.findUnique({
    where: { id: deviceId },
    include: {
      ...withOwner,
      commands: { orderBy: { requestedAt: "desc" }, take: 8, include: { requestedBy: true, approvedBy: true } },
      reports: {
        where: { report: { status: { in: openStatuses as never[] } } },
        include: { report: true },
        take: 1,
      },
      _count: { select: { alerts: { where: { resolvedAt: null } } } },
    },
  });
  return device;
}

export type DeviceDetail = NonNullable<Awaited<ReturnType<typeof deviceDetail>>>;
export type FoundDevice = Awaited<ReturnType<typeof searchDevices>>[number];
