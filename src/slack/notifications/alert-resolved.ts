// An alert marked resolved: its own post (if it had one) loses its buttons and says who and when.
import { refChannel, refTs } from "../../core/outbox.js";
import { alertMessage } from "../blocks/alerts.js";
import type { NotificationHandler } from "./handler.js";
import { loadAlertViews } from "./alert-views.js";

export const alertResolved: NotificationHandler<{ type: "alert.resolved"; alertId: string }> = async (
  tx,
  event,
  ctx,
) => {
  const key = `alert:${event.alertId}`;
  // Only alerts posted one by one have a message to update; a grouped alert has none, and an
  // update waiting for a post that never comes would wait forever.
  const posted = await tx.outboxMessage.findFirst({ where: { correlation: key }, select: { id: true } });
  if (!posted) return [];
  const [alert] = await loadAlertViews(tx, [event.alertId]);
  if (!alert) return [];
  return [
    {
      method: "chat.update",
      payload: { channel: refChannel(key), ts: refTs(key), ...alertMessage(alert, ctx) },
      orderingKey: key,
    },
  ];
};
