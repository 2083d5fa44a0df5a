// What the MDM services tell us about enrollment, in the domain's words: a device checked in,
// left management (Apple CheckOut), or came back after a wipe (an ADE device re-enrolling on
// activation — seed 002). Drivers' webhooks and imports call this; nothing here speaks HTTP.
import type { Db } from "../../db/client.js";
import type { Device, Platform } from "../../generated/prisma/client.js";
import { log } from "../../log.js";
import { audit, type Tx } from "../audit.js";
import type { Clock } from "../clock.js";
import type { EventSink } from "../events.js";
import type { Commands } from "../commands/index.js";
import type { AlertService } from "../alerts/index.js";
import { importRemoteDevices, upsertRemoteDevice, type ImportSummary, type RemoteDevice } from "./import.js";
import { LostModeRestorer, wasGone as isGone } from "./relock.js";
import type { DriverRegistry } from "../ports/commands.js";
import type { DeviceSide } from "../devices/device-side.js";

export type { ImportSummary, RemoteDevice };

/** Which driver delivers commands to a platform's devices (MDM_DRIVER_APPLE / MDM_DRIVER_ANDROID). */
export interface DriverSelection {
  apple: string;
  android: string;
}

export interface EnrollmentsDeps {
  db: Db;
  clock: Clock;
  events: EventSink;
  commands: Commands;
  alerts: Pick<AlertService, "raise">;
  drivers?: DriverSelection;
  /** Where changes made on the device itself (lost mode left on the phone) are announced. */
  deviceSide?: Pick<DeviceSide, "changedOnDevice">;
  /** The configured drivers, for those that can list the devices they manage. */
  registry?: DriverRegistry;
}

export type DeviceRef = { udid: string } | { externalId: string };

/** What an enrollment message says about the device (Apple's Authenticate/TokenUpdate keys). */
export interface EnrollmentFacts {
  name?: string;
  model?: string;
  serial?: string;
  platform?: Platform;
}

const APPLE: readonly Platform[] = ["IOS", "IPADOS", "MACOS"];

export class Enrollments {
  private readonly restorer: LostModeRestorer;
  constructor(private readonly deps: EnrollmentsDeps) {
    this.restorer = new LostModeRestorer(deps);
  }

  /**
   * The one re-enrolment rule, for every driver: a device whose return to management has just
   * been committed gets lost mode queued again while its loss is open. True when it was.
   */
  restoreLostModeAfterReturn(deviceId: string, driver: string): Promise<boolean> {
    return this.restorer.afterReturn(deviceId, driver);
  }

  /**
   * Devices that came in without a driver of their own (an inventory import, a manual entry:
   * driver "agent" but no agent ever enrolled) get the configured driver for their platform, so
   * MDM_DRIVER_APPLE=nanomdm makes a listed iPhone reachable through NanoMDM by its UDID.
   */
  async applyDriverSelection(): Promise<number> {
    const sel = this.deps.drivers;
    if (!sel) return 0;
    const now = this.deps.clock.now();
    let changed = 0;
    const rules: { driver: string; platforms: Platform[]; needs: "udid" | "externalId" }[] = [
      { driver: sel.apple, platforms: [...APPLE], needs: "udid" },
      { driver: sel.android, platforms: ["ANDROID"], needs: "externalId" },
    ];
    for (const r of rules) {
      if (r.driver === "agent") continue;
      const { count } = await this.deps.db.device.updateMany({
        where: { driver: "agent", agentTokenHash: null, platform: { in: r.platforms }, [r.needs]: { not: null } },
        data: { driver: r.driver },
      });
      if (count) await audit(this.deps.db, { actor: "system", action: "device.driver_selected", details: { driver: r.driver, count }, at: now });
      changed += count;
    }
    return changed;
  }

  /** Any message from the device: it is alive. Unknown devices are ignored (null). */
  async checkedIn(ref: DeviceRef): Promise<Device | null> {
    const device = await this.find(ref);
    if (!device) return null;
    return this.deps.db.device.update({ where: { id: device.id }, data: { lastCheckInAt: this.deps.clock.now() } });
  }

  /**
   * The device left management (the MDM profile was removed). Recorded, and an `unenrolled`
   * alert is raised in the same transaction: for an Apple device this is an immediate alert.
   */
  async checkedOut(ref: DeviceRef, source: string): Promise<Device | null> {
    const { db, clock } = this.deps;
    const now = clock.now();
    return db.$transaction(async (tx) => {
      const device = await this.find(ref, tx);
      if (!device) return null;
      if (device.state === "UNENROLLED" || device.state === "WIPED") return device;
      const updated = await tx.device.update({ where: { id: device.id }, data: { state: "UNENROLLED", lastCheckInAt: now } });
      await audit(tx, { actor: `driver:${source}`, action: "device.unenrolled", subject: `device:${device.id}`, details: { from: device.state }, at: now });
      const raised = await this.deps.alerts.raise([{ type: "unenrolled", device: { id: device.id }, detectedAt: now.toISOString(), details: { source } }], { source, actor: `driver:${source}`, tx });
      if (raised.rejected.length) log.warn("unenrolled alert refused", { deviceId: device.id, reasons: raised.rejected.map((r) => r.reason) });
      return updated;
    });
  }

  /**
   * The device (re-)enrolled with the MDM service. A device that was wiped or had left returns
   * to management; an unknown one is added with the configured driver. A device that was
   * still lost when it was erased gets lost mode again: erase clears it on the device, but the
   * loss is not over until someone marks it found.
   */
  async enrolled(ref: DeviceRef & EnrollmentFacts, driver: string): Promise<{ device: Device; relocked: boolean }> {
    const { db, clock } = this.deps;
    const now = clock.now();
    const { device, returned } = await db.$transaction(async (tx) => {
      // A device listed by serial (inventory import) enrolling for the first time is the same device.
      const bySerial = ref.serial && "udid" in ref ? await tx.device.findFirst({ where: { serial: ref.serial, udid: null } }) : null;
      const known = (await this.find(ref, tx)) ?? bySerial;
      if (!known) {
        const platform = ref.platform ?? "IOS";
        const created = await tx.device.create({
          data: {
            platform,
            name: ref.name ?? ref.model ?? ("udid" in ref ? ref.udid : ref.externalId),
            model: ref.model ?? null,
            serial: ref.serial ?? null,
            ...("udid" in ref ? { udid: ref.udid } : { externalId: ref.externalId }),
            driver,
            state: "MANAGED",
            enrolledAt: now,
            lastCheckInAt: now,
            createdAt: now,
          },
        });
        await audit(tx, { actor: `driver:${driver}`, action: "device.enrolled", subject: `device:${created.id}`, details: { platform, driver }, at: now });
        return { device: created, returned: false };
      }
      const wasGone = isGone(known.state);
      const updated = await tx.device.update({
        where: { id: known.id },
        data: {
          lastCheckInAt: now,
          driver,
          ...(known === bySerial && "udid" in ref ? { udid: ref.udid } : {}),
          ...(wasGone ? { state: "MANAGED", enrolledAt: now, passcodePresent: null } : {}),
        },
      });
      if (wasGone) await audit(tx, { actor: `driver:${driver}`, action: "device.reenrolled", subject: `device:${known.id}`, details: { from: known.state, driver }, at: now });
      return { device: updated, returned: wasGone };
    });
    if (!returned) return { device, relocked: false };
    return { device, relocked: await this.restorer.afterReturn(device.id, driver) };
  }

  /** A management service's full device list (all pages) into the device table. */
  importDevices(driver: string, pages: AsyncIterable<RemoteDevice[]>): Promise<ImportSummary> {
    return importRemoteDevices(this.deps, driver, pages, (id) => this.restorer.afterReturn(id, driver), this.lostModeExit(driver));
  }

  /** Whether the driver named so is configured and keeps a device list to import from. */
  canImportFrom(driver: string): boolean {
    const registry = this.deps.registry;
    return Boolean(registry?.has(driver) && registry.get(driver).devices);
  }

  /** The driver's own device list (every page) into the device table, when it keeps one. */
  async importFrom(driver: string): Promise<ImportSummary | null> {
    if (!this.canImportFrom(driver)) return null;
    return this.importDevices(driver, this.deps.registry!.get(driver).devices!());
  }

  /** One device's report from the service (a status report, an enrollment), outside a full import. */
  async remoteStatus(driver: string, device: RemoteDevice): Promise<"created" | "updated" | "left" | "skipped"> {
    const returned: string[] = [];
    const outcome = await upsertRemoteDevice(this.deps, driver, device, this.deps.clock.now(), (id) => void returned.push(id), this.lostModeExit(driver));
    for (const id of returned) await this.restorer.afterReturn(id, driver);
    return outcome;
  }

  private lostModeExit(driver: string) {
    const side = this.deps.deviceSide;
    return side ? (tx: Tx, deviceId: string) => side.changedOnDevice(tx, deviceId, "lost_mode_exited", `driver:${driver}`) : undefined;
  }

  /** The CommandUUID of the command a service names by its own id (an Android operation). */
  async commandUuidFor(driver: string, driverRef: string): Promise<string | null> {
    const c = await this.deps.db.command.findFirst({ where: { driver, driverRef }, select: { uuid: true } });
    return c?.uuid ?? null;
  }


  private find(ref: DeviceRef, tx: Pick<Db, "device"> = this.deps.db) {
    return "udid" in ref ? tx.device.findUnique({ where: { udid: ref.udid } }) : tx.device.findUnique({ where: { externalId: ref.externalId } });
  }
}
