// The core's EventSink for Slack: each domain event becomes outbox messages, written inside
// the core's own transaction. Rendering reads through that transaction, so the message shows
// exactly the state the change committed.
import type { Tx } from "../core/audit.js";
import type { DomainEvent, EventSink } from "../core/events.js";
import { enqueue } from "../core/outbox.js";
import { notifications } from "./notifications/index.js";
import type { NotificationHandler, NotifyContext } from "./notifications/handler.js";

export class SlackNotifier implements EventSink {
  constructor(private readonly ctx: () => NotifyContext) {}

  async publish(tx: Tx, event: DomainEvent): Promise<void> {
    const handler = notifications[event.type] as NotificationHandler | undefined;
    if (!handler) return;
    await enqueue(tx, ...(await handler(tx, event, this.ctx())));
  }
}
