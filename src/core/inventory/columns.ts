// The inventory spreadsheet's columns, shared by export and import so an exported file can be
// edited and loaded back. Headers are written in the reader's language (by the adapter that
// renders the sheet); import accepts the header in any language the app speaks, or the key itself.
import type { Platform } from "../../generated/prisma/enums.js";

export const EXPORT_COLUMNS = [
  "deviceName",
  "platform",
  "model",
  "serial",
  "udid",
  "imei",
  "phoneNumber",
  "ownerName",
  "ownerEmail",
  "department",
  "supervised",
  "ade",
  "byod",
  "state",
  "lastCheckIn",
  "openAlerts",
] as const;

/** What import reads; other columns (state, last check-in…) are the server's to say and are ignored. */
export const IMPORT_COLUMNS = [
  "deviceName",
  "platform",
  "model",
  "serial",
  "udid",
  "imei",
  "phoneNumber",
  "ownerName",
  "ownerEmail",
  "ownerSlackId",
  "department",
  "supervised",
  "ade",
  // The employee's own device (incident response): a wipe then removes company data only.
  "byod",
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_\-()（）]/g, "");

/** Each column's header text in every language the app speaks (set up where the app is wired). */
export type ColumnHeaderNames = Readonly<Record<string, readonly string[]>>;

/** A header cell → the column it names, in any of `names` or as the key. */
export function columnForHeader(header: string, names: ColumnHeaderNames = {}): ImportColumn | ExportColumn | null {
  const h = norm(header);
  for (const key of [...IMPORT_COLUMNS, ...EXPORT_COLUMNS]) {
    if (norm(key) === h) return key;
    if (names[key]?.some((n) => norm(n) === h)) return key;
  }
  return null;
}

export const PLATFORM_LABEL: Record<Platform, string> = {
  IOS: "iOS",
  IPADOS: "iPadOS",
  MACOS: "macOS",
  ANDROID: "Android",
  WINDOWS: "Windows",
};

export function parsePlatform(v: string): Platform | null {
  const n = norm(v);
  const found = (Object.entries(PLATFORM_LABEL) as [Platform, string][]).find(([, label]) => norm(label) === n);
  if (found) return found[0];
  if (n === "iphone") return "IOS";
  if (n === "ipad") return "IPADOS";
  if (n === "mac" || n === "osx") return "MACOS";
  if (n === "win") return "WINDOWS";
  return null;
}

/** yes/no in either language; "" → undefined (keep what is there). */
export function parseYesNo(v: string): boolean | undefined | null {
  const n = norm(v);
  if (n === "") return undefined;
  if (["yes", "y", "true", "1", "はい", "○", "◯", "有", "あり"].includes(n)) return true;
  if (["no", "n", "false", "0", "いいえ", "×", "無", "なし"].includes(n)) return false;
  return null;
}
