// A command with no answer was re-checked (src/core/commands/recheck.ts): what was learned, told
// in the incident's thread. Queries (the device describing itself) stay background work.
import { ADMIN_CHANNEL, refChannel, refTs } from "../../core/outbox.js";
import type { RecheckLearned } from "../../core/events.js";
import { formatDateTime, t } from "../../i18n/index.js";
import { isQuery } from "../../core/commands/rules.js";
import { escapeMrkdwn } from "../blocks/kit.js";
import type { NotificationHandler } from "./handler.js";

type Event = { type: "command.rechecked"; commandId: string; learned: RecheckLearned };

export const commandRechecked: NotificationHandler<Event> = async (tx, e, ctx) => {
  const c = await tx.command.findUnique({
    where: { id: e.commandId },
    include: { device: { select: { name: true } } },
  });
  if (!c || isQuery(c.type)) return [];
  const key = c.reportId ? `report:${c.reportId}` : null;
  const where = key ? { channel: refChannel(key), thread_ts: refTs(key) } : { channel: ADMIN_CHANNEL };
  const text = t(ctx.locale, `apple.recheck.${e.learned}`, {
    name: `*${escapeMrkdwn(c.device.name)}*`,
    type: t(ctx.locale, `command.type.${c.type}`),
    since: c.sentAt ? formatDateTime(c.sentAt, ctx.locale, ctx.timeZone) : "—",
    next: c.recheckDueAt ? formatDateTime(c.recheckDueAt, ctx.locale, ctx.timeZone) : "—",
  });
  return [
    {
      method: "chat.postMessage",
      payload: { ...where, text, unfurl_links: false },
      orderingKey: key ?? `command:${c.id}`,
      dedupeKey: `command:${c.id}:recheck:${c.rechecks}:${e.learned}`,
    },
  ];
};
