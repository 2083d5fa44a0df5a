// Every command transition, told in the incident's thread with the device's answer (a map link
// for a location, the error text, "no passcode set") on the command's one status line. A wipe
// awaiting approval starts that line broadcast to the channel with Approve/Withdraw; the next
// edit replaces the buttons with what was decided.
import { slackMention } from "../edge.js";
import type { Tx } from "../../core/audit.js";
import { ADMIN_CHANNEL, refChannel, refTs, type OutboxItem } from "../../core/outbox.js";
import { NOTE } from "../../core/commands/results.js";
import { formatDateTime, t, translator, type Locale, type MessageKey, type Translate } from "../../i18n/index.js";
import { isQuery, locationOf } from "../../core/commands/rules.js";
import { approvalButtons, commandTypeText, mapUrl } from "../blocks/commands.js";
import { scopeOf } from "../../core/devices/personal.js";
import { removedText } from "./owner-consent.js";
import { capability } from "../../core/devices/capabilities.js";
import { escapeMrkdwn, section } from "../blocks/kit.js";
import type { NotificationHandler } from "./handler.js";

type Event = { type: "command.changed"; commandId: string; from: string | null; to: string; note?: string };

/** Who made the command's last change, and when (the audit trail's own time). */
async function whoDid(tx: Tx, commandId: string, locale: Locale): Promise<{ who: string; at: Date | null }> {
  const last = await tx.auditEntry.findFirst({
    where: { subject: `command:${commandId}` },
    orderBy: { id: "desc" },
    select: { actor: true, at: true },
  });
  const actor = last?.actor ?? "system";
  const at = last?.at ?? null;
  if (actor.startsWith("slack:")) return { who: slackMention(actor.slice(6)), at };
  return { who: locale === "ja" ? "システム" : "the system", at };
}

export const commandChanged: NotificationHandler<Event> = async (tx, e, ctx) => {
  const c = await loadCommand(tx, e.commandId);
  // The device describing itself is background work: what it said shows on its card instead.
  if (!c || isQuery(c.type)) return [];
  const { locale } = ctx;
  const tr = translator(locale);
  const line = await statusLine(tx, c);
  const last = await whoDid(tx, c.id, locale);
  const vars: LineVars = {
    name: `*${escapeMrkdwn(c.device.name)}*`,
    type: commandTypeText(c, locale),
    who: last.who,
    at: formatDateTime(last.at ?? ctx.now, locale, ctx.timeZone),
    expiry: c.expiresAt
      ? tr("commands.expiry.at", { at: formatDateTime(c.expiresAt, locale, ctx.timeZone) })
      : tr("commands.expiry.never"),
  };
  if (e.to === "AWAITING_APPROVAL") {
    // Broadcast to the channel: a second administrator has to see it. Its buttons go with the
    // next edit, whoever decided.
    const text = awaitingText(c, tr, { ...vars, limit: await limitAtRequest(tx, c.id) });
    const buttons = approvalButtons(c, JSON.stringify({ c: c.id }), c.device.name, locale);
    const item = line(text, [section(text), { type: "actions", block_id: `wipe:${c.id}`, elements: buttons }]);
    if (item.method === "chat.postMessage") item.payload.reply_broadcast = Boolean(c.reportId);
    return [item];
  }
  const text = transitionText(c, e, tr, vars, locale);
  return text === null ? [] : [line(text)];
};

/** `at`: when the last change was made (a decided approval says who decided it and when). */
type LineVars = { name: string; type: string; who: string; at: string; expiry: string };

const loadCommand = (tx: Tx, id: string) => tx.command.findUnique({ where: { id }, include: { device: true } });
type CommandWithDevice = NonNullable<Awaited<ReturnType<typeof loadCommand>>>;
type StatusLine = (text: string, blocks?: Record<string, unknown>[]) => OutboxItem;

/**
 * One status line per command: posted at its first transition, then edited in place
 * (requested → sent → done / error) so a case's thread is not ten posts long. A command whose
 * line was never posted (it began before this rule) gets one now, rather than an edit that
 * would wait forever for a message that does not exist.
 */
async function statusLine(tx: Tx, c: { id: string; reportId: string | null }): Promise<StatusLine> {
  const key = c.reportId ? `report:${c.reportId}` : null;
  const where = key ? { channel: refChannel(key), thread_ts: refTs(key) } : { channel: ADMIN_CHANNEL };
  const orderingKey = key ?? `command:${c.id}`;
  const statusKey = `command:${c.id}:status`;
  const hasLine =
    (await tx.slackMessageRef.count({ where: { key: statusKey } })) > 0 ||
    (await tx.outboxMessage.count({ where: { correlation: statusKey, state: { not: "FAILED" } } })) > 0;
  return (text, blocks = [section(text)]) =>
    hasLine
      ? ({
          method: "chat.update",
          payload: { channel: refChannel(statusKey), ts: refTs(statusKey), text, blocks },
          orderingKey,
        } satisfies OutboxItem)
      : ({
          method: "chat.postMessage",
          payload: { ...where, text, blocks, unfurl_links: false },
          orderingKey,
          correlation: statusKey,
        } satisfies OutboxItem);
}

/** The status line's text after any transition but a request for approval; null: the line stays as it is. */
function transitionText(c: CommandWithDevice, e: Event, tr: Translate, vars: LineVars, locale: Locale): string | null {
  const decidedWipe = e.from === "AWAITING_APPROVAL";
  // A lock that protects nothing points to lost mode only where the device can have it
  // (an unsupervised iPhone, a Mac or a personal Android cannot: then a wipe is what is left).
  const noPasscode = () =>
    tr(
      capability(c.device, "lost_mode").allowed
        ? "commands.thread.no_passcode"
        : "commands.thread.no_passcode_no_lost_mode",
      vars,
    );
  switch (e.to) {
    case "QUEUED":
      return decidedWipe ? tr(approvedKey(c), vars) : tr("commands.thread.queued", vars);
    case "SENT":
      if (e.note === NOTE.notNow) return tr("commands.thread.not_now", vars);
      return e.from !== "SENT" ? tr(sentKey(c.type, c.driver), vars) : null;
    case "ACKNOWLEDGED":
      return e.note === NOTE.noPasscode ? noPasscode() : acknowledgedText(c, e, tr, vars, locale);
    case "ERROR":
      return e.note === NOTE.noPasscode
        ? noPasscode()
        : tr("commands.thread.error", { ...vars, error: escapeMrkdwn(c.error ?? "—").slice(0, 500) });
    case "EXPIRED":
      if (!decidedWipe) return tr("commands.thread.expired", vars);
      return c.type === "ERASE_DEVICE" && scopeOf(c.params) === "full"
        ? tr("commands.thread.wipe_decided", { name: vars.name, state: tr(`command.state.${e.to}`) })
        : tr("brake.thread.request_expired", vars);
    case "CANCELLED":
      if (e.note === NOTE.wipedMeanwhile) return tr("commands.thread.cancelled_wiped", vars);
      return tr(decidedWipe ? "brake.thread.withdrawn" : "commands.thread.cancelled", vars);
    default:
      return null;
  }
}

/**
 * A wipe or lost mode handed to a management service (Google, NanoMDM) is not done: it takes
 * effect when the device next connects, and the thread says so until the device confirms it.
 * The built-in agent's device has collected the command itself when it is sent.
 */
function sentKey(type: string, driver: string | null): MessageKey {
  if (!driver || driver === "agent") return "commands.thread.sent";
  if (type === "ERASE_DEVICE") return "commands.thread.wipe_sent";
  if (type === "ENABLE_LOST_MODE") return "commands.thread.lost_mode_sent";
  return "commands.thread.sent";
}

/** A wipe, a wipe past the rolling-hour limit (break-glass), or a command the policy holds. */
function awaitingText(
  c: { type: string; breakGlass: boolean; params: unknown },
  tr: Translate,
  vars: Record<string, string>,
): string {
  if (c.type !== "ERASE_DEVICE") return tr("brake.thread.requested", vars);
  if (scopeOf(c.params) === "company_data" && !c.breakGlass) return tr("personal.thread.requested_company_data", vars);
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

function approvedKey(c: { type: string; params: unknown }): MessageKey {
  if (c.type !== "ERASE_DEVICE") return "brake.thread.approved";
  return scopeOf(c.params) === "company_data" ? "personal.thread.approved_company_data" : "commands.thread.approved";
}

function acknowledgedText(
  c: {
    type: string;
    result: unknown;
    params: unknown;
    device: Parameters<typeof removedText>[0] & { ade: boolean; platform: string };
  },
  e: Event,
  tr: Translate,
  vars: Record<string, string>,
  locale: Locale,
): string {
  // The command's own answer was lost; the device's DeviceInformation settled it (a re-check).
  if (e.note === "confirmed_by_device") return tr("apple.recheck.confirmed", vars);
  switch (c.type) {
    case "ENABLE_LOST_MODE":
      // Android has no location or sound command: the phone sends its location by itself.
      return tr(
        c.device.platform === "ANDROID" ? "commands.thread.lost_mode_on_android" : "commands.thread.lost_mode_on",
        vars,
      );
    case "CLEAR_ACTIVATION_LOCK":
      return tr("apple.activation_lock.cleared", vars);
    case "ERASE_DEVICE":
      if (scopeOf(c.params) === "company_data")
        return tr("personal.thread.company_data_removed", { ...vars, what: removedText(c.device, locale) });
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
