// The reporter says they found the device: administrators are told in the incident's thread,
// with the "found" button that closes the case and offers to end lost mode in the same step.
import { refChannel, refTs } from "../../core/outbox.js";
import { loadIncident } from "../../core/reports/incident.js";
import { t } from "../../i18n/index.js";
import { buttonValue, INCIDENT_ACTIONS } from "../blocks/incident.js";
import { confirmDialog } from "../blocks/confirm.js";
import { escapeMrkdwn } from "../blocks/kit.js";
import type { NotificationHandler } from "./handler.js";
import { slackMention } from "../edge.js";

export const reporterFoundNotice: NotificationHandler<{ type: "report.reporter_found"; reportId: string }> = async (
  tx,
  event,
  ctx,
) => {
  const incident = await loadIncident(tx, event.reportId);
  if (!incident) return [];
  const { report: r } = incident;
  const key = `report:${r.id}`;
  const slackUser = r.reporterSlackUserId ?? r.reporter?.slackUserId;
  const who = slackUser ? slackMention(slackUser) : escapeMrkdwn(r.reporterName ?? r.reporter?.name ?? r.reporterEmail);
  const text = t(ctx.locale, "reporter.thread.found", { reporter: who });
  return [
    {
      method: "chat.postMessage",
      payload: {
        channel: refChannel(key),
        thread_ts: refTs(key),
        reply_broadcast: true,
        text,
        blocks: [
          { type: "section", text: { type: "mrkdwn", text } },
          {
            type: "actions",
            block_id: `reporter-found:${r.id}`,
            elements: [
              {
                type: "button",
                action_id: INCIDENT_ACTIONS.found,
                style: "primary",
                text: { type: "plain_text", text: t(ctx.locale, "incident.button.found"), emoji: true },
                value: buttonValue(r.id),
                confirm: confirmDialog("found", ctx.locale, {}, { textKey: "confirm.found.text_report" }),
              },
            ],
          },
        ],
      },
      orderingKey: key,
      dedupeKey: `${key}:reporter_found`,
    },
  ];
};
