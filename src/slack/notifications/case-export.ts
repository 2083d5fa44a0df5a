// The case record delivered: the PDF (事故報告書, Japanese fonts embedded, bilingual) and the CSV
// the core rendered, uploaded where the administrator asked (the channel, their DM, or the
// incident's thread).
import type { DomainEvent } from "../../core/events.js";
import type { OutboxItem } from "../../core/outbox.js";
import { t } from "../../i18n/index.js";
import type { NotificationHandler } from "./handler.js";
import { actorMention } from "./security-notice.js";

type Event = Extract<DomainEvent, { type: "case.export" }>;

export const caseExport: NotificationHandler<Event> = async (_tx, e, ctx) => {
  const where = { channel_id: e.channel, ...(e.threadTs ? { thread_ts: e.threadTs } : {}) };
  const key = `case:${e.reportId}:${ctx.now.getTime()}`;
  return e.files.map(
    (f, i): OutboxItem => ({
      method: "files.uploadV2",
      payload: {
        ...where,
        filename: f.filename,
        title: f.title,
        content: f.base64,
        ...(i === 0
          ? {
              initial_comment: t(ctx.locale, "case.comment", {
                reference: e.reference,
                user: actorMention(e.actor, ctx.locale),
              }),
            }
          : {}),
      },
      orderingKey: key,
    }),
  );
};
