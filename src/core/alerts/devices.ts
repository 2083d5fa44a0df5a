// Finding the device an alert or an admin names. Exact identifiers first (what the MDM side
// sends); a person may also type the device's name.
import type { Tx } from "../audit.js";
import { InvalidInputError, NotFoundError } from "../errors.js";
import type { DeviceRef } from "./intake.js";

const pick = { id: true, platform: true, name: true, serial: true, udid: true, imei: true, ownerId: true, state: true } as const;

/** By every identifier given; all of them must name the same device. */
export async function findDeviceByRef(tx: Tx, ref: DeviceRef) {
  const where = [
    ref.id ? { id: ref.id } : null,
    ref.udid ? { udid: ref.udid } : null,
    ref.imei ? { imei: ref.imei } : null,
    ref.serial ? { serial: ref.serial } : null,
  ].filter((w) => w !== null);
  return tx.device.findFirst({ where: { AND: where }, select: pick });
}

/** What an admin typed: an id, serial, UDID, IMEI, or the device's name (unique match). */
export async function findDevice(tx: Tx, query: string) {
  const q = query.trim();
  if (!q) throw new InvalidInputError("name a device: its name, serial number, UDID or IMEI");
  const exact = await tx.device.findFirst({
    where: { OR: [{ id: q }, { serial: q }, { udid: q }, { imei: q }, { name: { equals: q, mode: "insensitive" } }] },
    select: pick,
  });
  if (exact) return exact;
  const partial = await tx.device.findMany({ where: { name: { contains: q, mode: "insensitive" } }, select: pick, take: 2 });
  if (partial.length === 1) return partial[0]!;
  if (partial.length > 1) throw new InvalidInputError(`several devices match "${q}"; use the serial number or UDID`);
  throw new NotFoundError(`no device matches "${q}"`, { what: q });
}
