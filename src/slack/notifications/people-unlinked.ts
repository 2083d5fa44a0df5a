// People the directory gained without a Slack id: one lookup each (users.lookupByEmail), one
// at a time under Slack's rate limit (the outbox waits out Retry-After), linked when found;
// in the bulk lane, so an import of thousands never holds up an incident.
import type { NotificationHandler } from "./handler.js";

export const peopleUnlinked: NotificationHandler<{ type: "people.unlinked"; emails: string[] }> = async (_tx, event) =>
  event.emails.map((email) => ({
    method: "users.link",
    payload: { email },
    orderingKey: "slack:users.link",
    lane: "bulk",
  }));
