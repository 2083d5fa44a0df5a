// The device picker's type-ahead (Slack external_select): any device of the whole fleet the
// admin may act on, found by what they remember — part of the device or owner name, a serial,
// an IMEI, the owner's e-mail, the department. The reporter's own devices first, then by name.
import type { Db } from "../../db/client.js";
import { Prisma } from "../../db/client.js";
import type { Platform } from "../../generated/prisma/enums.js";
import type { Actor } from "../actors.js";

/** Slack shows at most 100 options. */
export const PICKER_LIMIT = 100;

/**
 * How many devices, in name order, are read for matches before the word index is asked
 * instead (decision "The device picker walks the fleet by name, then asks the word index").
 */
export const NAME_WALK = 1000;

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

/**
 * The first `limit` devices by (name, id) the actor may act on (managed or in lost mode, unless
 * `anyState`) whose search words hold every one of `words` (each the start of a word of the
 * device, its owner or department), in two plans whose cost each grows where the other's shrinks. First the fleet's first NAME_WALK
 * devices by name: words that most devices share match early, where the word index would read
 * a long list of devices and sort them all. Only when that does not fill `limit` (rare words,
 * or common words whose devices all sort late) the word index, which then reads just the
 * matching devices — a department administrator's narrowed to her departments by their
 * `dept:` words. The scope itself is always the owner's department, checked here.
 */
export async function firstMatching(
  db: Db,
  actor: Actor,
  words: string[],
  { limit, ownerId, anyState = false }: { limit: number; ownerId?: string; anyState?: boolean },
): Promise<PickerDevice[]> {
  if (!actor.systemAdmin && !actor.adminOf.length) return [];
  const scope = actor.systemAdmin ? Prisma.empty : Prisma.sql`AND p."departmentId" IN (${Prisma.join(actor.adminOf)})`;
  const live = anyState ? Prisma.sql`TRUE` : Prisma.sql`d.state IN ('MANAGED', 'LOST_MODE')`;
  const match = words.length ? Prisma.sql`AND d."searchWords" @> ARRAY[${Prisma.join(words)}]::text[]` : Prisma.empty;
  const select = (from: Prisma.Sql, where: Prisma.Sql, order: Prisma.Sql) => db.$queryRaw<PickerDevice[]>`
    SELECT d.id, d.name, d.platform::text AS platform, d.model, d.serial, p.name AS "ownerName", dep.name AS department
    FROM ${from} d
    LEFT JOIN "Person" p ON p.id = d."ownerId"
    LEFT JOIN "Department" dep ON dep.id = p."departmentId"
    WHERE ${live} ${scope} ${match} ${where}
    ORDER BY ${order}, d.id
    LIMIT ${limit}`;
  // One person's devices: a handful, read by the owner index.
  if (ownerId) return select(Prisma.sql`"Device"`, Prisma.sql`AND d."ownerId" = ${ownerId}`, Prisma.sql`d.name`);
  const walked = await select(
    Prisma.sql`(SELECT * FROM "Device" ORDER BY name, id LIMIT ${NAME_WALK})`,
    Prisma.empty,
    Prisma.sql`d.name`,
  );
  if (walked.length === limit) return walked;
  const departments = actor.systemAdmin
    ? Prisma.empty
    : Prisma.sql`AND d."searchWords" && ARRAY[${Prisma.join(actor.adminOf.map((id) => `dept:${id}`))}]::text[]`;
  // `name || ''`: not the name index's order, so the planner reads the word index (a second
  // walk in name order is what just fell short).
  return select(Prisma.sql`"Device"`, departments, Prisma.sql`d.name || ''`);
}

export async function pickerDevices(
  db: Db,
  actor: Actor,
  query: string,
  reporterId: string | null,
): Promise<PickerDevice[]> {
  const words = searchWords(query);
  // The reporter's own devices (by the owner index), then everyone's by name.
  const [mine, all] = await Promise.all([
    reporterId ? firstMatching(db, actor, words, { limit: PICKER_LIMIT, ownerId: reporterId }) : Promise.resolve([]),
    firstMatching(db, actor, words, { limit: PICKER_LIMIT }),
  ]);
  const seen = new Set(mine.map((d) => d.id));
  return [...mine, ...all.filter((d) => !seen.has(d.id))].slice(0, PICKER_LIMIT);
}
