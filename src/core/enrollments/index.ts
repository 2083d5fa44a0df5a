// What the MDM services tell us about enrollment, in the domain's words: a device checked in,
// left management (Apple CheckOut), or came back after a wipe (an ADE device re-enrolling on
// activation — the vendor's guide to commands for a lost device 「デバイスの紛失時の対応」). Drivers' webhooks and imports call this; nothing here speaks HTTP.
import type { Db } from "../../db/client.js";
import type { Device, Platform } from "../../generated/prisma/client.js";
import { log } from "../../log.js";
import { audit, type Tx } from "../audit.js";
import type { Clock } from "../clock.js";
import type { EventSink } from "../events.js";
import type { Commands } from "../commands/index.js";
import type { AlertService, AppUsage } from "../alerts/index.js";
import {
  importRemoteDevices,
  upsertRemoteDevice,
  type ImportSummary,
  type OnReport,
  type RemoteDevice,
} from "./import.js";
import { LostModeRestorer } from "./relock.js";
import { mergeAppleMessage, type AppleMessage } from "./apple.js";
import { SYSTEM } from "../actors.js";
import { DomainError } from "../errors.js";
import { DAY } from "../clock.js";
import type { DriverRegistry } from "../ports/commands.js";
import type { DeviceSide } from "../devices/device-side.js";
import type { DeviceSideChange } from "../ports/device-side.js";

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
  /** The app usage policy check, for services that report installed apps. */
  appUsage?: Pick<AppUsage, "report">;
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

/** NanoMDM never retries a webhook: a burst of enrolments waits for a connection rather than fail. */
const WEBHOOK_TX = { maxWait: 15_000, timeout: 20_000 };

/** How often a device is asked to describe itself again (DeviceInformation, SecurityInfo, its apps). */
export const SELF_REPORT_EVERY_MS = DAY;

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
      if (count)
        await audit(this.deps.db, {
          actor: "system",
          action: "device.driver_selected",
          details: { driver: r.driver, count },
          at: now,
        });
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
   * An Apple enrolment message (Authenticate, TokenUpdate, CheckOut), merged into the one device
   * record whatever order they arrive in (src/core/enrollments/apple.ts). A device that became
   * reachable is asked to describe itself; one that came back gets its lost mode restored.
   */
  async appleCheckIn(
    msg: AppleMessage,
    driver: string,
  ): Promise<{ device: Device; relocked: boolean; asked: boolean }> {
    const { db, clock } = this.deps;
    const now = clock.now();
    const outcome = await db.$transaction(async (tx) => {
      const o = await mergeAppleMessage(tx, msg, { now, driver });
      if (o.left) {
        const raised = await this.deps.alerts.raise(
          [
            {
              type: "unenrolled",
              device: { id: o.device.id },
              detectedAt: now.toISOString(),
              details: { source: driver },
            },
          ],
          { source: driver, actor: `driver:${driver}`, tx },
        );
        if (raised.rejected.length)
          log.warn("unenrolled alert refused", {
            deviceId: o.device.id,
            reasons: raised.rejected.map((r) => r.reason),
          });
      }
      return o;
    }, WEBHOOK_TX);
    const relocked = outcome.returned ? await this.restorer.afterReturn(outcome.device.id, driver) : false;
    const asked = outcome.ask ? await this.askToDescribe(outcome.device.id, msg.udid) : false;
    return { device: outcome.device, relocked, asked };
  }

  /**
   * Queues DeviceInformation, SecurityInfo and InstalledApplicationList (once each while live):
   * the device describes itself, and its apps reach the app usage policy. True when all are pending.
   * With `udid`, a record merged away meanwhile (a listed device took the enrolment) is followed.
   */
  async askToDescribe(deviceId: string, udid?: string): Promise<boolean> {
    let ok = true;
    for (const type of ["DEVICE_INFORMATION", "SECURITY_INFO", "INSTALLED_APPLICATION_LIST"] as const) {
      for (let attempt = 0; ; attempt++) {
        try {
          await this.deps.commands.request(SYSTEM, { deviceId, type });
          break;
        } catch (err) {
          if (err instanceof DomainError && err.code === "conflict") break;
          const moved =
            udid && attempt === 0
              ? await this.deps.db.device.findUnique({ where: { udid }, select: { id: true } })
              : null;
          if (moved) {
            deviceId = moved.id;
            continue;
          }
          ok = false;
          log.warn("could not ask the device to describe itself", { deviceId, type, err });
          break;
        }
      }
    }
    return ok;
  }

  /** Scheduled, daily: every reachable Apple device on `driver` whose self-description is older than a day. */
  async askForSelfReports(now: Date, driver = "nanomdm"): Promise<number> {
    const due = await this.deps.db.device.findMany({
      where: {
        driver,
        state: { in: ["MANAGED", "LOST_MODE"] },
        OR: [
          { selfReportedAt: null },
          { selfReportedAt: { lt: new Date(now.getTime() - SELF_REPORT_EVERY_MS + 60 * 60_000) } },
        ],
      },
      select: { id: true },
      take: 1000,
    });
    let asked = 0;
    for (const d of due) {
      if (await this.askToDescribe(d.id)) asked++;
      await this.deps.commands.escrowBypassCode(d.id);
    }
    return asked;
  }

  /** A management service's full device list (all pages) into the device table. */
  async importDevices(driver: string, pages: AsyncIterable<RemoteDevice[]>): Promise<ImportSummary> {
    const withApps: RemoteDevice[] = [];
    async function* noting() {
      for await (const page of pages) {
        yield page;
        for (const d of page) if (d.installedApps) withApps.push(d);
      }
    }
    const summary = await importRemoteDevices(this.deps, driver, noting(), {
      onReturn: (id) => this.restorer.afterReturn(id, driver),
      onChange: this.deviceSideChange(driver),
      onReport: (r) => this.confirmFromReport(driver, r),
    });
    for (const d of withApps) await this.reportApps(driver, d);
    return summary;
  }

  /** The apps a service listed for one of its devices, checked against the app usage policy. */
  private async reportApps(driver: string, d: RemoteDevice): Promise<void> {
    if (!d.installedApps || !this.deps.appUsage) return;
    const device = await this.deps.db.device.findUnique({
      where: { externalId: d.externalId },
      select: { id: true, state: true },
    });
    if (device && (device.state === "MANAGED" || device.state === "LOST_MODE"))
      await this.deps.appUsage.report(device.id, d.installedApps, driver);
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
    await this.confirmFromReport(driver, device);
    const outcome = await upsertRemoteDevice(this.deps, driver, device, this.deps.clock.now(), {
      onReturn: (id) => void returned.push(id),
      onChange: this.deviceSideChange(driver),
    });
    for (const id of returned) await this.restorer.afterReturn(id, driver);
    await this.reportApps(driver, device);
    return outcome;
  }

  private deviceSideChange(driver: string) {
    const side = this.deps.deviceSide;
    return side
      ? (tx: Tx, deviceId: string, change: DeviceSideChange) =>
          side.changedOnDevice(tx, deviceId, change, `driver:${driver}`)
      : undefined;
  }

  /**
   * The device's own report settles a command still waiting for it, even when the service's
   * answer to the command itself never reaches us: a device the service deleted after it
   * confirmed our wipe (Android's final DELETED status report, or its absence from the list)
   * has been wiped; a device reporting lost mode applied, in a report taken after the command
   * went out, is in lost mode. True when a wipe was confirmed.
   */
  private async confirmFromReport(driver: string, r: Parameters<OnReport>[0]): Promise<boolean> {
    const type = r.gone ? "ERASE_DEVICE" : r.lost && r.lostStateKnown ? "ENABLE_LOST_MODE" : null;
    if (!type) return false;
    const pending = await this.deps.db.command.findFirst({
      where: { type, state: "SENT", driver, device: { externalId: r.externalId, driver } },
      select: { uuid: true, sentAt: true },
    });
    if (!pending) return false;
    if (type === "ENABLE_LOST_MODE" && !(r.lastSeenAt && pending.sentAt && r.lastSeenAt > pending.sentAt)) return false;
    await this.deps.commands.recordResult(
      pending.uuid,
      { status: "Acknowledged", result: { confirmedBy: r.gone ? "device_deleted" : "applied_state" } },
      { actor: `driver:${driver}` },
    );
    return type === "ERASE_DEVICE";
  }

  /** The CommandUUID of the command a service names by its own id (an Android operation). */
  async commandUuidFor(driver: string, driverRef: string): Promise<string | null> {
    const c = await this.deps.db.command.findFirst({ where: { driver, driverRef }, select: { uuid: true } });
    return c?.uuid ?? null;
  }

  private find(ref: DeviceRef, tx: Pick<Db, "device"> = this.deps.db) {
    return "udid" in ref
      ? tx.device.findUnique({ where: { udid: ref.udid } })
      : tx.device.findUnique({ where: { externalId: ref.externalId } });
  }
}
