// The `/mdm device` card: what an admin needs to decide, and the same buttons as the incident
// message (same action ids and value format, so the same handlers act on them).
import type { DeviceDetail, FoundDevice } from "../../core/inventory/index.js";
import { PLATFORM_LABEL } from "../../core/inventory/columns.js";
import { formatDateTime, t, type Locale } from "../../i18n/index.js";

export interface CardReader {
  locale: Locale;
  timeZone: string;
  now: Date;
}

type Block = Record<string, unknown>;

/** Slack mrkdwn treats & < > as markup; user-typed text must not become a link or a mention. */
export const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
export const clip = (s: string, max: number) => (s.length <= max ? s : s.slice(0, max - 1) + "…");
const plain = (text: string, max = 75) => ({ type: "plain_text", text: clip(text, max), emoji: true });

/** "3 h ago" / "5 d ago": how long since `d`. */
export function age(d: Date, now: Date, locale: Locale): string {
  const hours = Math.max(0, Math.floor((now.getTime() - d.getTime()) / 3_600_000));
  return hours < 48 ? t(locale, "admin.age.hours", { n: hours }) : t(locale, "admin.age.days", { n: Math.floor(hours / 24) });
}

/** The value every incident button carries: which report (may be empty) and which device. */
export const actionValue = (reportId: string | null, deviceId: string) => JSON.stringify({ r: reportId ?? "", d: deviceId });

export function deviceActionButtons(locale: Locale, deviceId: string, reportId: string | null): Block {
  const value = actionValue(reportId, deviceId);
  const button = (action_id: string, key: string, style?: "primary" | "danger") => ({
    type: "button", action_id, text: plain(t(locale, key)), value, ...(style ? { style } : {}),
  });
  const elements = [
    button("lost_mode_enable", "admin.button.lostMode", "primary"),
    button("device_wipe", "admin.button.wipe", "danger"),
    button("device_lock", "admin.button.lock"),
  ];
  if (reportId) elements.push(button("report_found", "admin.button.found"), button("report_dismiss", "admin.button.dismiss"));
  return { type: "actions", block_id: `device_actions:${deviceId}`, elements };
}

export function stateLabel(locale: Locale, state: string): string {
  return t(locale, `device.state.${state}`);
}

export function deviceCardBlocks(d: DeviceDetail, r: CardReader): Block[] {
  const { locale } = r;
  const owner = d.owner
    ? `${esc(d.owner.name ?? "")} <mailto:${d.owner.email}|${esc(d.owner.email)}>${d.owner.department ? ` · ${esc(d.owner.department.name)}` : ""}`
    : t(locale, "admin.card.noOwner");
  const yes = (b: boolean) => t(locale, b ? "csv.yes" : "csv.no");
  const checkIn = d.lastCheckInAt
    ? `${formatDateTime(d.lastCheckInAt, locale, r.timeZone)} (${age(d.lastCheckInAt, r.now, locale)})`
    : t(locale, "admin.card.never");
  const ids = [d.serial && `${t(locale, "csv.col.serial")}: \`${esc(d.serial)}\``, d.udid && `UDID: \`${esc(d.udid)}\``, d.imei && `IMEI: \`${esc(d.imei)}\``]
    .filter(Boolean)
    .join("\n");
  const report = d.reports[0]?.report ?? null;
  const field = (key: string, value: string) => ({ type: "mrkdwn", text: clip(`*${t(locale, key)}*\n${value}`, 2000) });
  const blocks: Block[] = [
    { type: "header", text: plain(`${PLATFORM_EMOJI[d.platform]} ${d.name}`, 150) },
    {
      type: "section",
      fields: [
        field("admin.card.owner", owner),
        field("admin.card.platform", `${PLATFORM_LABEL[d.platform]}${d.model ? ` · ${esc(d.model)}` : ""}`),
        field("admin.card.state", stateLabel(locale, d.state)),
        field("admin.card.lastCheckIn", checkIn),
        field("admin.card.supervisedAde", `${t(locale, "csv.col.supervised")}: ${yes(d.supervised)} · ADE: ${yes(d.ade)}`),
        field("admin.card.openAlerts", d._count.alerts ? `:rotating_light: ${d._count.alerts}` : "0"),
        ...(ids ? [field("admin.card.identifiers", ids)] : []),
      ],
    },
  ];
  if (report) {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: t(locale, "admin.card.openReport", { reference: report.reference, status: t(locale, `report.status.${report.status}`), age: age(report.createdAt, r.now, locale) }) },
    });
  }
  blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(commandHistory(d, r), 3000) } });
  const notes = [t(locale, "admin.card.lockNote")];
  if ((d.platform === "IOS" || d.platform === "IPADOS") && !d.supervised) notes.unshift(t(locale, "admin.card.unsupervisedNote"));
  blocks.push({ type: "context", elements: notes.map((text) => ({ type: "mrkdwn", text })) });
  blocks.push(deviceActionButtons(locale, d.id, report?.id ?? null));
  return blocks;
}

function commandHistory(d: DeviceDetail, r: CardReader): string {
  const { locale } = r;
  const title = `*${t(locale, "admin.card.commands")}*`;
  if (!d.commands.length) return `${title}\n${t(locale, "admin.card.noCommands")}`;
  const lines = d.commands.map((c) => {
    const who = c.requestedBy?.name ?? c.requestedBy?.email;
    return `• ${t(locale, `command.type.${c.type}`)} — ${t(locale, `command.state.${c.state}`)} — ${formatDateTime(c.requestedAt, locale, r.timeZone)}${who ? ` (${esc(who)})` : ""}`;
  });
  return `${title}\n${lines.join("\n")}`;
}

export const PLATFORM_EMOJI: Record<DeviceDetail["platform"], string> = {
  IOS: "📱",
  IPADOS: "📱",
  MACOS: "💻",
  ANDROID: "🤖",
  WINDOWS: "🖥️",
};

/** More than one device matched: a short list, each with a button that shows its card. */
export function deviceChoiceBlocks(devices: FoundDevice[], query: string, locale: Locale, limit: number): Block[] {
  const blocks: Block[] = [
    { type: "section", text: { type: "mrkdwn", text: t(locale, "admin.device.many", { query: esc(clip(query, 100)), n: Math.min(devices.length, limit) }) } },
  ];
  for (const d of devices.slice(0, limit)) {
    const who = d.owner ? ` — ${esc(d.owner.name ?? d.owner.email)}` : "";
    blocks.push({
      type: "section",
      block_id: `device_choice:${d.id}`,
      text: { type: "mrkdwn", text: clip(`${PLATFORM_EMOJI[d.platform]} *${esc(d.name)}*${who}\n${PLATFORM_LABEL[d.platform]} · ${esc(d.serial ?? d.udid ?? d.imei ?? "")}`, 3000) },
      accessory: { type: "button", action_id: `device_show:${d.id}`, text: plain(t(locale, "admin.button.show")), value: d.id },
    });
  }
  if (devices.length > limit) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: t(locale, "admin.device.more") }] });
  return blocks;
}
