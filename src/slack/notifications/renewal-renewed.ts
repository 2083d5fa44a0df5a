// A renewal done through the app (certificate installed, Gmail sign-in confirmed): the admin
// channel hears the new deadline, so nobody renews it twice. A confirmed certificate replacement
// also loses its Confirm button, so nobody presses it again.
import { ADMIN_CHANNEL, refChannel, refTs, type OutboxItem } from "../../core/outbox.js";
import { renewedMessage } from "../blocks/renewals.js";
import type { NotificationHandler } from "./handler.js";

export const renewalRenewed: NotificationHandler<{ type: "renewal.renewed"; renewalId: string; actor: string }> = async (tx, event, ctx) => {
  const renewal = await tx.renewal.findUnique({ where: { id: event.renewalId }, include: { account: true } });
  if (!renewal) return [];
  const message = renewedMessage(renewal, event.actor, ctx);
  const items: OutboxItem[] = [{ method: "chat.postMessage", payload: { channel: ADMIN_CHANNEL, ...message } }];
  const requestId = (renewal.details as { requestId?: string } | null)?.requestId;
  const key = `pushcert-override:${requestId}`;
  if (requestId && (await tx.outboxMessage.findFirst({ where: { correlation: key }, select: { id: true } }))) {
    items.push({ method: "chat.update", payload: { channel: refChannel(key), ts: refTs(key), ...message }, orderingKey: key });
  }
  return items;
};
