// Loading a company's people and devices on day one from a spreadsheet. The sheet is checked
// first (import-sheet.ts); then, in one transaction, the database: one bad line means nothing is
// imported. Loading the same file twice changes nothing.
import type { Db } from "../../db/client.js";
import type { Actor } from "../actors.js";
import { audit, type Tx } from "../audit.js";
import type { Clock } from "../clock.js";
import { noEvents, type EventSink } from "../events.js";
import type { ColumnHeaderNames } from "./columns.js";
import {
  checkInventoryCsv,
  IDS,
  InventoryImportError,
  type CheckedSheet,
  type DeviceRow,
  type LineError,
  type PersonRow,
} from "./import-sheet.js";

export interface ImportSummary {
  lines: number;
  peopleCreated: number;
  peopleUpdated: number;
  devicesCreated: number;
  devicesUpdated: number;
  departmentsCreated: number;
}

export async function importInventory(
  db: Db,
  clock: Clock,
  actor: Actor,
  text: string,
  events: EventSink = noEvents,
  headerNames: ColumnHeaderNames = {},
): Promise<ImportSummary> {
  const sheet = checkInventoryCsv(text, headerNames);
  const summary: ImportSummary = {
    lines: sheet.lines,
    peopleCreated: 0,
    peopleUpdated: 0,
    devicesCreated: 0,
    devicesUpdated: 0,
    departmentsCreated: 0,
  };
  await db.$transaction(
    async (tx) => {
      const matches = await checkAgainstDatabase(tx, sheet);
      const departmentIds = await saveDepartments(tx, sheet.people, summary);
      const personIds = await savePeople(tx, sheet.people, departmentIds, summary, events);
      const now = clock.now();
      await saveDevices(tx, sheet.devices, matches, personIds, now, summary);
      await audit(tx, { actor: actor.id, action: "inventory.import", details: { ...summary }, at: now });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return summary;
}

/**
 * Each line's device as the database knows it (by serial, UDID or IMEI), or null for a new one.
 * Identifiers already in the database must point at one device per line, or the line would merge
 * two devices into one; a Slack id must not belong to someone else.
 */
async function checkAgainstDatabase(tx: Tx, sheet: CheckedSheet): Promise<Map<DeviceRow, string | null>> {
  const errors: LineError[] = [];
  const matches = new Map<DeviceRow, string | null>();
  for (const d of sheet.devices) {
    const found = await tx.device.findMany({
      where: { OR: IDS.filter((c) => d[c]).map((c) => ({ [c]: { equals: d[c]!, mode: "insensitive" as const } })) },
      select: { id: true },
    });
    if (found.length > 1) errors.push({ line: d.line, code: "identifiers_conflict", column: "serial" });
    matches.set(d, found[0]?.id ?? null);
  }
  for (const p of sheet.people.values()) {
    if (!p.slackUserId) continue;
    const holder = await tx.person.findUnique({ where: { slackUserId: p.slackUserId }, select: { email: true } });
    if (holder && holder.email !== p.email)
      errors.push({ line: p.line, code: "slack_id_taken", column: "ownerSlackId", value: p.slackUserId });
  }
  if (errors.length) throw new InventoryImportError(errors.sort((a, b) => a.line - b.line));
  return matches;
}

async function saveDepartments(
  tx: Tx,
  people: Map<string, PersonRow>,
  summary: ImportSummary,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const name of new Set([...people.values()].flatMap((p) => (p.department ? [p.department] : [])))) {
    const existing = await tx.department.findUnique({ where: { name } });
    const dept = existing ?? (await tx.department.create({ data: { name } }));
    if (!existing) summary.departmentsCreated++;
    ids.set(name, dept.id);
  }
  return ids;
}

/** People by e-mail; those still without a Slack account are announced so someone links them. */
async function savePeople(
  tx: Tx,
  people: Map<string, PersonRow>,
  departmentIds: Map<string, string>,
  summary: ImportSummary,
  events: EventSink,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const unlinked: string[] = [];
  for (const p of people.values()) {
    const data = {
      ...(p.name ? { name: p.name } : {}),
      ...(p.slackUserId ? { slackUserId: p.slackUserId } : {}),
      ...(p.department ? { departmentId: departmentIds.get(p.department)! } : {}),
    };
    const existing = await tx.person.findUnique({ where: { email: p.email } });
    const person = existing
      ? await tx.person.update({ where: { id: existing.id }, data: { ...data, autoCreated: false } })
      : await tx.person.create({ data: { email: p.email, ...data } });
    if (existing) summary.peopleUpdated++;
    else summary.peopleCreated++;
    ids.set(p.email, person.id);
    if (!person.slackUserId) unlinked.push(person.email);
  }
  if (unlinked.length) await events.publish(tx, { type: "people.unlinked", emails: unlinked });
  return ids;
}

async function saveDevices(
  tx: Tx,
  devices: DeviceRow[],
  matches: Map<DeviceRow, string | null>,
  personIds: Map<string, string>,
  now: Date,
  summary: ImportSummary,
): Promise<void> {
  for (const d of devices) {
    const data = deviceData(d, personIds);
    const id = matches.get(d);
    if (id) {
      // What the device said of itself (DeviceInformation) wins; the file fills the rest.
      const said = (await tx.device.findUnique({ where: { id }, select: { selfReportedAt: true } }))?.selfReportedAt;
      await tx.device.update({ where: { id }, data: said ? withoutSelfReported(data) : data });
      summary.devicesUpdated++;
    } else {
      await tx.device.create({ data: { ...data, enrolledAt: now, createdAt: now } });
      summary.devicesCreated++;
    }
  }
}

/** The columns the line filled; an empty cell leaves what the database has. */
function deviceData(d: DeviceRow, personIds: Map<string, string>) {
  return {
    name: d.name,
    platform: d.platform,
    ...(d.model ? { model: d.model } : {}),
    ...(d.serial ? { serial: d.serial } : {}),
    ...(d.udid ? { udid: d.udid } : {}),
    ...(d.imei ? { imei: d.imei } : {}),
    ...(d.phoneNumber ? { phoneNumber: d.phoneNumber } : {}),
    ...(d.supervised !== undefined ? { supervised: d.supervised } : {}),
    ...(d.ade !== undefined ? { ade: d.ade } : {}),
    ...(d.byod !== undefined ? { byod: d.byod } : {}),
    ...(d.ownerEmail ? { ownerId: personIds.get(d.ownerEmail)! } : {}),
  };
}

/** The fields a device's own DeviceInformation answer is the authority on. */
function withoutSelfReported<T extends Record<string, unknown>>(
  data: T,
): Omit<T, "platform" | "model" | "serial" | "supervised"> {
  const { platform: _p, model: _m, serial: _s, supervised: _v, ...rest } = data;
  return rest;
}
