// A renewal threshold reached: one post in the admin channel naming what to renew, the account
// to sign in with, who holds its password and 2FA phone, and the steps. The dedupe key includes
// the deadline, so next year's "30d" is a new post while a replayed one is not.
import { ADMIN_CHANNEL } from "../../core/outbox.js";
import { ROLE_FOR_KIND } from "../../core/renewals/kinds.js";
import { reminderMessage } from "../blocks/renewals.js";
import type { NotificationHandler } from "./handler.js";

export const renewalReminder: NotificationHandler<{
  type: "renewal.reminder";
  renewalId: string;
  key: string;
}> = async (tx, event, ctx) => {
  const renewal = await tx.renewal.findUnique({ where: { id: event.renewalId }, include: { account: true } });
  if (!renewal?.expiresAt) return [];
  const account =
    renewal.account ??
    (await tx.custodyAccount.findFirst({
      where: { role: ROLE_FOR_KIND[renewal.kind] },
      orderBy: { createdAt: "asc" },
    }));
  const message = reminderMessage({ ...renewal, account }, event.key, ctx);
  return [
    {
      method: "chat.postMessage",
      payload: { channel: ADMIN_CHANNEL, ...message },
      dedupeKey: `renewal:${renewal.id}:${renewal.expiresAt.toISOString()}:${event.key}`,
    },
  ];
};
