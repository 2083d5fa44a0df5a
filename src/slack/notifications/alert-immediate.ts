// Immediate alerts claimed together: a few become one post each (with their buttons); more
// become a single grouped post with the full list as a CSV in its thread, so a flood of
// hundreds of alerts is one message, not hundreds.
import { toCsv } from "../../core/alerts/csv.js";
import { ADMIN_CHANNEL, refTs, type OutboxItem } from "../../core/outbox.js";
import { t } from "../../i18n/index.js";
import { alertMessage, alertsCsvRows, GROUP_ABOVE, groupedAlertsMessage } from "../blocks/alerts.js";
import type { NotificationHandler } from "./handler.js";
import { loadAlertViews } from "./alert-views.js";

export const alertImmediate: NotificationHandler<{ type: "alerts.immediate"; alertIds: string[] }> = async (tx, event, ctx) => {
  const alerts = await loadAlertViews(tx, event.alertIds);
  if (!alerts.length) return [];
  if (alerts.length <= GROUP_ABOVE) {
    return alerts.map((a): OutboxItem => {
      const key = `alert:${a.id}`;
      return { method: "chat.postMessage", payload: { channel: ADMIN_CHANNEL, ...alertMessage(a, ctx) }, correlation: key, orderingKey: key, dedupeKey: `${key}:post` };
    });
  }
  const key = `alerts:batch:${alerts[0]!.id}`;
  const { header, rows } = alertsCsvRows(alerts, ctx);
  const filename = `alerts-${ctx.now.toISOString().slice(0, 16).replace(/[:T]/g, "")}.csv`;
  return [
    { method: "chat.postMessage", payload: { channel: ADMIN_CHANNEL, ...groupedAlertsMessage(alerts, ctx) }, correlation: key, orderingKey: key, dedupeKey: `${key}:post` },
    {
      method: "files.uploadV2",
      payload: {
        channel_id: ADMIN_CHANNEL,
        thread_ts: refTs(key),
        filename,
        title: t(ctx.locale, "alert.csv.title", { count: alerts.length }),
        content: Buffer.from(toCsv(header, rows)).toString("base64"),
      },
      orderingKey: key,
      dedupeKey: `${key}:csv`,
    },
  ];
};
