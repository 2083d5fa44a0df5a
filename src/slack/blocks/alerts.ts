// Block Kit for alerts: one post per alert with the fields the seed's alert mail lists for that
// type and OS, and a grouped post when many arrive together.
import { slackMention } from "../edge.js";
import { confirmDialog } from "./confirm.js";
import { escapeMrkdwn } from "./kit.js";
import type { types } from "@slack/bolt";

type KnownBlock = types.KnownBlock;
import { formatDateTime, t, type Locale, translator, textOr, keyOf } from "../../i18n/index.js";
import { osOf, type AlertType } from "../../core/alerts/types.js";

export const ALERT_RESOLVE = "alert_resolve";
export const ALERT_OPEN_DEVICE = "alert_open_device";

export interface AlertView {
  id: string;
  type: string;
  detectedAt: Date;
  createdAt: Date;
  details: Record<string, unknown>;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  device: {
    id: string;
    name: string;
    platform: "IOS" | "IPADOS" | "MACOS" | "ANDROID" | "WINDOWS";
    udid: string | null;
    imei: string | null;
    serial: string | null;
    owner: { name: string | null; email: string } | null;
  };
}

interface Ctx {
  locale: Locale;
  timeZone: string;
}

// An alert's type is stored as the agent or the vendor named it: the catalog is asked at run time.
export function alertTitle(locale: Locale, type: string, device: string): string {
  const key = `alert.title.${type}`;
  return textOr(locale, key, key, { device });
}

/** An alert type's name, in the reader's language. */
export function alertTypeText(locale: Locale, type: string): string {
  const key = `alert.type.${type}`;
  return textOr(locale, key, key);
}

/** The seed's field list ("デバイスの情報"), for this alert's type and the device's OS. */
export function alertFields(a: AlertView, { locale, timeZone }: Ctx): [string, string][] {
  const tr = translator(locale);
  const when = (iso: unknown) => (typeof iso === "string" ? formatDateTime(new Date(iso), locale, timeZone) : null);
  const d = a.details;
  const os = osOf(a.device.platform);
  const type = a.type as AlertType;
  const fields: [string, string][] = [];
  if (typeof d.domain === "string") fields.push([tr("alert.field.domain"), d.domain]);
  fields.push([tr("alert.field.device"), a.device.name]);
  if (os === "ios" || os === "macos") fields.push([tr("alert.field.udid"), a.device.udid ?? tr("alert.none")]);
  if (os === "android") fields.push([tr("alert.field.imei"), a.device.imei ?? tr("alert.none")]);
  if (os === "windows") fields.push([tr("alert.field.serial"), a.device.serial ?? tr("alert.none")]);
  // With no owner the seed shows the label alone.
  const owner = a.device.owner;
  fields.push([
    tr("alert.field.owner"),
    owner ? (owner.name ? `${owner.name} <${owner.email}>` : owner.email) : tr("alert.none"),
  ]);
  if (type === "app_policy_violation") {
    const apps = Array.isArray(d.apps) ? (d.apps as string[]) : [];
    for (const app of apps.length ? apps : [tr("alert.none")]) fields.push([tr("alert.field.apps"), app]);
  }
  if (type === "unauthorized_sim") {
    fields.push([
      tr("alert.field.currentSim"),
      d.currentSim === null ? tr("alert.field.noSim") : String(d.currentSim ?? tr("alert.none")),
    ]);
    fields.push([
      tr("alert.field.allowedSim"),
      d.allowedSim === null ? tr("alert.field.noSimAllowed") : String(d.allowedSim ?? tr("alert.none")),
    ]);
  }
  if (type === "geofence" && os === "android") {
    fields.push([tr("alert.field.lockState"), typeof d.lockState === "string" ? d.lockState : tr("alert.none")]);
    const loc = d.location as { latitude: number; longitude: number } | null | undefined;
    fields.push([
      tr("alert.field.location"),
      loc
        ? `<https://maps.google.com/?q=${loc.latitude},${loc.longitude}|${loc.latitude}, ${loc.longitude}>`
        : tr("alert.field.noLocation"),
    ]);
  }
  fields.push([tr("alert.field.notifiedAt"), formatDateTime(a.createdAt, locale, timeZone)]);
  if (type === "virus")
    fields.push([
      tr("alert.field.virusDetectedAt"),
      when(d.virusDetectedAt) ?? formatDateTime(a.detectedAt, locale, timeZone),
    ]);
  if (type === "unauthorized_sim")
    fields.push([
      tr("alert.field.simDetectedAt"),
      when(d.simDetectedAt) ?? formatDateTime(a.detectedAt, locale, timeZone),
    ]);
  if (type === "geofence" && os === "android")
    fields.push([tr("alert.field.takenOutAt"), when(d.takenOutAt) ?? formatDateTime(a.detectedAt, locale, timeZone)]);
  return fields;
}

/** The detail that tells one alert from another of its type, in one line (empty when there is none). */
export function alertDetail(type: string, d: Record<string, unknown>, locale: Locale): string {
  const tr = translator(locale);
  if (type === "app_policy_violation" && Array.isArray(d.apps) && d.apps.length)
    return `${tr("alert.field.apps")}: ${(d.apps as string[]).join(", ")}`;
  if (type === "unauthorized_sim")
    return `${tr("alert.field.currentSim")}: ${d.currentSim === null ? tr("alert.field.noSim") : String(d.currentSim ?? tr("alert.none"))}`;
  if (type === "virus" && typeof d.virusName === "string") return d.virusName;
  if (type === "geofence" && typeof d.lockState === "string") return `${tr("alert.field.lockState")}: ${d.lockState}`;
  return "";
}

export function alertMessage(a: AlertView, ctx: Ctx): { text: string; blocks: KnownBlock[] } {
  const title = alertTitle(ctx.locale, a.type, a.device.name);
  const lines = alertFields(a, ctx).map(
    ([k, v]) => `*${k}:* ${k === t(ctx.locale, "alert.field.location") ? v : escapeMrkdwn(v)}`,
  );
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: title.slice(0, 150) } },
    { type: "section", text: { type: "mrkdwn", text: lines.join("\n") } },
  ];
  if (a.resolvedAt) {
    const who = a.resolvedBy?.startsWith("slack:") ? slackMention(a.resolvedBy.slice(6)) : (a.resolvedBy ?? "");
    blocks.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: t(ctx.locale, "alert.resolved", { who, at: formatDateTime(a.resolvedAt, ctx.locale, ctx.timeZone) }),
        },
      ],
    });
  } else {
    blocks.push({
      type: "actions",
      block_id: `alert:${a.id}`,
      elements: [
        {
          type: "button",
          action_id: ALERT_OPEN_DEVICE,
          text: { type: "plain_text", text: t(ctx.locale, "alert.button.open") },
          value: a.device.id,
        },
        {
          type: "button",
          action_id: ALERT_RESOLVE,
          style: "primary",
          text: { type: "plain_text", text: t(ctx.locale, "alert.button.resolve") },
          value: a.id,
          confirm: confirmDialog("alert_resolve", ctx.locale),
        },
      ],
    });
  }
  // The top-level text is what notifications show: the device name in it is escaped as in the blocks.
  return { text: escapeMrkdwn(title), blocks };
}

/** Up to this many alerts arriving together are posted one by one; more become one grouped post. */
export const GROUP_ABOVE = 3;
const LISTED = 10;

export function groupedAlertsMessage(alerts: AlertView[], ctx: Ctx): { text: string; blocks: KnownBlock[] } {
  const title = t(ctx.locale, "alert.group.title", { count: alerts.length });
  const counts = new Map<string, number>();
  for (const a of alerts) counts.set(a.type, (counts.get(a.type) ?? 0) + 1);
  const byType = [...counts.entries()]
    .sort((x, y) => y[1] - x[1])
    .map(
      ([type, count]) => `• ${t(ctx.locale, "alert.group.byType", { type: alertTypeText(ctx.locale, type), count })}`,
    );
  const listed = alerts.slice(0, LISTED).map((a) => `• ${escapeMrkdwn(alertTitle(ctx.locale, a.type, a.device.name))}`);
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: title } },
    { type: "section", text: { type: "mrkdwn", text: byType.join("\n") } },
    { type: "section", text: { type: "mrkdwn", text: listed.join("\n") } },
  ];
  if (alerts.length > LISTED) {
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: t(ctx.locale, "alert.group.more", { count: alerts.length - LISTED }) }],
    });
  }
  return { text: title, blocks };
}

export function alertsCsvRows(alerts: AlertView[], ctx: Ctx): { header: string[]; rows: unknown[][] } {
  return {
    header: [
      "alert_id",
      "type",
      "title",
      "device",
      "platform",
      "udid",
      "imei",
      "serial",
      "owner",
      "detected_at",
      "notified_at",
      "details",
    ],
    rows: alerts.map((a) => [
      a.id,
      a.type,
      alertTitle(ctx.locale, a.type, a.device.name),
      a.device.name,
      a.device.platform,
      a.device.udid,
      a.device.imei,
      a.device.serial,
      a.device.owner?.email ?? "",
      a.detectedAt,
      a.createdAt,
      JSON.stringify(a.details),
    ]),
  };
}

/**
 * The DM about one alert for the device's owner or their department admin, in that person's
 * language: which device, what was found (the seed's facts), and what to do.
 */
export function personalAlertMessage(
  a: AlertView,
  ctx: Ctx,
  role: "owner" | "departmentAdmin",
): { text: string; blocks: KnownBlock[] } {
  const title = alertTitle(ctx.locale, a.type, a.device.name);
  const lines = alertFields(a, ctx).map(
    ([k, v]) => `*${k}:* ${k === t(ctx.locale, "alert.field.location") ? v : escapeMrkdwn(v)}`,
  );
  const todo = textOr(ctx.locale, `alert.dm.${role}.${a.type}`, t(ctx.locale, `alert.dm.${role}.other`));
  const intro = t(ctx.locale, role === "owner" ? "alert.dm.owner.intro" : "alert.dm.departmentAdmin.intro", {
    device: escapeMrkdwn(a.device.name),
  });
  return {
    text: escapeMrkdwn(title),
    blocks: [
      { type: "header", text: { type: "plain_text", text: title.slice(0, 150) } },
      { type: "section", text: { type: "mrkdwn", text: `${intro}\n${lines.join("\n")}`.slice(0, 3000) } },
      { type: "section", text: { type: "mrkdwn", text: `:point_right: ${todo}` } },
    ],
  };
}
