// The `/mdm device` card: what an admin needs to decide, and the same buttons as the incident
// message, built from the same pieces (action ids, value format, the capability rules that hide a
// button that cannot work, the command-aware refinements), so the same handlers act on them.
import type { DeviceDetail, FoundDevice } from "../../core/inventory/index.js";
import { capabilities, type Capability } from "../../core/devices/capabilities.js";
import { PLATFORM_LABEL } from "../../core/inventory/columns.js";
import { formatDateTime, t, type Locale, keyOf, textOr, type MessageKey } from "../../i18n/index.js";
import { commandLines, refineDeviceButtons } from "./commands.js";
import { isQuery } from "../../core/commands/rules.js";
import type { ManagementState } from "../../core/types.js";
import { buttonValue, INCIDENT_ACTIONS, wipeLabel } from "./incident.js";
import { clip, escapeMrkdwn as esc, plain } from "./kit.js";
import { appleCardButtons } from "./apple.js";

export { esc };

export interface CardReader {
  locale: Locale;
  timeZone: string;
  now: Date;
}

type Block = Record<string, unknown>;

/** "3 h ago" / "5 days ago": how long since `d`. */
export function age(d: Date, now: Date, locale: Locale): string {
  const hours = Math.max(0, Math.floor((now.getTime() - d.getTime()) / 3_600_000));
  if (hours === 0) return t(locale, "admin.age.now");
  return hours < 48
    ? t(locale, "admin.age.hours", { n: hours })
    : t(locale, "admin.age.days", { n: Math.floor(hours / 24) });
}

export function stateLabel(locale: Locale, state: ManagementState): string {
  return t(locale, keyOf("incident.state.", state));
}

/** The incident message's buttons for one device; found/dismiss only when a report is open. */
export function deviceActionButtons(d: DeviceDetail, reportId: string | null, locale: Locale): Block | null {
  const caps = capabilities(d);
  // Without a report the value carries the device alone: the command handlers then file the
  // command under no report (an empty "r" would name a report that does not exist).
  const value = reportId ? buttonValue(reportId, d.id) : JSON.stringify({ d: d.id });
  const button = (action_id: string, key: MessageKey, style?: "primary" | "danger") => ({
    type: "button",
    action_id,
    text: plain(t(locale, key)),
    value,
    ...(style ? { style } : {}),
  });
  const buttons: Block[] = [];
  if (caps.lost_mode.allowed) buttons.push(button(INCIDENT_ACTIONS.lostMode, "incident.button.lost_mode", "primary"));
  if (caps.lock.allowed) buttons.push(button(INCIDENT_ACTIONS.lock, "incident.button.lock"));
  if (caps.wipe.allowed) buttons.push(button(INCIDENT_ACTIONS.wipe, wipeLabel(caps.wipe), "danger"));
  if (reportId)
    buttons.push(
      button(INCIDENT_ACTIONS.found, "incident.button.found"),
      button(INCIDENT_ACTIONS.dismiss, "incident.button.dismiss"),
    );
  const elements = refineDeviceButtons(buttons, d, value, locale);
  return elements.length ? { type: "actions", block_id: `device:${d.id}`, elements } : null;
}

/** Why a button is missing, then what to know before pressing one that is there. */
function capabilityNotes(caps: Record<"lost_mode" | "wipe" | "lock", Capability>, locale: Locale): string[] {
  const all = [caps.lost_mode, caps.lock, caps.wipe];
  const keys = [
    ...all.map((c) => (c.allowed ? undefined : c.reasonKey)),
    ...all.map((c) => (c.allowed ? c.warningKey : undefined)),
  ];
  return [...new Set(keys.filter((k): k is string => Boolean(k)))].map(
    (k) => `:information_source: ${textOr(locale, k, k)}`,
  );
}

export function deviceCardBlocks(d: DeviceDetail, r: CardReader): Block[] {
  const { locale } = r;
  const owner = d.owner
    ? `${esc(d.owner.name ?? "")} <mailto:${d.owner.email}|${esc(d.owner.email)}>${d.owner.department ? ` · ${esc(d.owner.department.name)}` : ""}`
    : t(locale, "admin.card.noOwner");
  const yes = (b: boolean) => t(locale, b ? "incident.yes" : "incident.no");
  const checkIn = d.lastCheckInAt
    ? `${formatDateTime(d.lastCheckInAt, locale, r.timeZone)} (${age(d.lastCheckInAt, r.now, locale)})`
    : t(locale, "incident.never");
  const ids = [
    d.serial && `${t(locale, "csv.col.serial")}: \`${esc(d.serial)}\``,
    d.udid && `UDID: \`${esc(d.udid)}\``,
    d.imei && `IMEI: \`${esc(d.imei)}\``,
  ]
    .filter(Boolean)
    .join("\n");
  const report = d.reports[0]?.report ?? null;
  const field = (key: MessageKey, value: string) => ({
    type: "mrkdwn",
    text: clip(`*${t(locale, key)}*\n${value}`, 2000),
  });
  const blocks: Block[] = [
    { type: "header", text: plain(`${PLATFORM_EMOJI[d.platform]} ${d.name}`, 150) },
    {
      type: "section",
      fields: [
        field("admin.card.owner", owner),
        field("admin.card.platform", `${PLATFORM_LABEL[d.platform]}${d.model ? ` · ${esc(d.model)}` : ""}`),
        field("admin.card.state", stateLabel(locale, d.state)),
        field("admin.card.lastCheckIn", checkIn),
        field(
          "admin.card.supervisedAde",
          `${t(locale, "csv.col.supervised")}: ${yes(d.supervised)} · ADE: ${yes(d.ade)}`,
        ),
        // Passcode truth: only what the device itself reported (SecurityInfo, the agent).
        field(
          "admin.card.security",
          [
            t(
              locale,
              `admin.card.passcode.${d.passcodePresent === true ? "yes" : d.passcodePresent === false ? "no" : "unknown"}`,
            ),
            ...(d.activationLockEnabled === null
              ? []
              : [`${t(locale, "admin.card.activationLock")}: ${yes(d.activationLockEnabled)}`]),
            ...(d.activationLockBypassAt ? [t(locale, "apple.activation_lock.escrowed")] : []),
            ...(d.osVersion ? [`${t(locale, "admin.card.os")} ${esc(d.osVersion)}`] : []),
          ].join(" · "),
        ),
        field("admin.card.openAlerts", d._count.alerts ? `:rotating_light: ${d._count.alerts}` : "0"),
        ...(ids ? [field("admin.card.identifiers", ids)] : []),
      ],
    },
  ];
  if (report) {
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: t(locale, "admin.card.openReport", {
          reference: report.reference,
          status: t(locale, `report.status.${report.status}`),
          age: age(report.createdAt, r.now, locale),
        }),
      },
    });
  }
  blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(commandHistory(d, r), 3000) } });
  const notes = capabilityNotes(capabilities(d), locale);
  if (notes.length)
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: clip(notes.join("\n"), 3000) }] });
  const actions = deviceActionButtons(d, report?.id ?? null, locale);
  if (actions) blocks.push(actions);
  const apple = appleCardButtons(
    d,
    {
      pinCommandId: d.commands.find((c) => c.findMyPinSealed && c.state !== "CANCELLED")?.id ?? null,
      canClearActivationLock:
        d.activationLockBypassAt !== null &&
        d.activationLockEnabled !== false &&
        d.commands.some((c) => c.type === "ERASE_DEVICE" && c.state === "ACKNOWLEDGED") &&
        !d.commands.some(
          (c) =>
            c.type === "CLEAR_ACTIVATION_LOCK" &&
            (c.state === "AWAITING_APPROVAL" || c.state === "QUEUED" || c.state === "SENT"),
        ),
    },
    locale,
  );
  if (apple.length) blocks.push({ type: "actions", block_id: `device-apple:${d.id}`, elements: apple });
  return blocks;
}

function commandHistory(d: DeviceDetail, r: CardReader): string {
  const { locale } = r;
  const title = `*${t(locale, "admin.card.commands")}*`;
  const shown = d.commands.filter((c) => !isQuery(c.type));
  if (!shown.length) return `${title}\n${t(locale, "admin.card.noCommands")}`;
  const lines = commandLines(shown, locale, r.timeZone).map((line, i) => {
    const by = shown[i]!.requestedBy;
    return `• ${line}${by ? ` (${esc(by.name ?? by.email)})` : ""}`;
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
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: t(locale, "admin.device.many", { query: esc(clip(query, 100)), n: Math.min(devices.length, limit) }),
      },
    },
  ];
  for (const d of devices.slice(0, limit)) {
    const who = d.owner ? ` — ${esc(d.owner.name ?? d.owner.email)}` : "";
    blocks.push({
      type: "section",
      block_id: `device_choice:${d.id}`,
      text: {
        type: "mrkdwn",
        text: clip(
          `${PLATFORM_EMOJI[d.platform]} *${esc(d.name)}*${who}\n${PLATFORM_LABEL[d.platform]} · ${esc(d.serial ?? d.udid ?? d.imei ?? "")}`,
          3000,
        ),
      },
      accessory: {
        type: "button",
        action_id: `device_show:${d.id}`,
        text: plain(t(locale, "admin.button.show")),
        value: d.id,
      },
    });
  }
  if (devices.length > limit)
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: t(locale, "admin.device.more") }] });
  return blocks;
}
