// The reporter edited their Google Form response: the incident message shows the new answers
// (re-rendered in place) and its thread says what changed, old → new, so nobody acts on a
// location or phone number the reporter has since corrected.
import { refChannel, refTs } from "../../core/outbox.js";
import type { FieldChange } from "../../core/reports/edits.js";
import { formatDateTime, t, textOr, type Locale } from "../../i18n/index.js";
import { escapeMrkdwn } from "../blocks/kit.js";
import type { NotificationHandler } from "./handler.js";
import { incidentUpdate } from "./report-changed.js";

function value(c: FieldChange, v: string | null, locale: Locale, timeZone: string): string {
  if (v === null || v === "") return t(locale, "report.edited.empty");
  if (c.field === "circumstances") return textOr(locale, `incident.circumstances.${v}`, v);
  if (c.field === "consentLostMode") return t(locale, v === "yes" ? "report.edited.yes" : "report.edited.no");
  if (c.field === "lostAt" && /^\d{4}-\d\d-\d\dT/.test(v)) return formatDateTime(new Date(v), locale, timeZone);
  return escapeMrkdwn(v).slice(0, 300);
}

export function editedText(changes: FieldChange[], locale: Locale, timeZone: string): string {
  const lines = changes.map(
    (c) =>
      `• *${t(locale, `report.edited.field.${c.field}`)}*: ${value(c, c.from, locale, timeZone)} → ${value(c, c.to, locale, timeZone)}`,
  );
  return [t(locale, "report.edited.title"), ...lines].join("\n");
}

export const reportEdited: NotificationHandler<{
  type: "report.edited";
  reportId: string;
  changes: FieldChange[];
}> = async (tx, event, ctx) => {
  const items = await incidentUpdate(tx, event.reportId, ctx);
  if (!items.length) return items;
  const key = `report:${event.reportId}`;
  items.push({
    method: "chat.postMessage",
    payload: {
      channel: refChannel(key),
      thread_ts: refTs(key),
      text: editedText(event.changes, ctx.locale, ctx.timeZone),
    },
    orderingKey: key,
  });
  return items;
};
