// What the core announces when something happens. The core knows nothing of Slack: an adapter
// implements EventSink (src/slack/notifier.ts) and turns each event into outbox messages inside
// the same transaction, so an event is never lost and never outlives a rolled-back change.
import type { Tx } from "./audit.js";

export type DomainEvent =
  | { type: "report.created"; reportId: string }
  | { type: "report.changed"; reportId: string; note?: string }
  | { type: "command.changed"; commandId: string; from: string | null; to: string; note?: string };

export interface EventSink {
  publish(tx: Tx, event: DomainEvent): Promise<void>;
}

/** For processes without Slack (CLI scripts): events are dropped, state is still written. */
export const noEvents: EventSink = { publish: async () => {} };
