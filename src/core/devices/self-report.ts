// What a device says about itself, merged into its record: an Apple Authenticate message, a
// DeviceInformation answer, a SecurityInfo answer. The device's own words win over guesses
// (a placeholder made from a TokenUpdate that arrived first) and over inventory imports; an
// import still fills what the device has not said yet (src/core/inventory/import.ts).
import type { Prisma } from "../../db/client.js";
import type { Device, Platform } from "../../generated/prisma/client.js";
import { log } from "../../log.js";
import { audit, type Tx } from "../audit.js";

/** Facts in the core's words; undefined = the device did not say. */
export interface SelfReport {
  name?: string;
  model?: string;
  productName?: string;
  serial?: string;
  osVersion?: string;
  platform?: Platform;
  supervised?: boolean;
  lostModeEnabled?: boolean;
  activationLockEnabled?: boolean;
}

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim().slice(0, 200) : undefined);
const bool = (v: unknown) => (typeof v === "boolean" ? v : undefined);
const PLATFORMS: readonly Platform[] = ["IOS", "IPADOS", "MACOS", "ANDROID", "WINDOWS"];

/** A driver's result object (untrusted shape) → a SelfReport. */
export function selfReportOf(v: unknown): SelfReport {
  if (!v || typeof v !== "object") return {};
  const o = v as Record<string, unknown>;
  const platform =
    typeof o.platform === "string" && (PLATFORMS as readonly string[]).includes(o.platform)
      ? (o.platform as Platform)
      : undefined;
  return {
    name: str(o.name),
    model: str(o.model),
    productName: str(o.productName),
    serial: str(o.serial),
    osVersion: str(o.osVersion),
    platform,
    supervised: bool(o.supervised),
    lostModeEnabled: bool(o.lostModeEnabled),
    activationLockEnabled: bool(o.activationLockEnabled),
  };
}

/** A device record made before the device said anything (its name is its UDID). */
export const isPlaceholder = (d: Pick<Device, "name" | "udid" | "selfReportedAt" | "productName">) =>
  d.selfReportedAt === null && d.productName === null && d.name === d.udid;

/**
 * Applies `r` to `device`. `authoritative`: a DeviceInformation answer (it overrides what the
 * record says and marks the device as self-reported); otherwise an Authenticate message (it fills
 * the record only until the device has answered DeviceInformation). Returns the updated device,
 * which may be another record: the one an inventory import listed under the same serial.
 */
export async function applySelfReport(
  tx: Tx,
  device: Device,
  r: SelfReport,
  opts: { now: Date; authoritative: boolean; actor: string },
): Promise<Device> {
  const { now, authoritative } = opts;
  const speaks = authoritative || device.selfReportedAt === null;
  const data: Prisma.DeviceUpdateInput = {};
  const set = <K extends keyof SelfReport & keyof Device>(key: K, value: SelfReport[K]) => {
    if (value === undefined || value === device[key]) return;
    if (speaks || device[key] === null) (data as Record<string, unknown>)[key] = value;
  };
  set("platform", r.platform);
  set("model", r.model);
  set("productName", r.productName);
  set("osVersion", r.osVersion);
  if (r.name && (speaks || device.name === device.udid) && r.name !== device.name) data.name = r.name;
  if (authoritative) {
    if (r.supervised !== undefined && r.supervised !== device.supervised) data.supervised = r.supervised;
    if (r.activationLockEnabled !== undefined) data.activationLockEnabled = r.activationLockEnabled;
    if (r.lostModeEnabled === true && device.state === "MANAGED") data.state = "LOST_MODE";
    if (r.lostModeEnabled === false && device.state === "LOST_MODE") data.state = "MANAGED";
    data.selfReportedAt = now;
  }
  let target = device;
  if (r.serial && r.serial !== device.serial) {
    const holder = await tx.device.findUnique({ where: { serial: r.serial } });
    if (!holder) data.serial = r.serial;
    else if (holder.udid === null) target = await mergeInto(tx, device, holder, opts);
    else
      log.warn("a device reported a serial number another enrolled device holds; kept apart", {
        deviceId: device.id,
        otherId: holder.id,
      });
  }
  if (data.state)
    await audit(tx, {
      actor: opts.actor,
      action: "device.state_reported",
      subject: `device:${target.id}`,
      details: { from: target.state, to: data.state },
      at: now,
    });
  if (!Object.keys(data).length) return target;
  return tx.device.update({ where: { id: target.id }, data });
}

/**
 * The enrolled record (`enrolled`, known only by UDID) and the listed one (`listed`, imported by
 * serial, with its owner and reports) are one device: the listed record keeps its identity and
 * takes the enrolment (UDID, driver, check-ins, commands); the enrolled record goes.
 */
async function mergeInto(
  tx: Tx,
  enrolled: Device,
  listed: Device,
  opts: { now: Date; actor: string },
): Promise<Device> {
  // Locked first: a command being queued for the enrolled record either lands before (and moves
  // with the rest) or fails on the deleted row and is asked again by UDID (Enrollments.askToDescribe).
  await tx.$queryRaw`SELECT id FROM "Device" WHERE id = ${enrolled.id} FOR UPDATE`;
  await tx.device.update({ where: { id: enrolled.id }, data: { udid: null } });
  const commands = await tx.command.findMany({ where: { deviceId: enrolled.id } });
  for (const c of commands) {
    const clash = c.activeKey
      ? await tx.command.findUnique({ where: { activeKey: c.activeKey.replace(enrolled.id, listed.id) } })
      : null;
    await tx.command.update({
      where: { id: c.id },
      data: {
        deviceId: listed.id,
        activeKey: c.activeKey && !clash ? c.activeKey.replace(enrolled.id, listed.id) : null,
        ...(c.activeKey && clash ? { state: "CANCELLED", completedAt: opts.now } : {}),
      },
    });
  }
  await tx.alert.updateMany({ where: { deviceId: enrolled.id }, data: { deviceId: listed.id } });
  for (const link of await tx.lossReportDevice.findMany({ where: { deviceId: enrolled.id } })) {
    await tx.lossReportDevice.upsert({
      where: { reportId_deviceId: { reportId: link.reportId, deviceId: listed.id } },
      create: { reportId: link.reportId, deviceId: listed.id, how: link.how },
      update: {},
    });
  }
  await tx.device.delete({ where: { id: enrolled.id } });
  const merged = await tx.device.update({
    where: { id: listed.id },
    data: {
      udid: enrolled.udid,
      driver: enrolled.driver,
      state: enrolled.state,
      enrolledAt: enrolled.enrolledAt,
      lastCheckInAt: enrolled.lastCheckInAt,
      checkedOutAt: enrolled.checkedOutAt,
      passcodePresent: enrolled.passcodePresent ?? listed.passcodePresent,
    },
  });
  await audit(tx, {
    actor: opts.actor,
    action: "device.merged",
    subject: `device:${listed.id}`,
    details: { from: enrolled.id, udid: enrolled.udid },
    at: opts.now,
  });
  return merged;
}
