// Device lookup for `/mdm device <…>`: an exact identifier (serial, UDID, IMEI) or an owner's
// e-mail finds just those devices; anything else finds the devices where every typed word starts
// a word of the device, its owner or department (as the incident's device picker does).
import type { Db } from "../../db/client.js";
import { Prisma } from "../../db/client.js";
import type { Actor } from "../actors.js";
import { InvalidInputError } from "../errors.js";
import { firstMatching, searchWords } from "./picker.js";

export const SEARCH_LIMIT = 10;

const withOwner = { owner: { include: { department: true } } } as const;

// Both steps read indexes at 100,000 devices (each was a scan of the fleet joined to its owners
// with ILIKE, hundreds of milliseconds): identifiers by their unique indexes, as typed or in
// upper or lower case (serials and UDIDs are upper-case, and any other spelling is still found
// by its words), and everything else by the picker's word prefixes (decision 161).
export async function searchDevices(db: Db, actor: Actor, query: string) {
  const q = query.trim();
  if (q.length < 2)
    throw new InvalidInputError(
      "Type at least two characters: a device name, serial, UDID, IMEI or owner e-mail.",
      { field: "query" },
      { reason: "device.search_too_short" },
    );
  const scope = actor.systemAdmin
    ? Prisma.empty
    : actor.adminOf.length
      ? Prisma.sql`AND d."ownerId" IN (SELECT id FROM "Person" WHERE "departmentId" IN (${Prisma.join(actor.adminOf)}))`
      : Prisma.sql`AND FALSE`;
  const spellings = [...new Set([q, q.toUpperCase(), q.toLowerCase()])];
  const ids = (where: Prisma.Sql) => db.$queryRaw<{ id: string }[]>`
    SELECT d.id FROM "Device" d WHERE (${where}) ${scope} ORDER BY d.name, d.id LIMIT ${SEARCH_LIMIT + 1}`;
  // The owner as a scalar subquery (one e-mail, one person): `IN (subquery)` made the planner
  // expect half the fleet and walk it by name (0.7 s at 100,000 devices) instead of the indexes.
  let found = await ids(Prisma.sql`d.serial IN (${Prisma.join(spellings)}) OR d.udid IN (${Prisma.join(spellings)})
    OR d.imei = ${q} OR d."ownerId" = (SELECT id FROM "Person" WHERE email = ${q.toLowerCase()})`);
  if (!found.length) {
    const words = searchWords(q);
    if (!words.length) return [];
    // The picker's two plans (a walk by name, then the word index): a lone LIMIT made the
    // planner walk by name for any words, past 80,000 devices when theirs sort late.
    found = await firstMatching(db, actor, words, { limit: SEARCH_LIMIT + 1, anyState: true });
  }
  if (!found.length) return [];
  return db.device.findMany({
    where: { id: { in: found.map((f) => f.id) } },
    include: withOwner,
    orderBy: [{ name: "asc" }, { id: "asc" }],
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
