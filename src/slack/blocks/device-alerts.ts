// A device's open alerts, as /mdm alerts and the alert post's "Open device" button show them.
import { escapeMrkdwn } from "./kit.js";
import { confirmDialog } from "./confirm.js";
import type { types } from "@slack/bolt";

type KnownBlock = types.KnownBlock;
import { formatDateTime, t, type Locale } from "../../i18n/index.js";
import { alertTitle, ALERT_RESOLVE } from "./alerts.js";

export interface DeviceAlerts {
  device: { id: string; name: string; platform: string; state: string };
  alerts: { id: string; type: string; detectedAt: Date }[];
  total: number;
  lastResponseAt?: Date | null;
  owner?: string | null;
}

export function deviceAlertsMessage(
  d: DeviceAlerts,
  locale: Locale,
  timeZone: string,
): { text: string; blocks: KnownBlock[] } {
  const head = t(locale, "alert.open.title", {
    device: escapeMrkdwn(d.device.name),
    platform: d.device.platform,
    state: d.device.state,
  });
  const facts = [head];
  if (d.owner !== undefined)
    facts.push(t(locale, "alert.open.owner", { owner: d.owner ? escapeMrkdwn(d.owner) : t(locale, "alert.none") }));
  if (d.lastResponseAt)
    facts.push(t(locale, "alert.open.lastSeen", { at: formatDateTime(d.lastResponseAt, locale, timeZone) }));
  if (!d.total) {
    const text = `${facts.join("\n")}\n${t(locale, "alert.open.none", { device: escapeMrkdwn(d.device.name) })}`;
    return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
  }
  facts.push(t(locale, "alert.open.count", { count: d.total }));
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: facts.join("\n") } }];
  for (const a of d.alerts.slice(0, 20)) {
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: t(locale, "alert.open.line", {
          title: escapeMrkdwn(alertTitle(locale, a.type, d.device.name)),
          at: formatDateTime(a.detectedAt, locale, timeZone),
        }),
      },
      accessory: {
        type: "button",
        action_id: ALERT_RESOLVE,
        text: { type: "plain_text", text: t(locale, "alert.button.resolve") },
        value: a.id,
        confirm: confirmDialog("alert_resolve", locale),
      },
    });
  }
  if (d.total > 20)
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: t(locale, "alert.open.shown", { shown: 20, count: d.total }) }],
    });
  return { text: `${head} — ${t(locale, "alert.open.count", { count: d.total })}`, blocks };
}
