// A response-policy change: proposed (with Approve / Withdraw for another system administrator),
// then updated in place once applied or withdrawn. Posted to the admin channel and echoed to the
// security channel, since loosening the brake is exactly what an attacker would try.
import { ADMIN_CHANNEL, refChannel, refTs, type OutboxItem } from "../../core/outbox.js";
import { policyChangeSchema } from "../../core/brake/policy.js";
import { t } from "../../i18n/index.js";
import { changeText, POLICY_ACTIONS } from "../blocks/brake.js";
import type { NotificationHandler } from "./handler.js";
import { actorMention } from "./security-notice.js";

type Event = { type: "policy.changed"; changeId: string };

export const policyChanged: NotificationHandler<Event> = async (tx, e, ctx) => {
  const row = await tx.policyChange.findUnique({ where: { id: e.changeId } });
  if (!row) return [];
  const parsed = policyChangeSchema.safeParse(row.change);
  if (!parsed.success) return [];
  const change = changeText(parsed.data, ctx.locale);
  const key = `policy:${row.id}`;
  const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text } });
  if (row.state === "PENDING") {
    const text = t(ctx.locale, "brake.policy.proposed", { who: actorMention(row.proposedBy, ctx.locale), change });
    const value = JSON.stringify({ p: row.id });
    const items: OutboxItem[] = [
      {
        method: "chat.postMessage",
        payload: {
          channel: ADMIN_CHANNEL,
          text,
          blocks: [
            section(text),
            {
              type: "actions",
              block_id: `policy:${row.id}`,
              elements: [
                {
                  type: "button",
                  style: "primary",
                  action_id: POLICY_ACTIONS.approve,
                  text: { type: "plain_text", text: t(ctx.locale, "brake.policy.approve") },
                  value,
                },
                {
                  type: "button",
                  action_id: POLICY_ACTIONS.withdraw,
                  text: { type: "plain_text", text: t(ctx.locale, "brake.policy.withdraw") },
                  value,
                },
              ],
            },
          ],
        },
        correlation: key,
        orderingKey: key,
        dedupeKey: `${key}:post`,
      },
    ];
    if (ctx.securityChannel)
      items.push({
        method: "chat.postMessage",
        payload: { channel: ctx.securityChannel, text },
        dedupeKey: `${key}:security`,
      });
    return items;
  }
  const decider = actorMention(row.decidedBy ?? "system", ctx.locale);
  const text =
    row.state === "APPLIED"
      ? t(ctx.locale, "brake.policy.applied", {
          change,
          proposer: actorMention(row.proposedBy, ctx.locale),
          who: decider,
        })
      : t(ctx.locale, "brake.policy.withdrawn", { change, who: decider });
  const items: OutboxItem[] = [
    {
      method: "chat.update",
      payload: { channel: refChannel(key), ts: refTs(key), text, blocks: [section(text)] },
      orderingKey: key,
    },
  ];
  if (ctx.securityChannel)
    items.push({
      method: "chat.postMessage",
      payload: { channel: ctx.securityChannel, text },
      dedupeKey: `${key}:security:${row.state}`,
    });
  return items;
};
