// Owners' and department admins' own summaries, by DM in each person's language, once per day
// each (the dedupe key names the digest's day and the person), in the outbox's bulk lane.
import type { PersonalSummary } from "../../core/digest/index.js";
import type { OutboxItem } from "../../core/outbox.js";
import { pickLocale } from "../../i18n/index.js";
import { personalDigestMessage } from "../blocks/digest.js";
import type { NotificationHandler } from "./handler.js";

type Event = {
  type: "digest.personal";
  key: string;
  kind: "owner" | "departmentAdmin";
  at: Date;
  since: Date;
  summaries: PersonalSummary[];
};

export const digestPersonal: NotificationHandler<Event> = async (_tx, event, ctx) =>
  event.summaries.map(
    (s): OutboxItem => ({
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
    }),
  );
