// Finding the device an alert or an admin names. Exact identifiers first (what the MDM side
// sends); a person may also type the device's name.
import type { Tx } from "../audit.js";
import { InvalidInputError, NotFoundError } from "../errors.js";
import type { DeviceRef } from "./intake.js";

const pick = {
  id: true,
  platform: true,
  name: true,
  serial: true,
  udid: true,
  imei: true,
  ownerId: true,
  state: true,
} as const;

type Found = Awaited<ReturnType<typeof findDevice>>;
const KEYS = ["id", "udid", "imei", "serial"] as const;

/**
 * The devices a batch names, in one query: each ref resolves to the device that matches every
 * identifier it gives, or to null.
 */
export async function findDevicesByRefs(tx: Tx, refs: DeviceRef[]): Promise<(Found | null)[]> {
  const wanted = Object.fromEntries(
    KEYS.map((k) => [k, [...new Set(refs.map((r) => r[k]).filter((v): v is string => Boolean(v)))]]),
  );
  const or = KEYS.filter((k) => wanted[k]!.length).map((k) => ({ [k]: { in: wanted[k] } }));
  const devices = or.length ? await tx.device.findMany({ where: { OR: or }, select: pick }) : [];
  return refs.map((ref) => devices.find((d) => KEYS.every((k) => !ref[k] || d[k] === ref[k])) ?? null);
}

/** What an admin typed: an id, serial, UDID, IMEI, or the device's name (unique match). */
export async function findDevice(tx: Tx, query: string) {
  const q = query.trim();
  if (!q)
    throw new InvalidInputError(
      "name a device: its name, serial number, UDID or IMEI",
      {},
      { reason: "device.name_one" },
    );
  const exact = await tx.device.findFirst({
    where: { OR: [{ id: q }, { serial: q }, { udid: q }, { imei: q }, { name: { equals: q, mode: "insensitive" } }] },
    select: pick,
  });
  if (exact) return exact;
  const partial = await tx.device.findMany({
    where: { name: { contains: q, mode: "insensitive" } },
    select: pick,
    take: 2,
  });
  if (partial.length === 1) return partial[0]!;
  if (partial.length > 1)
    throw new InvalidInputError(
      `several devices match "${q}"; use the serial number or UDID`,
      {},
      { reason: "device.several_match" },
    );
  throw new NotFoundError(`no device matches "${q}"`, { what: q }, { reason: "not_found.device" });
}
