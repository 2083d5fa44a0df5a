// The shape of a notification: a domain event, rendered after its change committed (in the
// renderer's own transaction, from the committed state), becomes the outbox messages that tell
// Slack about it.
import type { Tx } from "../../core/audit.js";
import type { DomainEvent } from "../../core/events.js";
import type { OutboxItem } from "../../core/outbox.js";
import type { Locale } from "../../i18n/index.js";

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
