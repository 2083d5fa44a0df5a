// A report changed (status, picked device, a command on its device): the incident message is
// re-rendered in place, so it always shows the current report, devices and commands.
import { refChannel, refTs, type OutboxItem } from "../../core/outbox.js";
import type { Tx } from "../../core/audit.js";
import { loadIncident } from "../../core/reports/incident.js";
import { incidentMessage } from "../blocks/incident.js";
import type { Incident } from "../../core/reports/incident.js";
import { isLocale } from "../../i18n/index.js";
import { reporterStepMessage } from "../blocks/reporter.js";
import type { NotificationHandler, NotifyContext } from "./handler.js";

/** Where a DM to the reporter goes: their Slack id, else the directory's e-mail; null for a stranger. */
export function reporterAddress(report: Incident["report"]): { user: string } | { email: string } | null {
  const slackUser = report.reporterSlackUserId ?? report.reporter?.slackUserId;
  if (slackUser) return { user: slackUser };
  // A directory member not linked to Slack yet is found by their e-mail when the DM goes out; a
  // form e-mail outside the directory is never looked up (decision 0160).
  return report.reporter ? { email: report.reporter.email } : null;
}

/** The reporter's DM for the step the report is at, once per step, in the language they reported in. */
async function reporterStep(tx: Tx, reportId: string, ctx: NotifyContext): Promise<OutboxItem[]> {
  const incident = await loadIncident(tx, reportId);
  if (!incident) return [];
  const to = reporterAddress(incident.report);
  const message = reporterStepMessage(incident, isLocale(incident.report.locale) ? incident.report.locale : ctx.locale);
  if (!to || !message) return [];
  return [
    {
      method: "dm",
      payload: { ...to, ...message, unfurl_links: false },
      dedupeKey: `report:${reportId}:dm:${incident.report.status}`,
    },
  ];
}

/** The chat.update for a report's incident message; reusable by other events touching it. */
export async function incidentUpdate(tx: Tx, reportId: string, ctx: NotifyContext): Promise<OutboxItem[]> {
  const incident = await loadIncident(tx, reportId);
  if (!incident) return [];
  const key = `report:${reportId}`;
  return [
    {
      method: "chat.update",
      payload: { channel: refChannel(key), ts: refTs(key), ...incidentMessage(incident, ctx.locale, ctx.timeZone) },
      orderingKey: key,
    },
  ];
}

export const reportChanged: NotificationHandler<{ type: "report.changed"; reportId: string; note?: string }> = async (
  tx,
  event,
  ctx,
) => {
  const items = [...(await incidentUpdate(tx, event.reportId, ctx)), ...(await reporterStep(tx, event.reportId, ctx))];
  if (items.length && event.note) {
    const key = `report:${event.reportId}`;
    items.push({
      method: "chat.postMessage",
      payload: { channel: refChannel(key), thread_ts: refTs(key), text: event.note },
      orderingKey: key,
    });
  }
  return items;
};
