// Every command transition, told in the incident's thread with the device's answer (a map link
// for a location, the error text, "no passcode set"). A wipe awaiting approval is its own thread
// post — broadcast to the channel — carrying Approve/Withdraw; it is updated once decided.
import type { Tx } from "../../core/audit.js";
import { ADMIN_CHANNEL, refChannel, refTs, type OutboxItem } from "../../core/outbox.js";
import { NOTE } from "../../core/commands/results.js";
import { formatDateTime, t, type Locale } from "../../i18n/index.js";
import { isQuery, locationOf } from "../../core/commands/rules.js";
import { approveButton, mapUrl, wipeCancelButton } from "../blocks/commands.js";
import { escapeMrkdwn as escape } from "../blocks/kit.js";
import type { NotificationHandler } from "./handler.js";

type Event = { type: "command.changed"; commandId: string; from: string | null; to: string; note?: string };

async function whoDid(tx: Tx, commandId: string, locale: Locale): Promise<string> {
  const last = await tx.auditEntry.findFirst({
    where: { subject: `command:${commandId}` },
    orderBy: { id: "desc" },
    select: { actor: true },
  });
  const actor = last?.actor ?? "system";
  if (actor.startsWith("slack:")) return `<@${actor.slice(6)}>`;
  return locale === "ja" ? "システム" : "the system";
}

export const commandChanged: NotificationHandler<Event> = async (tx, e, ctx) => {
  const c = await tx.command.findUnique({
    where: { id: e.commandId },
    include: { device: { select: { name: true, ade: true } } },
  });
  // The device describing itself is background work: what it said shows on its card instead.
  if (!c || isQuery(c.type)) return [];
  const { locale } = ctx;
  const tr = (key: string, vars?: Record<string, string | number>) => t(locale, key, vars);
  const key = c.reportId ? `report:${c.reportId}` : null;
  const where = key ? { channel: refChannel(key), thread_ts: refTs(key) } : { channel: ADMIN_CHANNEL };
  const orderingKey = key ?? `command:${c.id}`;
  const approvalKey = `command:${c.id}:approval`;
  const vars = {
    name: `*${escape(c.device.name)}*`,
    type: tr(`command.type.${c.type}`),
    who: await whoDid(tx, c.id, locale),
    expiry: c.expiresAt
      ? tr("commands.expiry.at", { at: formatDateTime(c.expiresAt, locale, ctx.timeZone) })
      : tr("commands.expiry.never"),
  };
  const post = (text: string, extra: Partial<OutboxItem> = {}): OutboxItem => ({
    method: "chat.postMessage",
    payload: { ...where, text, unfurl_links: false },
    orderingKey,
    ...extra,
  });
  // The approval post loses its buttons once the wipe is decided, whoever decided it.
  const closeApproval = (): OutboxItem => ({
    method: "chat.update",
    payload: {
      channel: refChannel(approvalKey),
      ts: refTs(approvalKey),
      ...decided(tr("commands.thread.wipe_decided", { name: vars.name, state: tr(`command.state.${e.to}`) })),
    },
    orderingKey,
  });
  const items: OutboxItem[] = [];
  const decidedWipe = e.from === "AWAITING_APPROVAL";

  switch (e.to) {
    case "AWAITING_APPROVAL": {
      const text = awaitingText(c, tr, { ...vars, limit: await limitAtRequest(tx, c.id) });
      const value = JSON.stringify({ c: c.id });
      items.push(
        post(text, {
          payload: {
            ...where,
            text,
            reply_broadcast: Boolean(key),
            blocks: [
              { type: "section", text: { type: "mrkdwn", text } },
              {
                type: "actions",
                block_id: `wipe:${c.id}`,
                elements: [approveButton(value, c.device.name, locale), wipeCancelButton(value, c.device.name, locale)],
              },
            ],
          },
          correlation: approvalKey,
          dedupeKey: `${approvalKey}:post`,
        }),
      );
      break;
    }
    case "QUEUED":
      if (decidedWipe)
        items.push(
          closeApproval(),
          post(tr(c.type === "ERASE_DEVICE" ? "commands.thread.approved" : "brake.ephemeral.approved", vars)),
        );
      else items.push(post(tr("commands.thread.queued", vars)));
      break;
    case "SENT":
      if (e.note === NOTE.notNow)
        items.push(post(tr("commands.thread.not_now", vars), { dedupeKey: `command:${c.id}:not_now` }));
      else if (e.from !== "SENT") items.push(post(tr("commands.thread.sent", vars)));
      break;
    case "ACKNOWLEDGED":
      items.push(post(acknowledgedText(c, e, tr, vars)));
      break;
    case "ERROR":
      items.push(
        post(
          e.note === NOTE.noPasscode
            ? tr("commands.thread.no_passcode", vars)
            : tr("commands.thread.error", { ...vars, error: escape(c.error ?? "—").slice(0, 500) }),
        ),
      );
      break;
    case "EXPIRED":
      if (decidedWipe) items.push(closeApproval());
      items.push(post(tr("commands.thread.expired", vars)));
      break;
    case "CANCELLED":
      if (decidedWipe) items.push(closeApproval());
      items.push(
        post(
          e.note === NOTE.wipedMeanwhile
            ? tr("commands.thread.cancelled_wiped", vars)
            : tr("commands.thread.cancelled", vars),
        ),
      );
      break;
  }
  return items;
};

/** A wipe, a wipe past the rolling-hour limit (break-glass), or a command the policy holds. */
function awaitingText(
  c: { type: string; breakGlass: boolean; params: unknown },
  tr: (key: string, vars?: Record<string, string | number>) => string,
  vars: Record<string, string>,
): string {
  if (c.type !== "ERASE_DEVICE") return tr("brake.thread.requested", vars);
  if (!c.breakGlass) return tr("commands.thread.requested_wipe", vars);
  return tr("brake.thread.break_glass", vars);
}

async function limitAtRequest(tx: Tx, commandId: string): Promise<string> {
  const entry = await tx.auditEntry.findFirst({
    where: { subject: `command:${commandId}`, action: "command.request" },
    select: { details: true },
  });
  const limit = (entry?.details as { wipeLimitPerHour?: number } | null)?.wipeLimitPerHour;
  return limit === undefined ? "?" : String(limit);
}

const decided = (text: string) => ({ text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] });

function acknowledgedText(
  c: { type: string; result: unknown; device: { ade: boolean } },
  e: Event,
  tr: (key: string, vars?: Record<string, string | number>) => string,
  vars: Record<string, string>,
): string {
  // The command's own answer was lost; the device's DeviceInformation settled it (a re-check).
  if (e.note === "confirmed_by_device") return tr("apple.recheck.confirmed", vars);
  switch (c.type) {
    case "ENABLE_LOST_MODE":
      return tr("commands.thread.lost_mode_on", vars);
    case "CLEAR_ACTIVATION_LOCK":
      return tr("apple.activation_lock.cleared", vars);
    case "ERASE_DEVICE":
      return tr(c.device.ade ? "commands.thread.wiped_ade" : "commands.thread.wiped", vars);
    case "DEVICE_LOCATION": {
      const at = locationOf(c.result);
      if (!at) return tr("commands.thread.no_location", vars);
      return tr("commands.thread.located", {
        ...vars,
        url: mapUrl(at.latitude, at.longitude),
        lat: at.latitude.toFixed(5),
        lon: at.longitude.toFixed(5),
      });
    }
    case "DEVICE_LOCK":
      return e.note === NOTE.noPasscode
        ? tr("commands.thread.no_passcode", vars)
        : tr("commands.thread.acknowledged", vars);
    default:
      return tr("commands.thread.acknowledged", vars);
  }
}
