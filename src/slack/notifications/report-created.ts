// A new loss report: one incident message in the admin channel (recorded as "report:<id>" so
// later changes update it in place) and, when the reporter has Slack, a DM with their
// reference and status link in their own language.
import { ADMIN_CHANNEL, type OutboxItem } from "../../core/outbox.js";
import { loadIncident } from "../../core/reports/incident.js";
import { isLocale, t } from "../../i18n/index.js";
import { incidentMessage } from "../blocks/incident.js";
import type { NotificationHandler } from "./handler.js";

export const reportCreated: NotificationHandler<{
  type: "report.created";
  reportId: string;
  statusToken?: string;
}> = async (tx, event, ctx) => {
  const incident = await loadIncident(tx, event.reportId);
  if (!incident) return [];
  const key = `report:${event.reportId}`;
  const items: OutboxItem[] = [
    {
      method: "chat.postMessage",
      payload: { channel: ADMIN_CHANNEL, unfurl_links: false, ...incidentMessage(incident, ctx.locale, ctx.timeZone) },
      correlation: key,
      orderingKey: key,
      dedupeKey: `${key}:post`,
    },
  ];
  const { report } = incident;
  const slackUser = report.reporterSlackUserId ?? report.reporter?.slackUserId;
  // A directory member not linked to Slack yet is found by their e-mail when the DM goes out.
  const reporterEmail = report.reporter && !slackUser ? report.reporter.email : null;
  if ((slackUser || reporterEmail) && event.statusToken) {
    const locale = isLocale(report.locale) ? report.locale : ctx.locale;
    const url = `${ctx.publicUrl.replace(/\/$/, "")}/report/status/${event.statusToken}`;
    items.push({
      method: "dm",
      payload: {
        ...(slackUser ? { user: slackUser } : { email: reporterEmail }),
        text: t(locale, "report.dm", { reference: report.reference, url }),
        unfurl_links: false,
      },
      dedupeKey: `${key}:dm`,
    });
  }
  return items;
};
