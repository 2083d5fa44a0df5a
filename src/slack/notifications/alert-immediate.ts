// Immediate alerts claimed together: a few become one post each (with their buttons); more
// become a single grouped post with the full list as a CSV in its thread, so a flood of
// hundreds of alerts is one message, not hundreds.
import { toCsv } from "../../core/csv.js";
import { ADMIN_CHANNEL, refTs, type OutboxItem } from "../../core/outbox.js";
import { alertRecipients, readAlertRouting } from "../../core/alerts/index.js";
import { pickLocale, t } from "../../i18n/index.js";
import {
  alertMessage,
  alertsCsvRows,
  GROUP_ABOVE,
  groupedAlertsMessage,
  personalAlertMessage,
  type AlertView,
} from "../blocks/alerts.js";
import type { NotificationHandler } from "./handler.js";
import { loadAlertViews } from "./alert-views.js";

/**
 * The app usage policy always tells the device's user and their department admins (the vendor's
 * policy alerts "the administrator and the user"); every other type does when the routing says so.
 */
const ALWAYS_PERSONAL = new Set(["app_policy_violation"]);

/** DMs to the device's owner and the owner's department admins, each in their language, with the alert's facts. */
async function personalDms(
  tx: Parameters<NotificationHandler<never>>[0],
  alerts: AlertView[],
  ctx: Parameters<NotificationHandler<never>>[2],
): Promise<OutboxItem[]> {
  const out: OutboxItem[] = [];
  // Only who is told matters here; whether a type posts at once was settled at intake.
  const routing = await readAlertRouting(tx, true);
  for (const a of alerts) {
    const always = ALWAYS_PERSONAL.has(a.type);
    if (!always && !routing.owners && !routing.departmentAdmins) continue;
    for (const r of await alertRecipients(tx, a.device.id)) {
      if (!always && !(r.role === "owner" ? routing.owners : routing.departmentAdmins)) continue;
      const locale = pickLocale([r.locale], ctx.locale);
      out.push({
        method: "dm",
        payload: { user: r.slackUserId, ...personalAlertMessage(a, { ...ctx, locale }, r.role) },
        dedupeKey: `alert:${a.id}:dm:${r.personId}`,
      });
    }
  }
  return out;
}

export const alertImmediate: NotificationHandler<{ type: "alerts.immediate"; alertIds: string[] }> = async (
  tx,
  event,
  ctx,
) => {
  const alerts = await loadAlertViews(tx, event.alertIds);
  if (!alerts.length) return [];
  const dms = await personalDms(tx, alerts, ctx);
  if (alerts.length <= GROUP_ABOVE) {
    return [
      ...alerts.map((a): OutboxItem => {
        const key = `alert:${a.id}`;
        return {
          method: "chat.postMessage",
          payload: { channel: ADMIN_CHANNEL, ...alertMessage(a, ctx) },
          correlation: key,
          orderingKey: key,
          dedupeKey: `${key}:post`,
        };
      }),
      ...dms,
    ];
  }
  const key = `alerts:batch:${alerts[0]!.id}`;
  const { header, rows } = alertsCsvRows(alerts, ctx);
  const filename = `alerts-${ctx.now.toISOString().slice(0, 16).replace(/[:T]/g, "")}.csv`;
  return [
    {
      method: "chat.postMessage",
      payload: { channel: ADMIN_CHANNEL, ...groupedAlertsMessage(alerts, ctx) },
      correlation: key,
      orderingKey: key,
      dedupeKey: `${key}:post`,
    },
    {
      method: "files.uploadV2",
      payload: {
        channel_id: ADMIN_CHANNEL,
        thread_ts: refTs(key),
        filename,
        title: t(ctx.locale, "alert.csv.title", { count: alerts.length }),
        content: Buffer.from(toCsv([header, ...rows], { bom: false })).toString("base64"),
      },
      orderingKey: key,
      dedupeKey: `${key}:csv`,
    },
    ...dms,
  ];
};
