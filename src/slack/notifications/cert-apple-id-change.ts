// An admin asked for a push-certificate request with another Apple ID than the certificate's:
// the admin channel gets the warning and the button a second, different admin must press.
import { ADMIN_CHANNEL } from "../../core/outbox.js";
import { appleIdChangeRequestedMessage } from "../blocks/push-certificate.js";
import type { NotificationHandler } from "./handler.js";

type Event = {
  type: "pushcert.apple_id_change_requested";
  changeId: string;
  actor: string;
  recorded: string;
  next: string;
};

export const certAppleIdChangeRequested: NotificationHandler<Event> = async (_tx, event, ctx) => [
  {
    method: "chat.postMessage",
    payload: {
      channel: ADMIN_CHANNEL,
      ...appleIdChangeRequestedMessage(event.changeId, event.actor, event.recorded, event.next, ctx.locale),
    },
    correlation: `pushcert-appleid:${event.changeId}`,
    orderingKey: `pushcert-appleid:${event.changeId}`,
  },
];
