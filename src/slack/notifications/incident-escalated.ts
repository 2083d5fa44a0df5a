// Nobody acted on a new incident in time: the thread mentions the on-call user group (and the
// post is shown in the channel), saying how long it has waited and whether it is business hours.
import { refChannel, refTs } from "../../core/outbox.js";
import { t } from "../../i18n/index.js";
import { slackGroupMention } from "../edge.js";
import type { NotificationHandler } from "./handler.js";

type Event = {
  type: "incident.escalated";
  reportId: string;
  minutes: number;
  businessHours: boolean;
  userGroup: string | null;
};

export const incidentEscalated: NotificationHandler<Event> = async (tx, e, ctx) => {
  const report = await tx.lossReport.findUnique({ where: { id: e.reportId }, select: { reference: true } });
  if (!report) return [];
  const key = `report:${e.reportId}`;
  const text = t(ctx.locale, "response.escalated", {
    // The one broadcast we mean: the on-call group the company configured, so it passes the edge.
    group:
      e.userGroup && /^S[A-Z0-9]+$/.test(e.userGroup)
        ? slackGroupMention(e.userGroup)
        : t(ctx.locale, "response.escalated.no_group"),
    reference: report.reference,
    minutes: e.minutes,
    when: t(ctx.locale, e.businessHours ? "response.escalated.business" : "response.escalated.off_hours"),
  });
  return [
    {
      method: "chat.postMessage",
      payload: { channel: refChannel(key), thread_ts: refTs(key), reply_broadcast: true, text },
      orderingKey: key,
      dedupeKey: `${key}:escalated`,
    },
  ];
};
