// The core's EventSink for Slack: each domain event becomes outbox messages, written inside
// the core's own transaction. Rendering reads through that transaction, so the message shows
// exactly the state the change committed.
import type { Tx } from "../core/audit.js";
import type { DomainEvent, EventSink } from "../core/events.js";
import { enqueue, type OutboxItem } from "../core/outbox.js";
import type { Locale } from "../i18n/index.js";
import { notifications } from "./notifications/index.js";

export interface NotifyContext {
  locale: Locale;
  timeZone: string;
  publicUrl: string;
  now: Date;
  /** SLACK_SECURITY_CHANNEL; unset, security notices go to the admin channel. */
  securityChannel?: string;
}

export type NotificationHandler<E extends DomainEvent = DomainEvent> = (
  tx: Tx,
  event: E,
  ctx: NotifyContext,
) => Promise<OutboxItem[]>;

export type NotificationHandlers = {
  [T in DomainEvent["type"]]?: NotificationHandler<Extract<DomainEvent, { type: T }>>;
};

export class SlackNotifier implements EventSink {
  constructor(private readonly ctx: () => NotifyContext) {}

  async publish(tx: Tx, event: DomainEvent): Promise<void> {
    const handler = notifications[event.type] as NotificationHandler | undefined;
    if (!handler) return;
    await enqueue(tx, ...(await handler(tx, event, this.ctx())));
  }
}
