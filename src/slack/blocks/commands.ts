// How commands show in Slack: one line per command in the incident message, the buttons that
// still apply to a device given its live commands, and the posts in the incident thread.
// Pure: data in, Block Kit out.
import { isLive, isQuery, locationOf } from "../../core/commands/rules.js";
import { scopeOf } from "../../core/devices/personal.js";
import type { CommandState, CommandType } from "../../core/types.js";
import { formatDateTime, t, type Locale, translator, type MessageKey, keyOf } from "../../i18n/index.js";
import { confirmDialog } from "./confirm.js";
import { escapeMrkdwn, plain } from "./kit.js";

export const COMMAND_ACTIONS = {
  wipeApprove: "wipe_approve",
  wipeCancel: "wipe_cancel",
  /** Any other command the response policy holds for a second administrator (lost mode, lock…). */
  approve: "command_approve",
  cancel: "command_cancel",
  locate: "device_locate",
  sound: "lost_mode_sound",
  disable: "lost_mode_disable",
} as const;

type Block = Record<string, unknown>;
const plainLong = (text: string) => ({ type: "plain_text", text: text.slice(0, 300), emoji: true });

export const mapUrl = (lat: number, lon: number) => `https://www.google.com/maps?q=${lat.toFixed(6)},${lon.toFixed(6)}`;

export interface CommandLineInput {
  id?: string;
  type: CommandType;
  /** A wipe's parameters say whether it removes company data only. */
  params?: unknown;
  state: CommandState;
  requestedAt: Date;
  completedAt?: Date | null;
  expiresAt?: Date | null;
  /** When it was handed to the MDM service; a SENT command is waiting for the device since then. */
  sentAt?: Date | null;
  error?: string | null;
  result?: unknown;
}

/** "Lost mode: queued — 21 Nov 10:00 · never expires", with the device's answer when it has one. */
export function commandLines(commands: readonly CommandLineInput[], locale: Locale, timeZone: string): string[] {
  return commands
    .filter((c) => !isQuery(c.type))
    .map((c) => {
      const base = t(locale, "command.line", {
        type: commandTypeText(c, locale),
        state: t(locale, keyOf("command.state.", c.state)),
        at: formatDateTime(c.completedAt ?? c.requestedAt, locale, timeZone),
      });
      const extra: string[] = [];
      if (c.state === "SENT" && c.sentAt)
        extra.push(t(locale, "commands.line.waiting", { at: formatDateTime(c.sentAt, locale, timeZone) }));
      if (isLive(c.state) && c.expiresAt !== undefined) {
        extra.push(
          c.expiresAt
            ? t(locale, "commands.line.expires", { at: formatDateTime(c.expiresAt, locale, timeZone) })
            : t(locale, "commands.line.never"),
        );
      }
      const at = locationOf(c.result);
      if (c.state === "ACKNOWLEDGED" && c.type === "DEVICE_LOCATION" && at)
        extra.push(t(locale, "commands.line.map", { url: mapUrl(at.latitude, at.longitude) }));
      if (c.state === "ERROR" && c.error)
        extra.push(t(locale, "commands.line.error", { error: escapeMrkdwn(c.error).slice(0, 200) }));
      return [base, ...extra].join(" · ");
    });
}

export interface ButtonDevice {
  name: string;
  state: string;
  ade: boolean;
  /** The employee's own device: the wipe removes company data only (incident response). */
  personal?: boolean;
  commands: readonly { id: string; type: CommandType; state: CommandState; params?: unknown }[];
}

/**
 * The incident message's buttons for one device, adjusted to its commands: a button whose
 * command is already live disappears (a second click would queue nothing), a wipe awaiting
 * approval shows Approve / Withdraw instead, and a device in lost mode gets location, sound and
 * "end lost mode".
 */
export function refineDeviceButtons(buttons: Block[], d: ButtonDevice, value: string, locale: Locale): Block[] {
  const tr = translator(locale);
  const live = (type: string) => d.commands.find((c) => c.type === type && isLive(c.state));
  const wipe = live("ERASE_DEVICE");
  // Once a wipe is approved, nothing queued after it would ever run.
  const wiping = wipe && wipe.state !== "AWAITING_APPROVAL";
  const out: Block[] = [];
  for (const b of buttons) {
    const id = b.action_id;
    if (id === "lost_mode_enable" && (live("ENABLE_LOST_MODE") || wiping)) continue;
    if (id === "device_lock" && (live("DEVICE_LOCK") || wiping)) continue;
    if (id === "device_full_reset" && wipe) continue;
    if (id === "device_wipe") {
      if (wipe?.state === "AWAITING_APPROVAL") {
        const v = JSON.stringify({ c: wipe.id });
        out.push(...approvalButtons(wipe, v, d.name, locale));
        continue;
      }
      if (wipe) continue;
      out.push({
        ...b,
        confirm: wipeConfirm(d, locale),
      });
      continue;
    }
    if (id === "report_found" && d.state === "LOST_MODE" && !wiping) {
      out.push(...lostModeButtons(d, value, locale, live));
    }
    if (id === "report_found") out.push({ ...b, confirm: confirmDialog("found", locale, { name: d.name }) });
    else if (id === "report_close_wiped")
      out.push({ ...b, confirm: confirmDialog("close_wiped", locale, { name: d.name }) });
    else if (id === "report_dismiss") {
      out.push({
        ...b,
        confirm: confirmDialog(
          "dismiss",
          locale,
          { name: d.name },
          { textKey: d.state === "LOST_MODE" ? "confirm.dismiss.text_lost_mode" : undefined },
        ),
      });
    } else out.push(b);
  }
  return out;
}

function lostModeButtons(d: ButtonDevice, value: string, locale: Locale, live: (type: string) => unknown): Block[] {
  const tr = translator(locale);
  const out: Block[] = [];
  if (!live("DEVICE_LOCATION"))
    out.push({
      type: "button",
      action_id: COMMAND_ACTIONS.locate,
      text: plain(tr("commands.button.locate")),
      value,
      confirm: confirmDialog("locate", locale, { name: d.name }),
    });
  if (!live("PLAY_LOST_MODE_SOUND"))
    out.push({
      type: "button",
      action_id: COMMAND_ACTIONS.sound,
      text: plain(tr("commands.button.sound")),
      value,
      confirm: confirmDialog("sound", locale, { name: d.name }),
    });
  if (!live("DISABLE_LOST_MODE")) {
    out.push({
      type: "button",
      action_id: COMMAND_ACTIONS.disable,
      text: plain(tr("commands.button.disable")),
      value,
      confirm: confirm(
        tr("commands.disable.confirm_title"),
        tr("commands.disable.confirm_text", { name: d.name }),
        locale,
      ),
    });
  }
  return out;
}

export function wipeCancelButton(value: string, deviceName: string, locale: Locale): Block {
  return {
    type: "button",
    action_id: COMMAND_ACTIONS.wipeCancel,
    text: plain(t(locale, "commands.wipe.cancel")),
    value,
    confirm: confirmDialog("wipe_cancel", locale, { name: deviceName }),
  };
}

/**
 * The approval post's buttons. Every wipe keeps the wipe's own action ids (wipe_approve /
 * wipe_cancel); removing company data from a personal device says so on them. Every other command
 * the policy holds (lost mode, lock…) has its own ids and names what is approved.
 */
export function approvalButtons(
  c: { type: CommandType; params?: unknown },
  value: string,
  deviceName: string,
  locale: Locale,
): Block[] {
  const type = commandTypeText(c, locale);
  const vars = { type, name: deviceName };
  if (c.type === "ERASE_DEVICE") {
    if (scopeOf(c.params) === "full")
      return [approveButton(value, deviceName, locale), wipeCancelButton(value, deviceName, locale)];
    return [
      {
        ...approveButton(value, deviceName, locale),
        text: plain(t(locale, "brake.button.approve", vars)),
        confirm: confirm(
          t(locale, "brake.approve.title", vars),
          t(locale, "personal.confirm.company_data", vars),
          locale,
          "danger",
        ),
      },
      {
        ...wipeCancelButton(value, deviceName, locale),
        text: plain(t(locale, "brake.button.cancel")),
        confirm: confirm(t(locale, "brake.cancel.title", vars), t(locale, "brake.cancel.text", vars), locale),
      },
    ];
  }
  return [
    {
      type: "button",
      action_id: COMMAND_ACTIONS.approve,
      style: "primary",
      text: plain(t(locale, "brake.button.approve", vars)),
      value,
      confirm: confirm(t(locale, "brake.approve.title", vars), t(locale, "brake.approve.text", vars), locale),
    },
    {
      type: "button",
      action_id: COMMAND_ACTIONS.cancel,
      text: plain(t(locale, "brake.button.cancel")),
      value,
      confirm: confirm(t(locale, "brake.cancel.title", vars), t(locale, "brake.cancel.text", vars), locale),
    },
  ];
}

export function approveButton(value: string, deviceName: string, locale: Locale): Block {
  return {
    type: "button",
    action_id: COMMAND_ACTIONS.wipeApprove,
    style: "danger",
    text: plain(t(locale, "commands.wipe.approve")),
    value,
    confirm: confirm(
      t(locale, "commands.wipe.approve_title"),
      t(locale, "commands.wipe.approve_text", { name: deviceName }),
      locale,
      "danger",
    ),
  };
}

/** The wipe button's confirmation: what this device loses (company data only on a personal device). */
export function wipeConfirm(d: { name: string; ade: boolean; personal?: boolean }, locale: Locale): Block {
  const tr = (key: MessageKey) => t(locale, key, { name: d.name });
  if (d.personal)
    return confirm(tr("capability.wipe.company_data_button"), tr("personal.confirm.company_data"), locale, "danger");
  return confirm(
    tr("commands.wipe.confirm_title"),
    tr(d.ade ? "commands.wipe.confirm_ade" : "commands.wipe.confirm_leaves"),
    locale,
    "danger",
  );
}

/** A command's name as admins read it: a wipe of a personal device is "remove company data". */
export function commandTypeText(c: { type: CommandType; params?: unknown }, locale: Locale): string {
  const companyData = c.type === "ERASE_DEVICE" && scopeOf(c.params) === "company_data";
  return t(locale, companyData ? "command.type.REMOVE_COMPANY_DATA" : keyOf("command.type.", c.type));
}

function confirm(title: string, text: string, locale: Locale, style?: "danger"): Block {
  return {
    title: plain(title),
    text: plainLong(text),
    confirm: plain(t(locale, "commands.confirm.go")),
    deny: plain(t(locale, "commands.confirm.back")),
    ...(style ? { style } : {}),
  };
}
