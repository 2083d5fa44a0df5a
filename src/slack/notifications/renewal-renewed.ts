// A deadline moved (certificate installed or replaced, a token's new expiry, Gmail sign-in, a
// renewal marked by hand): the admin channel hears the new deadline, so nobody renews it twice,
// and a replacement is announced as one. A confirmed certificate replacement
// also loses its Confirm button, so nobody presses it again.
import { ADMIN_CHANNEL, refChannel, refTs, type OutboxItem } from "../../core/outbox.js";
import type { DomainEvent } from "../../core/events.js";
import { renewedMessage } from "../blocks/renewals.js";
import type { NotificationHandler } from "./handler.js";

export const renewalRenewed: NotificationHandler<Extract<DomainEvent, { type: "renewal.renewed" }>> = async (
  tx,
  event,
  ctx,
) => {
  const renewal = await tx.renewal.findUnique({ where: { id: event.renewalId }, include: { account: true } });
  if (!renewal) return [];
  const message = renewedMessage(
    renewal,
    event.actor,
    ctx,
    event.how ?? "renewed",
    event.previous ? new Date(event.previous) : null,
  );
  const items: OutboxItem[] = [{ method: "chat.postMessage", payload: { channel: ADMIN_CHANNEL, ...message } }];
  const requestId = (renewal.details as { requestId?: string } | null)?.requestId;
  const key = `pushcert-override:${requestId}`;
  if (requestId && (await tx.outboxMessage.findFirst({ where: { correlation: key }, select: { id: true } }))) {
    items.push({
      method: "chat.update",
      payload: { channel: refChannel(key), ts: refTs(key), ...message },
      orderingKey: key,
    });
  }
  return items;
};
