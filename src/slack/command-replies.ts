// What the command buttons and modals share: reading a button's value (which report, device or
// command it is about) and the replies they send.
import type { RespondFn } from "@slack/bolt";
import type { CommandType } from "../core/types.js";
import { t, type Locale } from "../i18n/index.js";
import { escapeMrkdwn } from "./blocks/kit.js";
import { scopeOf } from "../core/devices/personal.js";
import type { SlackDeps } from "./deps.js";
import { button, type ButtonClick, type ButtonReply } from "./button.js";

export interface ButtonTarget {
  r?: string;
  d?: string;
  c?: string;
}

/** The one reading of a button's (or option's) value: which report, device or command it is about. */
export function parseTarget(value: string | undefined): ButtonTarget | null {
  try {
    const v = JSON.parse(value ?? "") as ButtonTarget;
    return v && typeof v === "object" && (typeof v.r === "string" || typeof v.d === "string" || typeof v.c === "string")
      ? v
      : null;
  } catch {
    return null;
  }
}

export function ephemeral(respond: RespondFn, text: string) {
  return respond({ response_type: "ephemeral", replace_original: false, text }).catch(() => {});
}

export interface Click extends ButtonClick {
  target: ButtonTarget;
}

/** An incident button: its value names the report/device/command; `needs` is the id it must carry. */
export function incidentButton(
  deps: SlackDeps,
  needs: "d" | "r" | "c" | "any",
  run: (click: Click) => Promise<ButtonReply>,
) {
  return button(deps, async (click) => {
    const target = parseTarget(click.value);
    if (!target || (needs !== "any" && !target[needs])) return t(click.locale, "commands.ephemeral.bad_button");
    return run({ ...click, target });
  });
}

/** A button whose click is the whole decision (no modal). The incident message updates through the outbox. */
export function commandButton(deps: SlackDeps, type: CommandType) {
  return incidentButton(deps, "d", async ({ target, actor, locale }) => {
    const command = await deps.core.commands.request(actor, { deviceId: target.d!, type, reportId: target.r ?? null });
    return queuedText(deps, command.deviceId, type, command.state, locale, command.params);
  });
}

export async function deviceName(deps: SlackDeps, deviceId: string): Promise<string> {
  const device = await deps.core.inventory.deviceLabel(deviceId);
  return device?.name ?? "";
}

/** The device's name as it goes into a reply: text, whatever it holds. */
export async function deviceNameText(deps: SlackDeps, deviceId: string): Promise<string> {
  return escapeMrkdwn(await deviceName(deps, deviceId));
}

export async function queuedText(
  deps: SlackDeps,
  deviceId: string,
  type: CommandType,
  state: string,
  locale: Locale,
  params?: unknown,
): Promise<string> {
  const name = escapeMrkdwn(await deviceName(deps, deviceId));
  if (state === "AWAITING_APPROVAL" && type === "ERASE_DEVICE" && scopeOf(params) === "company_data")
    return t(locale, "personal.ephemeral.requested", { name });
  if (state === "AWAITING_APPROVAL" && type !== "ERASE_DEVICE")
    return t(locale, "brake.ephemeral.requested", { name, type: t(locale, `command.type.${type}`) });
  if (state === "AWAITING_APPROVAL") return t(locale, "commands.ephemeral.wipe_requested", { name });
  return t(locale, "commands.ephemeral.queued", { type: t(locale, `command.type.${type}`), name });
}
