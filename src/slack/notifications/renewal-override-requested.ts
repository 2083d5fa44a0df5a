// An admin asked to install a push certificate for ANOTHER topic: the admin channel gets the
// warning and the button a second, different admin must press.
import { ADMIN_CHANNEL } from "../../core/outbox.js";
import { overrideRequestedMessage } from "../blocks/push-certificate.js";
import type { NotificationHandler } from "./handler.js";

type Event = {
  type: "pushcert.override_requested";
  requestId: string;
  actor: string;
  currentTopic: string;
  newTopic: string;
};

export const renewalOverrideRequested: NotificationHandler<Event> = async (_tx, event, ctx) => [
  {
    method: "chat.postMessage",
    payload: {
      channel: ADMIN_CHANNEL,
      ...overrideRequestedMessage(event.requestId, event.actor, event.currentTopic, event.newTopic, ctx.locale),
    },
    correlation: `pushcert-override:${event.requestId}`,
    orderingKey: `pushcert-override:${event.requestId}`,
  },
];
