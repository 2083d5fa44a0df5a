// One approval of several recorded (a break-glass wipe's first of two): said in the thread, the
// approval post keeps its buttons for the next administrator.
import { ADMIN_CHANNEL, refChannel, refTs } from "../../core/outbox.js";
import { t } from "../../i18n/index.js";
import { escapeMrkdwn } from "../blocks/kit.js";
import type { NotificationHandler } from "./handler.js";
import { actorMention } from "./security-notice.js";

type Event = { type: "command.approval"; commandId: string; actor: string; given: number; required: number };

export const commandApproval: NotificationHandler<Event> = async (tx, e, ctx) => {
  const c = await tx.command.findUnique({
    where: { id: e.commandId },
    include: { device: { select: { name: true } } },
  });
  if (!c) return [];
  const key = c.reportId ? `report:${c.reportId}` : null;
  const text = t(ctx.locale, "brake.thread.approval_recorded", {
    who: actorMention(e.actor, ctx.locale),
    type: t(ctx.locale, `command.type.${c.type}`),
    name: `*${escapeMrkdwn(c.device.name)}*`,
    given: e.given,
    required: e.required,
  });
  const where = key ? { channel: refChannel(key), thread_ts: refTs(key) } : { channel: ADMIN_CHANNEL };
  return [{ method: "chat.postMessage", payload: { ...where, text }, orderingKey: key ?? `command:${c.id}` }];
};
