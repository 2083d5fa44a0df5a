// The case record as CSV (UTF-8 with a BOM for Excel): one row per fact, the section first, so
// an auditor can filter the decisions, the commands or the checklist. Both languages per row.
import { toCsv } from "../../core/csv.js";
import { actionLabel, actorText, both, checklistValue, detailText } from "./text.js";
import type { CaseRecord } from "../../core/response/case-record.js";

const iso = (d: Date | null) => (d ? d.toISOString() : "");

export function caseRecordCsv(r: CaseRecord, timeZone: string): string {
  const local = (d: Date | null) =>
    d ? new Intl.DateTimeFormat("sv-SE", { timeZone, dateStyle: "short", timeStyle: "medium" }).format(d) : "";
  const rows: unknown[][] = [
    [
      "section",
      "time_utc",
      `time_${timeZone}`,
      "actor",
      "item_ja",
      "item_en",
      "device",
      "serial",
      "udid",
      "imei",
      "detail",
    ],
  ];
  const field = (key: string, value: unknown, at: Date | null = null) => {
    const l = both(`case.field.${key}`);
    rows.push(["report", iso(at), local(at), "", l.ja, l.en, "", "", "", "", value ?? ""]);
  };
  field("reference", r.report.reference, r.report.createdAt);
  field("channel", r.report.channel);
  field("reporter", `${r.report.reporterName ?? ""} <${r.report.reporterEmail}>`);
  // The exact time, or the reporter's words with the best guess's time in the row's time columns.
  field("lost_at", r.report.lostAtText ?? iso(r.report.lostAt), r.report.lostAtText ? r.report.lostAt : null);
  field("location", r.report.location);
  field("circumstances", r.report.circumstances);
  field("status", r.report.status, r.report.closedAt);
  for (const d of r.devices) {
    rows.push([
      "device",
      "",
      "",
      "",
      d.platform,
      d.model ?? "",
      d.name,
      d.serial ?? "",
      d.udid ?? "",
      d.imei ?? "",
      `owner: ${d.ownerName ?? ""} <${d.ownerEmail ?? ""}> · ownership: ${d.ownership ?? "unknown"} · state: ${d.state}`,
    ]);
  }
  for (const e of r.timeline) {
    const l = actionLabel(e.action);
    const dev = r.devices.find((d) => d.name === e.deviceName);
    rows.push([
      "event",
      iso(e.at),
      local(e.at),
      actorText(e.actor, e.actorName),
      l.ja,
      l.en,
      e.deviceName ?? "",
      dev?.serial ?? "",
      dev?.udid ?? "",
      dev?.imei ?? "",
      detailText(e),
    ]);
  }
  for (const c of r.commands) {
    const l = both(`command.type.${c.type}`);
    rows.push([
      "command",
      iso(c.requestedAt),
      local(c.requestedAt),
      c.requestedBy ?? "",
      l.ja,
      l.en,
      c.deviceName,
      "",
      "",
      "",
      `state: ${c.state}${c.error ? ` · error: ${c.error}` : ""}${c.approvals.length ? ` · approvals: ${c.approvals.map((a) => actorText(a.actor, a.actorName)).join(", ")}` : ""}${c.breakGlass ? " · break-glass" : ""}`,
    ]);
  }
  for (const p of r.locations)
    rows.push([
      "location",
      iso(p.at),
      local(p.at),
      "",
      "位置情報",
      "location fix",
      p.deviceName,
      "",
      "",
      "",
      `${p.latitude.toFixed(6)},${p.longitude.toFixed(6)}`,
    ]);
  for (const c of r.checklist) {
    const l = both(`checklist.item.${c.key}`);
    rows.push([
      "checklist",
      iso(c.checkedAt),
      local(c.checkedAt),
      actorText(c.checkedBy, c.checkedByName),
      l.ja,
      l.en,
      "",
      "",
      "",
      "",
      checklistValue(c.value),
    ]);
  }
  return toCsv(rows);
}
