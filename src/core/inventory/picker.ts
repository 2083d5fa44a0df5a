// The device picker's type-ahead (Slack external_select): any device of the whole fleet the
// admin may act on, found by what they remember — part of the device or owner name, a serial,
// an IMEI, the owner's e-mail, the department. One statement; the reporter's own devices first.
import type { Db } from "../../db/client.js";
import { Prisma } from "../../db/client.js";
import type { Platform } from "../../generated/prisma/enums.js";
import type { Actor } from "../actors.js";

/** Slack shows at most 100 options. */
export const PICKER_LIMIT = 100;

export interface PickerDevice {
  id: string;
  name: string;
  platform: Platform;
  model: string | null;
  serial: string | null;
  ownerName: string | null;
  department: string | null;
}

/** The words of a query, split as the database splits what it indexes (device_search_words). */
export function searchWords(query: string): string[] {
  const words = query
    .normalize("NFKC")
    .toLowerCase()
    .split(/[\s,;:()'"/・·、。（）]+/u)
    .filter(Boolean);
  return [...new Set(words.map((w) => [...w].slice(0, 24).join("")))].slice(0, 8);
}

export async function pickerDevices(
  db: Db,
  actor: Actor,
  query: string,
  reporterId: string | null,
): Promise<PickerDevice[]> {
  if (!actor.systemAdmin && !actor.adminOf.length) return [];
  const scope = actor.systemAdmin ? Prisma.empty : Prisma.sql`AND p."departmentId" IN (${Prisma.join(actor.adminOf)})`;
  const words = searchWords(query);
  const select = (where: Prisma.Sql, order: Prisma.Sql) => db.$queryRaw<PickerDevice[]>`
    SELECT d.id, d.name, d.platform::text AS platform, d.model, d.serial, p.name AS "ownerName", dep.name AS department
    FROM "Device" d
    LEFT JOIN "Person" p ON p.id = d."ownerId"
    LEFT JOIN "Department" dep ON dep.id = p."departmentId"
    WHERE d.state IN ('MANAGED', 'LOST_MODE') ${scope} AND ${where}
    ORDER BY ${order} d.name, d.id
    LIMIT ${PICKER_LIMIT}`;
  if (words.length) {
    // Every typed word is the start of some word of the device (GIN index on searchWords).
    const own = reporterId ? Prisma.sql`(d."ownerId" IS NOT NULL AND d."ownerId" = ${reporterId}) DESC,` : Prisma.empty;
    return select(Prisma.sql`d."searchWords" @> ARRAY[${Prisma.join(words)}]::text[]`, own);
  }
  // Nothing typed yet: the reporter's devices, then the fleet by name (both read from an index).
  const [mine, all] = await Promise.all([
    reporterId ? select(Prisma.sql`d."ownerId" = ${reporterId}`, Prisma.empty) : Promise.resolve([]),
    select(Prisma.sql`TRUE`, Prisma.empty),
  ]);
  const seen = new Set(mine.map((d) => d.id));
  return [...mine, ...all.filter((d) => !seen.has(d.id))].slice(0, PICKER_LIMIT);
}
