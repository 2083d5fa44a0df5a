// Importing the devices a management service knows (the Android enterprise's device list) into
// the device table: new ones are added with that service's driver, known ones (matched by the
// service's id, then serial or IMEI from an inventory import) are updated, and ones the service
// no longer lists have left management — unless we wiped them, which removes them there too.
import type { Db } from "../../db/client.js";
import { audit, type Tx } from "../audit.js";
import type { Clock } from "../clock.js";
import { wasGone } from "./relock.js";
import type { RemoteDevice } from "../ports/devices.js";
import type { DeviceSideChange } from "../ports/device-side.js";

export type { RemoteDevice };

export interface ImportSummary {
  seen: number;
  created: number;
  updated: number;
  left: number;
}

/** Called after the commit for each device that came back to management (see relock.ts). */
export type OnReturn = (deviceId: string) => unknown;

/**
 * Called before a device's report is applied (and for a device the service stopped listing):
 * settles the commands the report proves done — a wipe the device confirmed, lost mode it
 * applied — so the device ends up wiped rather than "left". True when a wipe was confirmed.
 */
export type OnReport = (
  r: Pick<RemoteDevice, "externalId" | "gone" | "lost" | "lostStateKnown" | "lastSeenAt">,
) => Promise<boolean>;

export interface ImportHooks {
  onReturn?: OnReturn;
  onChange?: OnDeviceSideChange;
  onReport?: OnReport;
}

export async function importRemoteDevices(
  deps: { db: Db; clock: Clock },
  driver: string,
  pages: AsyncIterable<RemoteDevice[]>,
  hooks: ImportHooks = {},
): Promise<ImportSummary> {
  const { db, clock } = deps;
  const now = clock.now();
  const summary: ImportSummary = { seen: 0, created: 0, updated: 0, left: 0 };
  const seen = new Set<string>();
  for await (const page of pages) {
    for (const r of page) {
      summary.seen++;
      seen.add(r.externalId);
      await hooks.onReport?.(r);
      const returned: string[] = [];
      const outcome = await upsertRemoteDevice(deps, driver, r, now, {
        onReturn: (id) => void returned.push(id),
        onChange: hooks.onChange,
      });
      if (outcome !== "skipped") summary[outcome]++;
      for (const id of returned) await hooks.onReturn?.(id);
    }
  }
  // Listed before, missing now: deleted in the service's console (or wiped by us — already WIPED).
  const missing = await db.device.findMany({
    where: { driver, externalId: { not: null }, state: { in: ["MANAGED", "LOST_MODE"] } },
    select: { id: true, externalId: true },
  });
  for (const d of missing) {
    if (seen.has(d.externalId!)) continue;
    // Google deletes the record of a device that confirmed our WIPE: that is the wipe done.
    const gone = { externalId: d.externalId!, gone: true, lost: false, lostStateKnown: false, lastSeenAt: null };
    if (await hooks.onReport?.(gone)) continue;
    await db.$transaction(async (tx) => {
      const { count } = await tx.device.updateMany({
        where: { id: d.id, state: { in: ["MANAGED", "LOST_MODE"] } },
        data: { state: "UNENROLLED" },
      });
      if (count)
        await audit(tx, {
          actor: `driver:${driver}`,
          action: "device.unenrolled",
          subject: `device:${d.id}`,
          details: { externalId: d.externalId, reason: "no longer listed by the service" },
          at: now,
        });
      if (count) await hooks.onChange?.(tx, d.id, "left_management");
    });
    summary.left++;
  }
  return summary;
}

/** Called inside the update's transaction when something changed on the device by itself. */
export type OnDeviceSideChange = (tx: Tx, deviceId: string, change: DeviceSideChange) => Promise<void>;

/** One device as the service reports it (a list entry, a status report): added, updated, or gone. */
export async function upsertRemoteDevice(
  deps: { db: Db },
  driver: string,
  r: RemoteDevice,
  now: Date,
  hooks: Pick<ImportHooks, "onReturn" | "onChange"> = {},
): Promise<"created" | "updated" | "left" | "skipped"> {
  const { onReturn, onChange } = hooks;
  const { db } = deps;
  let returnedId: string | null = null;
  const outcome = await db.$transaction(async (tx): Promise<"created" | "updated" | "left" | "skipped"> => {
    const known =
      (await tx.device.findUnique({ where: { externalId: r.externalId } })) ??
      // The same phone enrolled again gets a new resource name; its serial says it is the same.
      (r.serial ? await tx.device.findUnique({ where: { serial: r.serial } }) : null) ??
      (r.imei ? await tx.device.findUnique({ where: { imei: r.imei } }) : null);
    if (!known) {
      if (r.gone) return "skipped";
      const created = await tx.device.create({
        data: {
          platform: r.platform,
          name: r.name,
          model: r.model,
          serial: r.serial,
          imei: r.imei,
          externalId: r.externalId,
          driver,
          state: r.lost ? "LOST_MODE" : "MANAGED",
          lastCheckInAt: r.lastSeenAt,
          ownership: r.ownership ?? null,
          managementMode: r.managementMode ?? null,
          apiLevel: r.apiLevel ?? null,
          enrolledAt: r.enrolledAt ?? now,
          createdAt: now,
        },
      });
      await audit(tx, {
        actor: `driver:${driver}`,
        action: "device.imported",
        subject: `device:${created.id}`,
        details: { externalId: r.externalId },
        at: now,
      });
      return "created";
    }
    // Google keeps listing the record of a phone reset on the device (it never learns of the
    // reset) beside the new enrolment's: a record enrolled no later than the one we follow,
    // found by serial or IMEI, is that stale listing, and changes nothing.
    const stale =
      known.externalId !== null &&
      known.externalId !== r.externalId &&
      !wasGone(known.state) &&
      (!r.enrolledAt || r.enrolledAt <= known.enrolledAt);
    if (stale) return "skipped";
    const leaving = r.gone && (known.state === "MANAGED" || known.state === "LOST_MODE");
    // Wiped (or left) and now listed under a new resource name: the phone enrolled again
    // (zero-touch / company-owned re-provisioning after a factory reset).
    const returning = !r.gone && wasGone(known.state) && known.externalId !== r.externalId;
    // Still managed here, yet listed under a new resource name (found by serial or IMEI): the
    // phone was factory reset on the device itself — Google never learns of that reset — and
    // enrolled again. Whatever lost mode it had is gone with the reset.
    const resetOnDevice =
      !r.gone && !wasGone(known.state) && Boolean(known.externalId) && known.externalId !== r.externalId;
    await tx.device.update({
      where: { id: known.id },
      data: {
        externalId: r.externalId,
        driver,
        model: r.model ?? known.model,
        serial: known.serial ?? r.serial,
        imei: known.imei ?? r.imei,
        // What the service reports now wins: a device can be re-provisioned, and its OS updated.
        ...(r.ownership ? { ownership: r.ownership } : {}),
        ...(r.managementMode ? { managementMode: r.managementMode } : {}),
        ...(r.apiLevel ? { apiLevel: r.apiLevel } : {}),
        ...(r.lastSeenAt && (!known.lastCheckInAt || r.lastSeenAt > known.lastCheckInAt)
          ? { lastCheckInAt: r.lastSeenAt }
          : {}),
        ...(leaving ? { state: "UNENROLLED" as const } : {}),
        ...(returning || resetOnDevice
          ? {
              state: r.lost ? ("LOST_MODE" as const) : ("MANAGED" as const),
              enrolledAt: r.enrolledAt ?? now,
              passcodePresent: null,
            }
          : {}),
      },
    });
    if (!leaving && !returning && !resetOnDevice && onChange && (await exitedLostMode(tx, known, r)))
      await onChange(tx, known.id, "lost_mode_exited");
    if (returning || resetOnDevice) {
      await audit(tx, {
        actor: `driver:${driver}`,
        action: "device.reenrolled",
        subject: `device:${known.id}`,
        details: { from: known.state, driver, externalId: r.externalId, resetOnDevice },
        at: now,
      });
      if (resetOnDevice) await onChange?.(tx, known.id, "reset_on_device");
      returnedId = known.id;
    }
    if (leaving) {
      await audit(tx, {
        actor: `driver:${driver}`,
        action: "device.unenrolled",
        subject: `device:${known.id}`,
        details: { externalId: r.externalId, reason: "service reports it no longer managed" },
        at: now,
      });
      await onChange?.(tx, known.id, "left_management");
      return "left";
    }
    return "updated";
  });
  if (returnedId) await onReturn?.(returnedId);
  return outcome;
}

/**
 * Lost mode on here, but the device's own applied state says it is off, in a report taken after
 * lost mode was confirmed: someone left lost mode on the device. A report from before (Pub/Sub
 * does not keep order) proves nothing.
 */
async function exitedLostMode(
  tx: Tx,
  known: { id: string; state: string; lastCheckInAt: Date | null },
  r: RemoteDevice,
): Promise<boolean> {
  if (known.state !== "LOST_MODE" || r.lost || !r.lostStateKnown || !r.lastSeenAt) return false;
  const confirmed = await tx.command.findFirst({
    where: { deviceId: known.id, type: "ENABLE_LOST_MODE", state: "ACKNOWLEDGED" },
    orderBy: { completedAt: "desc" },
    select: { completedAt: true },
  });
  const since = confirmed?.completedAt ?? null;
  // Imported already lost (no command of ours): only a report newer than our last one counts.
  return since ? r.lastSeenAt > since : Boolean(known.lastCheckInAt && r.lastSeenAt > known.lastCheckInAt);
}
