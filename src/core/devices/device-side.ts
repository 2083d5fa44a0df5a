// What a managed device did by itself, as its management service reports it: where it is while
// lost (Android USAGE_LOGS lostModeLocationEvent), and changes made on the device (the person
// holding it left lost mode with the device password). Each lands on the device record and in
// the thread of every open loss report about the device — admins must see where the phone is,
// and that someone unlocked it.
import type { Db } from "../../db/client.js";
import { audit, type Tx } from "../audit.js";
import type { Clock } from "../clock.js";
import type { EventSink } from "../events.js";
import type { LossReports } from "../reports/service.js";
import { CLOSED_STATUSES } from "../reports/service.js";
import { isProgress } from "../commands/rules.js";
import type { DeviceSideChange, ReportedLocation } from "../ports/device-side.js";

export type { DeviceSideChange, ReportedLocation };

export interface DeviceSideDeps {
  db: Db;
  clock: Clock;
  events: EventSink;
  reports: Pick<LossReports, "recordStatus">;
}

export class DeviceSide {
  constructor(private readonly deps: DeviceSideDeps) {}

  /** A location the device sent by itself. Older than the one we have: kept out of the record, still posted. */
  async located(driver: string, externalId: string, loc: ReportedLocation): Promise<boolean> {
    const { db, events } = this.deps;
    return db.$transaction(async (tx) => {
      const device = await tx.device.findUnique({
        where: { externalId },
        select: { id: true, driver: true, lastLocatedAt: true },
      });
      if (!device || device.driver !== driver) return false;
      if (!device.lastLocatedAt || loc.at > device.lastLocatedAt) {
        await tx.device.update({
          where: { id: device.id },
          data: { lastLatitude: loc.latitude, lastLongitude: loc.longitude, lastLocatedAt: loc.at },
        });
      }
      const reportIds = await this.openReports(tx, device.id);
      for (const reportId of reportIds) await this.follow(tx, reportId, "LOCATED", `driver:${driver}`);
      await events.publish(tx, {
        type: "device.located",
        deviceId: device.id,
        reportIds,
        location: { ...loc, at: loc.at.toISOString() },
      });
      return true;
    });
  }

  /**
   * The device says lost mode is off although we had it on: the person holding it left lost
   * mode on the phone (Android allows it with the device password). The device is "managed"
   * again, so lost mode can be enabled again, and the admins are told at once.
   */
  async changedOnDevice(tx: Tx, deviceId: string, change: DeviceSideChange, actor: string): Promise<void> {
    const now = this.deps.clock.now();
    if (change === "lost_mode_exited") {
      const { count } = await tx.device.updateMany({
        where: { id: deviceId, state: "LOST_MODE" },
        data: { state: "MANAGED" },
      });
      if (!count) return;
    }
    await audit(tx, { actor, action: `device.on_device.${change}`, subject: `device:${deviceId}`, at: now });
    const reportIds = await this.openReports(tx, deviceId);
    await this.deps.events.publish(tx, { type: "device.changed_on_device", deviceId, reportIds, change });
  }

  /** changedOnDevice in its own transaction, for a device named by the service's id. */
  async changedOnDeviceByRef(driver: string, externalId: string, change: DeviceSideChange): Promise<boolean> {
    return this.deps.db.$transaction(async (tx) => {
      const device = await tx.device.findUnique({ where: { externalId }, select: { id: true, driver: true } });
      if (!device || device.driver !== driver) return false;
      await this.changedOnDevice(tx, device.id, change, `driver:${driver}`);
      return true;
    });
  }

  private async openReports(tx: Tx, deviceId: string): Promise<string[]> {
    const links = await tx.lossReportDevice.findMany({
      where: { deviceId, report: { status: { notIn: [...CLOSED_STATUSES] } } },
      select: { reportId: true },
    });
    return links.map((l) => l.reportId);
  }

  private async follow(tx: Tx, reportId: string, status: "LOCATED", actor: string) {
    const report = await tx.lossReport.findUnique({ where: { id: reportId }, select: { status: true } });
    if (report && isProgress(report.status, status))
      await this.deps.reports.recordStatus(tx, reportId, status, { actor });
  }
}
