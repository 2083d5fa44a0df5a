// Loading a company's people and devices on day one from a spreadsheet. Every line is checked
// before anything is written: one bad line means nothing is imported, and the report names each
// bad line so the file can be fixed and loaded again. Loading the same file twice changes nothing.
import type { Db } from "../../db/client.js";
import type { Platform } from "../../generated/prisma/enums.js";
import type { Actor } from "../actors.js";
import { audit } from "../audit.js";
import type { Clock } from "../clock.js";
import { noEvents, type EventSink } from "../events.js";
import { InvalidInputError } from "../errors.js";
import { parseCsv } from "./csv.js";
import { columnForHeader, parsePlatform, parseYesNo, type ColumnHeaderNames, type ImportColumn } from "./columns.js";

export const MAX_IMPORT_ROWS = 5000;

/** A problem on one line; `code` is translated at the edge (i18n `import.error.<code>`). */
export interface LineError {
  line: number;
  code: string;
  column?: ImportColumn;
  value?: string;
  /** The earlier line a duplicate repeats. */
  first?: number;
}

interface PersonRow {
  email: string;
  name?: string;
  slackUserId?: string;
  department?: string;
}
interface DeviceRow {
  line: number;
  name: string;
  platform: Platform;
  model?: string;
  serial?: string;
  udid?: string;
  imei?: string;
  phoneNumber?: string;
  supervised?: boolean;
  ade?: boolean;
  byod?: boolean;
  ownerEmail?: string;
}

export interface ImportSummary {
  lines: number;
  peopleCreated: number;
  peopleUpdated: number;
  devicesCreated: number;
  devicesUpdated: number;
  departmentsCreated: number;
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
const SLACK_ID = /^[UW][A-Z0-9]{2,}$/;
const IDS = ["serial", "udid", "imei"] as const;

export class InventoryImportError extends InvalidInputError {
  constructor(readonly errors: LineError[]) {
    super(`${errors.length} problem(s) in the file; nothing was imported.`, { errors });
  }
}

export function checkInventoryCsv(
  text: string,
  headerNames: ColumnHeaderNames = {},
): { people: Map<string, PersonRow>; devices: DeviceRow[]; lines: number } {
  const rows = parseCsv(text);
  const errors: LineError[] = [];
  const [head, ...body] = rows;
  if (!head) throw new InventoryImportError([{ line: 1, code: "empty_file" }]);
  const columns = head.cells.map((h) => columnForHeader(h, headerNames));
  if (!columns.includes("ownerEmail") && !columns.includes("deviceName")) {
    throw new InventoryImportError([{ line: head.line, code: "header_missing" }]);
  }
  if (body.length > MAX_IMPORT_ROWS)
    throw new InventoryImportError([{ line: head.line, code: "too_many_rows", value: String(MAX_IMPORT_ROWS) }]);

  const people = new Map<string, PersonRow>();
  const devices: DeviceRow[] = [];
  const seenIds = new Map<string, number>();
  for (const { line, cells } of body) {
    const get = (c: ImportColumn) => {
      const i = columns.indexOf(c);
      return i < 0 ? "" : (cells[i] ?? "").trim().replace(/^'(?=[=+\-@])/, ""); // undo export's formula guard
    };
    const bad = (code: string, column?: ImportColumn) =>
      errors.push({ line, code, column, value: column ? get(column).slice(0, 60) : undefined });
    const before = errors.length;

    const email = get("ownerEmail").toLowerCase();
    if (email && !EMAIL.test(email)) bad("email_invalid", "ownerEmail");
    const slackId = get("ownerSlackId").toUpperCase();
    if (slackId && !SLACK_ID.test(slackId)) bad("slack_id_invalid", "ownerSlackId");
    if (!email && (get("ownerName") || slackId || get("department"))) bad("owner_email_missing", "ownerEmail");

    const hasDevice = ["deviceName", "platform", "model", "serial", "udid", "imei", "phoneNumber"].some((c) =>
      get(c as ImportColumn),
    );
    let platform: Platform | null = null;
    const flags: Partial<Record<"supervised" | "ade" | "byod", boolean>> = {};
    if (hasDevice) {
      if (!get("deviceName")) bad("device_name_missing", "deviceName");
      platform = parsePlatform(get("platform"));
      if (!platform) bad("platform_invalid", "platform");
      if (!IDS.some((c) => get(c))) bad("identifier_missing", "serial");
      for (const c of ["supervised", "ade", "byod"] as const) {
        const v = parseYesNo(get(c));
        if (v === null) bad("yes_no_invalid", c);
        else if (v !== undefined) flags[c] = v;
      }
      for (const c of IDS) {
        const v = get(c).toLowerCase();
        if (!v) continue;
        const key = `${c}:${v}`;
        const first = seenIds.get(key);
        if (first !== undefined) errors.push({ line, code: "duplicate_in_file", column: c, value: get(c), first });
        else seenIds.set(key, line);
      }
    } else if (!email) {
      bad("row_empty");
    }
    if (errors.length > before) continue;

    if (email) {
      const known = people.get(email) ?? { email };
      people.set(email, {
        email,
        name: get("ownerName") || known.name,
        slackUserId: slackId || known.slackUserId,
        department: get("department") || known.department,
      });
    }
    if (hasDevice) {
      const opt = (c: ImportColumn) => get(c) || undefined;
      devices.push({
        line,
        name: get("deviceName"),
        platform: platform!,
        model: opt("model"),
        serial: opt("serial"),
        udid: opt("udid"),
        imei: opt("imei"),
        phoneNumber: opt("phoneNumber"),
        ...flags,
        ownerEmail: email || undefined,
      });
    }
  }
  if (errors.length) throw new InventoryImportError(errors);
  return { people, devices, lines: body.length };
}

export async function importInventory(
  db: Db,
  clock: Clock,
  actor: Actor,
  text: string,
  events: EventSink = noEvents,
  headerNames: ColumnHeaderNames = {},
): Promise<ImportSummary> {
  const { people, devices, lines } = checkInventoryCsv(text, headerNames);
  const summary: ImportSummary = {
    lines,
    peopleCreated: 0,
    peopleUpdated: 0,
    devicesCreated: 0,
    devicesUpdated: 0,
    departmentsCreated: 0,
  };
  await db.$transaction(
    async (tx) => {
      const errors: LineError[] = [];
      // Identifiers already in the database must point at one device per line, or the line
      // would merge two devices into one.
      const matches = new Map<DeviceRow, string | null>();
      for (const d of devices) {
        const found = await tx.device.findMany({
          where: { OR: IDS.filter((c) => d[c]).map((c) => ({ [c]: { equals: d[c]!, mode: "insensitive" as const } })) },
          select: { id: true },
        });
        if (found.length > 1) errors.push({ line: d.line, code: "identifiers_conflict", column: "serial" });
        matches.set(d, found[0]?.id ?? null);
      }
      for (const p of people.values()) {
        if (!p.slackUserId) continue;
        const holder = await tx.person.findUnique({ where: { slackUserId: p.slackUserId }, select: { email: true } });
        if (holder && holder.email !== p.email) {
          const line = firstLineOf(text, p.email);
          errors.push({ line, code: "slack_id_taken", column: "ownerSlackId", value: p.slackUserId });
        }
      }
      if (errors.length) throw new InventoryImportError(errors.sort((a, b) => a.line - b.line));

      const departmentIds = new Map<string, string>();
      for (const name of new Set([...people.values()].map((p) => p.department).filter(Boolean) as string[])) {
        const existing = await tx.department.findUnique({ where: { name } });
        const dept = existing ?? (await tx.department.create({ data: { name } }));
        if (!existing) summary.departmentsCreated++;
        departmentIds.set(name, dept.id);
      }
      const personIds = new Map<string, string>();
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
        personIds.set(p.email, person.id);
        if (!person.slackUserId) unlinked.push(person.email);
      }
      if (unlinked.length) await events.publish(tx, { type: "people.unlinked", emails: unlinked });
      const now = clock.now();
      for (const d of devices) {
        const data = {
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
        const id = matches.get(d);
        if (id) {
          // What the device said of itself (DeviceInformation) wins; the file fills the rest.
          const said = (await tx.device.findUnique({ where: { id }, select: { selfReportedAt: true } }))
            ?.selfReportedAt;
          await tx.device.update({ where: { id }, data: said ? withoutSelfReported(data) : data });
          summary.devicesUpdated++;
        } else {
          await tx.device.create({ data: { ...data, enrolledAt: now, createdAt: now } });
          summary.devicesCreated++;
        }
      }
      await audit(tx, { actor: actor.id, action: "inventory.import", details: { ...summary }, at: now });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return summary;
}

function firstLineOf(text: string, email: string): number {
  const i = text.toLowerCase().indexOf(email);
  return i < 0 ? 1 : text.slice(0, i).split("\n").length;
}

/** The fields a device's own DeviceInformation answer is the authority on. */
function withoutSelfReported<T extends Record<string, unknown>>(
  data: T,
): Omit<T, "platform" | "model" | "serial" | "supervised"> {
  const { platform: _p, model: _m, serial: _s, supervised: _v, ...rest } = data;
  return rest;
}
