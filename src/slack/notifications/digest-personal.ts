// Owners' and department admins' own summaries, by DM in each person's language, once per day
// each (the dedupe key names the digest's day and the person), in the outbox's bulk lane.
import type { PersonalSummary } from "../../core/digest/index.js";
import type { OutboxItem } from "../../core/outbox.js";
import { pickLocale } from "../../i18n/index.js";
import { personalDigestMessage } from "../blocks/digest.js";
import type { NotificationHandler, NotifyContext } from "./handler.js";

export type DigestPersonalEvent = {
  type: "digest.personal";
  key: string;
  kind: "owner" | "departmentAdmin";
  at: Date;
  since: Date;
  summaries: PersonalSummary[];
};

/** One DM at a time: a page of a large fleet is a thousand messages, each queued and let go
 *  before the next is built, so none of them lives long enough to be kept by the collector. */
export function* digestPersonalItems(
  event: DigestPersonalEvent,
  ctx: Pick<NotifyContext, "locale" | "timeZone">,
): Iterable<OutboxItem> {
  for (const s of event.summaries) {
    yield {
      method: "dm",
      payload: {
        user: s.slackUserId,
        ...personalDigestMessage(s, event, {
          locale: pickLocale([s.locale], ctx.locale),
          timeZone: ctx.timeZone,
          kind: event.kind,
        }),
      },
      dedupeKey: `${event.key}:${event.kind}:${s.personId}`,
      // Thousands at 10:00: they wait behind anything an administrator is waiting for.
      lane: "bulk",
    };
  }
}

export const digestPersonal: NotificationHandler<DigestPersonalEvent> = async (_tx, event, ctx) => [
  ...digestPersonalItems(event, ctx),
];
