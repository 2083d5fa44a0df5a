// The device inventory: lookup, the spreadsheet export and import, and the overview the App
// Home shows. Every entry point checks who is asking; the Slack and CLI adapters only render.
import type { Db } from "../../db/client.js";
import type { Actor, Actors } from "../actors.js";
import type { Clock } from "../clock.js";
import { NotFoundError } from "../errors.js";
import { inventoryCount, inventoryPages, type InventoryRow } from "./export.js";
import type { ColumnHeaderNames } from "./columns.js";
import { importInventory } from "./import.js";
import type { EventSink } from "../events.js";
import { adminOverview, employeeOverview } from "./overview.js";
import { OPEN_REPORT_STATUSES, reportScope } from "./scope.js";
import { deviceDetail, searchDevices } from "./search.js";
import { pickerDevices } from "./picker.js";

export interface InventoryDeps {
  db: Db;
  clock: Clock;
  actors: Actors;
  events: EventSink;
  /** The sheet's headers in every language the app speaks, so an exported sheet loads back. */
  headerNames?: ColumnHeaderNames;
}

export class Inventory {
  constructor(private readonly deps: InventoryDeps) {}

  async search(actor: Actor, query: string) {
    this.deps.actors.requireAdmin(actor);
    return searchDevices(this.deps.db, actor, query);
  }

  /** The picker's options for `query` on a report (its reporter's devices first, then by name). */
  async pickable(actor: Actor, query: string, reportId?: string) {
    this.deps.actors.requireAdmin(actor);
    const report = reportId
      ? await this.deps.db.lossReport.findUnique({ where: { id: reportId }, select: { reporterId: true } })
      : null;
    return pickerDevices(this.deps.db, actor, query, report?.reporterId ?? null);
  }

  async device(actor: Actor, deviceId: string) {
    await this.deps.actors.requireDeviceAdmin(actor, deviceId);
    const d = await deviceDetail(this.deps.db, deviceId, OPEN_REPORT_STATUSES);
    if (!d) throw new NotFoundError("device", { what: deviceId }, { reason: "not_found.device" });
    return d;
  }

  /** A device's name and model as people know it, or null for no such device. */
  deviceLabel(deviceId: string) {
    return this.deps.db.device.findUnique({ where: { id: deviceId }, select: { name: true, model: true } });
  }

  async openReports(actor: Actor) {
    this.deps.actors.requireAdmin(actor);
    return this.deps.db.lossReport.findMany({
      where: { AND: [reportScope(actor), { status: { in: [...OPEN_REPORT_STATUSES] } }] },
      include: { devices: { include: { device: { select: { id: true, name: true } } } } },
      orderBy: { createdAt: "asc" },
      take: 20,
    });
  }

  /** The spreadsheet export's rows, every device the admin may see, a page at a time: streamed as it is read. */
  exportPages(actor: Actor): AsyncGenerator<InventoryRow[]> {
    this.deps.actors.requireAdmin(actor);
    return inventoryPages(this.deps.db, actor);
  }

  /** How many devices the export holds for this admin. */
  async exportCount(actor: Actor): Promise<number> {
    this.deps.actors.requireAdmin(actor);
    return inventoryCount(this.deps.db, actor);
  }

  /** Loading people and devices is a system administrator's job: it can re-assign any device. */
  async importCsv(actor: Actor, text: string) {
    this.deps.actors.requireSystemAdmin(actor);
    return importInventory(this.deps.db, this.deps.clock, actor, text, this.deps.events, this.deps.headerNames);
  }

  async adminOverview(actor: Actor) {
    this.deps.actors.requireAdmin(actor);
    return adminOverview(this.deps.db, actor, this.deps.clock.now());
  }

  employeeOverview(actor: Actor) {
    return employeeOverview(this.deps.db, actor);
  }
}

export type { ImportSummary } from "./import.js";
export { InventoryImportError, type LineError } from "./import-sheet.js";
export type { DeviceDetail, FoundDevice } from "./search.js";
export type { InventoryRow } from "./export.js";
export type { AdminOverview, EmployeeOverview } from "./overview.js";
