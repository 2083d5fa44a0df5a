// Reading the day-one spreadsheet of people and devices, before anything is written: every line
// is checked, and the report names each bad line (by the line a person sees in their editor) so
// the file can be fixed and loaded again.
import type { Platform } from "../../generated/prisma/enums.js";
import { parseCsvUpToBreak, type CsvRow, type CsvSyntaxError } from "../csv.js";
import { InvalidInputError } from "../errors.js";
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

export interface PersonRow {
  /** The first line that names this person. */
  line: number;
  email: string;
  name?: string;
  slackUserId?: string;
  department?: string;
}

export interface DeviceRow {
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

export interface CheckedSheet {
  people: Map<string, PersonRow>;
  devices: DeviceRow[];
  lines: number;
}

export class InventoryImportError extends InvalidInputError {
  constructor(readonly errors: LineError[]) {
    super(`${errors.length} problem(s) in the file; nothing was imported.`, { errors });
  }
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
const SLACK_ID = /^[UW][A-Z0-9]{2,}$/;
/** The identifiers that tell one device from another; at least one per device. */
export const IDS = ["serial", "udid", "imei"] as const;
const DEVICE_COLUMNS: ImportColumn[] = ["deviceName", "platform", "model", "serial", "udid", "imei", "phoneNumber"];
const FLAGS = ["supervised", "ade", "byod"] as const;

export function checkInventoryCsv(text: string, headerNames: ColumnHeaderNames = {}): CheckedSheet {
  const { rows, broken } = parseCsvUpToBreak(text);
  const [head, ...body] = rows;
  if (!head) throw new InventoryImportError([broken ? brokenLine(broken) : { line: 1, code: "empty_file" }]);
  const columns = head.cells.map((h) => columnForHeader(h, headerNames));
  if (!columns.includes("ownerEmail") && !columns.includes("deviceName"))
    throw new InventoryImportError([{ line: head.line, code: "header_missing" }]);
  if (body.length > MAX_IMPORT_ROWS)
    throw new InventoryImportError([{ line: head.line, code: "too_many_rows", value: String(MAX_IMPORT_ROWS) }]);

  const sheet: CheckedSheet = { people: new Map(), devices: [], lines: body.length };
  const errors: LineError[] = [];
  const seenIds = new Map<string, number>();
  for (const row of body) {
    const line = new SheetLine(row, columns);
    checkLine(line, seenIds);
    if (line.errors.length) errors.push(...line.errors);
    else addLine(sheet, line);
  }
  if (broken) errors.push(brokenLine(broken));
  if (errors.length) throw new InventoryImportError(errors);
  return sheet;
}

/** Where the file stops being CSV (a quote never closed); the lines before it are still checked. */
function brokenLine(broken: CsvSyntaxError): LineError {
  return { line: broken.line, code: broken.reason };
}

/** One line of the sheet, read by column name, and what is wrong with it. */
class SheetLine {
  readonly line: number;
  readonly errors: LineError[] = [];
  constructor(
    private readonly row: CsvRow,
    private readonly columns: ReturnType<typeof columnForHeader>[],
  ) {
    this.line = row.line;
  }

  get(c: ImportColumn): string {
    const i = this.columns.indexOf(c);
    return i < 0 ? "" : (this.row.cells[i] ?? "").trim().replace(/^'(?=[=+\-@])/, ""); // undo export's formula guard
  }
  opt(c: ImportColumn): string | undefined {
    return this.get(c) || undefined;
  }
  bad(code: string, column?: ImportColumn, extra: Partial<LineError> = {}): void {
    this.errors.push({
      line: this.line,
      code,
      column,
      value: column ? this.get(column).slice(0, 60) : undefined,
      ...extra,
    });
  }

  get email(): string {
    return this.get("ownerEmail").toLowerCase();
  }
  get slackId(): string {
    return this.get("ownerSlackId").toUpperCase();
  }
  get hasDevice(): boolean {
    return DEVICE_COLUMNS.some((c) => this.get(c));
  }
}

function checkLine(l: SheetLine, seenIds: Map<string, number>): void {
  checkOwner(l);
  if (l.hasDevice) {
    checkDevice(l);
    checkDuplicates(l, seenIds);
  } else if (!l.email) l.bad("row_empty");
}

function checkOwner(l: SheetLine): void {
  if (l.email && !EMAIL.test(l.email)) l.bad("email_invalid", "ownerEmail");
  if (l.slackId && !SLACK_ID.test(l.slackId)) l.bad("slack_id_invalid", "ownerSlackId");
  if (!l.email && (l.get("ownerName") || l.slackId || l.get("department"))) l.bad("owner_email_missing", "ownerEmail");
}

function checkDevice(l: SheetLine): void {
  if (!l.get("deviceName")) l.bad("device_name_missing", "deviceName");
  if (!parsePlatform(l.get("platform"))) l.bad("platform_invalid", "platform");
  if (!IDS.some((c) => l.get(c))) l.bad("identifier_missing", "serial");
  for (const c of FLAGS) if (parseYesNo(l.get(c)) === null) l.bad("yes_no_invalid", c);
}

/** A serial, UDID or IMEI on two lines would make one device of two. */
function checkDuplicates(l: SheetLine, seenIds: Map<string, number>): void {
  for (const c of IDS) {
    const v = l.get(c).toLowerCase();
    if (!v) continue;
    const key = `${c}:${v}`;
    const first = seenIds.get(key);
    if (first !== undefined) l.bad("duplicate_in_file", c, { value: l.get(c), first });
    else seenIds.set(key, l.line);
  }
}

/** A good line: its owner (merged with earlier lines naming them) and its device. */
function addLine(sheet: CheckedSheet, l: SheetLine): void {
  const email = l.email;
  if (email) {
    const known = sheet.people.get(email) ?? { email, line: l.line };
    sheet.people.set(email, {
      ...known,
      name: l.get("ownerName") || known.name,
      slackUserId: l.slackId || known.slackUserId,
      department: l.get("department") || known.department,
    });
  }
  if (l.hasDevice) sheet.devices.push(deviceOf(l, email));
}

function deviceOf(l: SheetLine, ownerEmail: string): DeviceRow {
  const flags: Partial<Record<(typeof FLAGS)[number], boolean>> = {};
  for (const c of FLAGS) {
    const v = parseYesNo(l.get(c));
    if (v !== undefined && v !== null) flags[c] = v;
  }
  return {
    line: l.line,
    name: l.get("deviceName"),
    platform: parsePlatform(l.get("platform"))!,
    model: l.opt("model"),
    serial: l.opt("serial"),
    udid: l.opt("udid"),
    imei: l.opt("imei"),
    phoneNumber: l.opt("phoneNumber"),
    ...flags,
    ownerEmail: ownerEmail || undefined,
  };
}
