// The incident message in the admin channel: the facts needed to decide, and one actions block
// per device holding only the buttons that can work for it (the reason shows instead of a
// button that would fail later). Pure: data in, Block Kit out.
//
// Button values are compact JSON {"r": reportId, "d": deviceId}. Action ids are the contract's
// (lost_mode_enable, device_wipe, device_lock, report_found, report_dismiss) and repeat across
// device blocks: Slack wants action ids unique per block, so each block has its own block_id
// ("device:<deviceId>"). A report with no device gets the `report_pick_device` select.
import { slackMention } from "../edge.js";
import type { Capability } from "../../core/devices/capabilities.js";
import type { Incident, IncidentDevice } from "../../core/reports/incident.js";
import { CLOSED_STATUSES } from "../../core/reports/service.js";
import type { Platform } from "../../core/types.js";
import {
  formatDateTime,
  t,
  translator,
  type Locale,
  type Translate,
  keyOf,
  isMessageKey,
  type KeySuffix,
  type MessageKey,
  textOr,
} from "../../i18n/index.js";
import { commandLines, refineDeviceButtons } from "./commands.js";
import { confirmDialog } from "./confirm.js";
import { button, escapeMrkdwn, mrkdwn, plain } from "./kit.js";
import { fullResetButton } from "./personal.js";

export const INCIDENT_ACTIONS = {
  lostMode: "lost_mode_enable",
  wipe: "device_wipe",
  lock: "device_lock",
  found: "report_found",
  dismiss: "report_dismiss",
  closeWiped: "report_close_wiped",
  pickDevice: "report_pick_device",
} as const;

/** The picker's block: `report:<reportId>`, so its type-ahead knows whose report it serves. */
export const PICK_BLOCK_PREFIX = "report:";

/** One picker option: name · platform · owner · department, within Slack's 75 characters. */
export function pickerOption(
  reportId: string,
  d: {
    id: string;
    name: string;
    platform: Platform;
    ownerName: string | null;
    department: string | null;
    serial: string | null;
  },
  locale: Locale,
) {
  const parts = [
    d.name,
    t(locale, keyOf("incident.platform.", d.platform)),
    d.ownerName,
    d.department,
    d.serial,
  ].filter(Boolean);
  const text = parts.join(" · ");
  return { text: plain(text), value: buttonValue(reportId, d.id) };
}

/** A button's value: the report and device it acts on (read back by command-replies.ts parseTarget). */
export const buttonValue = (reportId: string, deviceId?: string) =>
  JSON.stringify(deviceId ? { r: reportId, d: deviceId } : { r: reportId });

type Block = Record<string, unknown>;
type Report = Incident["report"];
/** Slack allows 50 blocks a message; a report rarely means more than a few devices. */
const MAX_DEVICES = 8;

export function incidentMessage(
  incident: Incident,
  locale: Locale,
  timeZone: string,
): { text: string; blocks: Block[] } {
  const { report: r, devices } = incident;
  const tr = translator(locale);
  const closed = CLOSED_STATUSES.includes(r.status);
  const blocks: Block[] = [
    { type: "header", text: plain(headline(r.status, r.reference, tr)) },
    { type: "section", text: mrkdwn(reportFacts(r, tr, (d) => formatDateTime(d, locale, timeZone)).join("\n")) },
  ];
  const shown = devices.slice(0, MAX_DEVICES);
  for (const d of shown) blocks.push(...deviceBlocks(r, d, closed, locale, timeZone));
  if (devices.length > shown.length) {
    blocks.push({
      type: "context",
      elements: [mrkdwn(tr("incident.more_devices", { n: devices.length - shown.length }))],
    });
  }
  if (closed) blocks.push(...closedCaseBlocks(r, tr));
  else if (!devices.length) blocks.push(...devicePickerBlocks(r, locale));
  return { text: fallbackText(r, tr), blocks };
}

/** What a person typed must not ping channels or users, or break the formatting. */
const reporterNameOf = (r: Report) => escapeMrkdwn(r.reporterName ?? r.reporter?.name ?? r.reporterEmail);

/** The report as the reporter gave it, and who they are: the lines an administrator decides on. */
function reportFacts(r: Report, tr: Translate, when: (d: Date) => string): string[] {
  const who = r.reporterSlackUserId && r.reporter ? slackMention(r.reporterSlackUserId) : reporterNameOf(r);
  const identity = !r.reporterVerified
    ? tr("incident.unverified")
    : r.reporterSlackUserId && r.channel === "SLACK"
      ? tr("incident.verified_slack")
      : tr("incident.verified_email");
  const dept = r.reporter?.department?.name ? ` · ${escapeMrkdwn(r.reporter.department.name)}` : "";
  return [
    tr("incident.reporter", { reporter: `${who} (${escapeMrkdwn(r.reporterEmail)})${dept} — ${identity}` }),
    tr("incident.via", { channel: tr(`incident.channel.${r.channel}`), at: when(r.createdAt) }),
    tr("incident.what", { circumstances: tr(`incident.circumstances.${r.circumstances}`) }),
    tr("incident.described", { text: escapeMrkdwn(r.deviceDescription) }),
    tr("incident.lost_at", { at: lostAtShown(r, tr, when) }),
    tr("incident.location", { location: escapeMrkdwn(r.location ?? "—") }),
    tr("incident.contact", { phone: escapeMrkdwn(r.contactPhone ?? "—") }),
    tr(r.consentLostMode ? "incident.consent_yes" : "incident.consent_no"),
    tr("incident.status", { status: tr(`report.status.${r.status}`) }),
  ];
}

/** One device: its facts and commands, and while the case is open, why a button is missing and the buttons. */
function deviceBlocks(r: Report, d: IncidentDevice, closed: boolean, locale: Locale, timeZone: string): Block[] {
  const tr = translator(locale);
  const blocks: Block[] = [
    { type: "divider" },
    { type: "section", block_id: `facts:${d.id}`, text: mrkdwn(deviceFacts(d, locale, timeZone).join("\n")) },
  ];
  if (closed) return blocks;
  const notes = capabilityNotes(d.capabilities, tr);
  if (notes.length) blocks.push({ type: "context", block_id: `why:${d.id}`, elements: [mrkdwn(notes.join("\n"))] });
  const value = buttonValue(r.id, d.id);
  // Buttons whose command is already live go; lost-mode follow-ups and wipe approval come.
  blocks.push({
    type: "actions",
    block_id: `device:${d.id}`,
    elements: refineDeviceButtons(deviceButtons(r, d, value, locale), d, value, locale),
  });
  return blocks;
}

function deviceFacts(d: IncidentDevice, locale: Locale, timeZone: string): string[] {
  const tr = translator(locale);
  const lines = [
    tr("incident.device", {
      name: escapeMrkdwn(d.name),
      platform: tr(`incident.platform.${d.platform}`),
      model: escapeMrkdwn(d.model ?? ""),
    }),
    tr("incident.device_facts", {
      supervised: tr(d.supervised ? "incident.yes" : "incident.no"),
      ade: tr(d.ade ? "incident.yes" : "incident.no"),
      state: tr(`incident.state.${d.state}`),
      lastCheckIn: d.lastCheckInAt ? formatDateTime(d.lastCheckInAt, locale, timeZone) : tr("incident.never"),
    }),
    [
      d.owner ? tr("incident.device_owner", { owner: escapeMrkdwn(d.owner.name ?? d.owner.email) }) : null,
      // How the device joined the report is stored as text: the catalog is asked at run time.
      textOr(locale, `incident.device_how.${d.how}`, d.how),
    ]
      .filter(Boolean)
      .join(" · "),
  ];
  const commands = commandLines(d.commands, locale, timeZone);
  if (commands.length) lines.push(tr("incident.commands"), ...commands.map((c) => `• ${c}`));
  return lines;
}

/** The buttons the device's capabilities allow, then found and close. */
function deviceButtons(r: Report, d: IncidentDevice, value: string, locale: Locale): Block[] {
  const tr = translator(locale);
  const caps = d.capabilities;
  const buttons: Block[] = [];
  if (caps.lost_mode.allowed)
    buttons.push(button(tr("incident.button.lost_mode"), INCIDENT_ACTIONS.lostMode, value, "primary"));
  if (caps.lock.allowed) buttons.push(button(tr("incident.button.lock"), INCIDENT_ACTIONS.lock, value));
  if (caps.wipe.allowed) {
    buttons.push({
      ...button(tr(wipeLabel(caps.wipe)), INCIDENT_ACTIONS.wipe, value, "danger"),
      confirm: {
        title: plain(tr("incident.confirm.wipe_title")),
        text: plain(tr("incident.confirm.wipe_text", { name: d.name })),
        confirm: plain(tr("incident.confirm.go")),
        deny: plain(tr("incident.confirm.cancel")),
        style: "danger",
      },
    });
  }
  if (caps.full_reset.allowed) buttons.push(fullResetButton(value, d.name, locale));
  buttons.push(button(tr("incident.button.found"), INCIDENT_ACTIONS.found, value));
  // A wiped device's case closes as wiped, never as "no action needed" (the employee would be
  // told nothing happened after their phone was erased).
  const wiped = d.state === "WIPED" || r.status === "WIPED";
  if (wiped) buttons.push(button(tr("incident.button.close_wiped"), INCIDENT_ACTIONS.closeWiped, value));
  else buttons.push(button(tr("incident.button.dismiss"), INCIDENT_ACTIONS.dismiss, value));
  return buttons;
}

/** A closed case says so and offers the case record an auditor accepts. */
function closedCaseBlocks(r: Report, tr: Translate): Block[] {
  return [
    { type: "context", elements: [mrkdwn(tr("incident.closed"))] },
    {
      type: "actions",
      block_id: "case",
      elements: [{ type: "button", action_id: "case_record", text: plain(tr("case.button")), value: r.reference }],
    },
  ];
}

/** A report matched to no device: pick one from the fleet, or close it as found or dismissed. */
function devicePickerBlocks(r: Report, locale: Locale): Block[] {
  const tr = translator(locale);
  const value = buttonValue(r.id);
  const elements: Block[] = [
    // Type-ahead over the whole fleet (options served by listeners/options/report-pick-device.ts);
    // the block id names the report so the options can put the reporter's devices first.
    {
      type: "external_select",
      action_id: INCIDENT_ACTIONS.pickDevice,
      placeholder: plain(tr("incident.pick_placeholder")),
      min_query_length: 0,
    },
    {
      type: "button",
      action_id: INCIDENT_ACTIONS.found,
      text: plain(tr("incident.button.found")),
      value,
      confirm: confirmDialog("found", locale, {}, { textKey: "confirm.found.text_report" }),
    },
    {
      type: "button",
      action_id: INCIDENT_ACTIONS.dismiss,
      text: plain(tr("incident.button.dismiss")),
      value,
      confirm: confirmDialog("dismiss", locale, {}, { textKey: "confirm.dismiss.text_report" }),
    },
  ];
  return [
    { type: "divider" },
    { type: "section", text: mrkdwn(tr("incident.no_device")) },
    { type: "actions", block_id: `${PICK_BLOCK_PREFIX}${r.id}`, elements },
  ];
}

/** The fallback text is mrkdwn too (notifications, screen readers): escaped like the blocks. */
function fallbackText(r: Report, tr: Translate): string {
  return OPEN.has(r.status)
    ? tr("incident.fallback", { reference: r.reference, reporter: reporterNameOf(r) })
    : `${headline(r.status, r.reference, tr)} (${reporterNameOf(r)})`;
}

const OPEN = new Set(["RECEIVED", "ADMINS_NOTIFIED"]);
const HEADLINE: Partial<Record<string, KeySuffix<"incident.headline.">>> = {
  LOST_MODE_REQUESTED: "lost_mode_requested",
  LOST_MODE_ENABLED: "lost_mode",
  LOCATED: "located",
  WIPE_REQUESTED: "wiping",
  WIPED: "wiped",
  FOUND: "found",
  DISMISSED: "dismissed",
  CLOSED: "closed_wiped",
};

/** The message's first line follows the case: 「✅ 解決済み: 発見 — LR-…」 once it is closed. */
export function headline(status: string, reference: string, tr: Translate) {
  const which = HEADLINE[status];
  return which ? tr(keyOf("incident.headline.", which), { reference }) : `🚨 ${tr("incident.title", { reference })}`;
}

/**
 * The wipe button's label: a personal device's names what it removes. The core names the key
 * (it imports no i18n), so it is checked against the catalog at run time.
 */
export function wipeLabel(wipe: Capability): MessageKey {
  return wipe.labelKey && isMessageKey(wipe.labelKey) ? wipe.labelKey : "incident.button.wipe";
}

/** Why a button is missing, and what to know before pressing one that is there. */
function capabilityNotes(
  caps: Record<"lost_mode" | "wipe" | "lock" | "full_reset", Capability>,
  tr: Translate,
): string[] {
  const notes: string[] = [];
  const seen = new Set<string>();
  const add = (key?: string) => {
    if (key && !seen.has(key)) {
      seen.add(key);
      // The core names these keys (it imports no i18n): checked against the catalog at run time.
      notes.push(isMessageKey(key) ? tr(key) : key);
    }
  };
  for (const c of [caps.lost_mode, caps.lock, caps.wipe]) add(c.allowed ? undefined : c.reasonKey);
  for (const c of [caps.lost_mode, caps.lock, caps.wipe, caps.full_reset]) add(c.allowed ? c.warningKey : undefined);
  return notes.map((n) => `:information_source: ${n}`);
}

/** The reporter's words beside our best guess (「昨日の夜（推定 11月19日(木) 21:00）」), or the exact time. */
function lostAtShown(
  r: { lostAt: Date | null; lostAtText: string | null },
  tr: Translate,
  when: (d: Date) => string,
): string {
  if (!r.lostAtText) return r.lostAt ? when(r.lostAt) : "—";
  const text = escapeMrkdwn(r.lostAtText);
  return r.lostAt ? tr("report.lost_at_estimated", { text, at: when(r.lostAt) }) : text;
}
