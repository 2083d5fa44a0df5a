// The case record's words, both languages side by side on every line (an auditor in Tokyo and
// a parent company abroad read the same page): labels for the audit actions and each entry's
// facts in one short line.
import { formatDateTime, t, textOr } from "../../i18n/index.js";
import type { CaseEntry, CaseRecord } from "./case-record.js";

/** "紛失モード (Lost mode)"-style pair from one i18n key; the raw key when it has no words. */
export function both(key: string, vars?: Record<string, string | number>): { ja: string; en: string } {
  // Keys here are made of audit actions and detail names read from the log: asked at run time.
  return { ja: textOr("ja", key, key, vars), en: textOr("en", key, key, vars) };
}

export function actionLabel(action: string): { ja: string; en: string } {
  const key = `case.action.${action}`;
  const pair = both(key);
  if (pair.en !== key) return pair;
  if (action.startsWith("report.status.")) {
    const status = both(`report.status.${action.slice("report.status.".length).toUpperCase()}`);
    return {
      ja: `${t("ja", "case.action.status")}: ${status.ja}`,
      en: `${t("en", "case.action.status")}: ${status.en}`,
    };
  }
  return { ja: action, en: action };
}

const DETAIL_KEYS = [
  "type",
  "state",
  "from",
  "to",
  "note",
  "reason",
  "because",
  "given",
  "required",
  "limit",
  "minutes",
  "hours",
  "breakGlass",
  "value",
  "key",
  "userGroup",
] as const;

/** The facts of one entry, short: "type: ERASE_DEVICE · from: QUEUED → SENT". */
export function detailText(e: CaseEntry): string {
  const d = e.details;
  const parts: string[] = [];
  if (typeof d.from === "string" && typeof d.to === "string") parts.push(`${d.from} → ${d.to}`);
  for (const k of DETAIL_KEYS) {
    if (k === "from" || k === "to") continue;
    const v = d[k];
    if (v === undefined || v === null || v === "" || (k === "type" && e.commandType === v && parts.length)) continue;
    parts.push(`${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`);
  }
  return parts.join(" · ").slice(0, 400);
}

export function actorText(actor: string, name: string | null): string {
  if (name) return `${name} (${actor})`;
  if (actor === "system") return "システム / system";
  return actor;
}

export const whenJa = (d: Date | null, tz: string) => (d ? formatDateTime(d, "ja", tz, { year: true }) : "—");

export function minutesBetween(a: Date, b: Date | null): string {
  if (!b) return "—";
  const m = Math.round((b.getTime() - a.getTime()) / 60_000);
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}`;
}

export function checklistValue(value: unknown): string {
  if (value === true) return "はい / yes";
  if (value === false) return "いいえ / no";
  if (value && typeof value === "object")
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join(" · ");
  return String(value ?? "—");
}

export type { CaseRecord };
