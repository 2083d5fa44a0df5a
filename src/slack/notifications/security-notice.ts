// Wipes past the rolling-hour limit and requests naming several devices, posted to
// SLACK_SECURITY_CHANNEL (the admin channel when it is not set) so someone watching for a
// compromised account or a runaway script sees them as they happen.
import { slackMention } from "../edge.js";
import { ADMIN_CHANNEL } from "../../core/outbox.js";
import type { DomainEvent } from "../../core/events.js";
import { t, textOr, type Locale } from "../../i18n/index.js";
import { escapeMrkdwn } from "../blocks/kit.js";
import type { NotificationHandler } from "./handler.js";

type Event = Extract<DomainEvent, { type: "security.notice" }>;

export function actorMention(actor: string, locale: Locale): string {
  if (actor.startsWith("slack:")) return slackMention(actor.slice(6));
  return locale === "ja" ? "システム" : "the system";
}

const SHOWN_DEVICES = 20;

export const securityNotice: NotificationHandler<Event> = async (tx, e, ctx) => {
  const channel = ctx.securityChannel ?? ADMIN_CHANNEL;
  const who = actorMention(e.actor, ctx.locale);
  let text: string;
  if (e.kind === "wipe_past_limit") {
    const c = await tx.command.findUnique({
      where: { id: e.commandId },
      include: { device: { select: { name: true, serial: true } } },
    });
    if (!c) return [];
    const name = `*${escapeMrkdwn(c.device.name)}*${c.device.serial ? ` (${escapeMrkdwn(c.device.serial)})` : ""}`;
    text = t(ctx.locale, "brake.security.wipe_past_limit", { who, name, limit: e.limit });
  } else {
    const devices = await tx.device.findMany({
      where: { id: { in: e.deviceIds.slice(0, SHOWN_DEVICES) } },
      select: { name: true, serial: true },
    });
    const names = devices
      .map((d) => `${escapeMrkdwn(d.name)}${d.serial ? ` (${escapeMrkdwn(d.serial)})` : ""}`)
      .join(", ");
    const more = e.deviceIds.length > SHOWN_DEVICES ? ` +${e.deviceIds.length - SHOWN_DEVICES}` : "";
    text = t(ctx.locale, "brake.security.bulk_request", {
      who,
      count: e.deviceIds.length,
      type: textOr(ctx.locale, `command.type.${e.commandType}`, e.commandType),
      devices: names + more,
      source: e.source === "csv" ? "CSV" : "/mdm",
    });
  }
  const dedupeKey = e.kind === "wipe_past_limit" ? `security:wipe:${e.commandId}` : `security:batch:${e.batchId}`;
  return [{ method: "chat.postMessage", payload: { channel, text, unfurl_links: false }, dedupeKey }];
};
