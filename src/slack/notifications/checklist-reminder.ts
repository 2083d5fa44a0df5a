// A Commission deadline is near and the report is not marked filed: said in the incident thread
// and shown in the channel.
import { refChannel, refTs } from "../../core/outbox.js";
import { formatDateTime, t } from "../../i18n/index.js";
import type { NotificationHandler } from "./handler.js";

type Event = {
  type: "checklist.reminder";
  reportId: string;
  kind: "preliminary" | "final";
  dueAt: Date;
  daysBefore: number;
};

export const checklistReminder: NotificationHandler<Event> = async (tx, e, ctx) => {
  const r = await tx.lossReport.findUnique({ where: { id: e.reportId }, select: { reference: true } });
  if (!r) return [];
  const key = `report:${e.reportId}`;
  const text = t(ctx.locale, `checklist.reminder.${e.kind}`, {
    reference: r.reference,
    due: formatDateTime(new Date(e.dueAt), ctx.locale, ctx.timeZone, { year: true }),
    days: e.daysBefore,
  });
  return [
    {
      method: "chat.postMessage",
      payload: { channel: refChannel(key), thread_ts: refTs(key), reply_broadcast: true, text },
      orderingKey: key,
    },
  ];
};
