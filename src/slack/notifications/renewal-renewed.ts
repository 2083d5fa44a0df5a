// A renewal done through the app (certificate installed, Gmail sign-in confirmed): the admin
// channel hears the new deadline, so nobody renews it twice.
import { ADMIN_CHANNEL } from "../../core/outbox.js";
import { renewedMessage } from "../blocks/renewals.js";
import type { NotificationHandler } from "../notifier.js";

export const renewalRenewed: NotificationHandler<{ type: "renewal.renewed"; renewalId: string; actor: string }> = async (tx, event, ctx) => {
  const renewal = await tx.renewal.findUnique({ where: { id: event.renewalId }, include: { account: true } });
  if (!renewal) return [];
  return [{ method: "chat.postMessage", payload: { channel: ADMIN_CHANNEL, ...renewedMessage(renewal, event.actor, ctx) } }];
};
