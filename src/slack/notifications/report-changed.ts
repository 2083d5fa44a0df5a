// A report changed (status, picked device, a command on its device): the incident message is
// re-rendered in place, so it always shows the current report, devices and commands.
import { refChannel, refTs, type OutboxItem } from "../../core/outbox.js";
import type { Tx } from "../../core/audit.js";
import { loadIncident } from "../../core/reports/incident.js";
import { incidentMessage } from "../blocks/incident.js";
import type { NotificationHandler, NotifyContext } from "./handler.js";

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
  const items = await incidentUpdate(tx, event.reportId, ctx);
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
