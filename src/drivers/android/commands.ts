// Our command types → Android Management API requests.
import type { androidmanagement_v1 } from "googleapis/build/src/apis/androidmanagement/index.js";
import { t, type Locale } from "../../i18n/index.js";
import { removesCompanyDataOnly, type OutgoingCommand } from "../../core/ports/index.js";
import { boolParam, localizedParam, textParam } from "../params.js";

type UserFacingMessage = androidmanagement_v1.Schema$UserFacingMessage;

/**
 * Lost mode must never expire (the vendor's guide to commands for a lost device 「デバイスの紛失時の対応」), but an issued Android command expires after its
 * `duration` (ten minutes when unset). The API reference for Command.duration says "There is no
 * maximum duration", so a command that must not expire is issued with a ten-year duration: it
 * stays pending on Google's side until the device next connects, and nothing has to re-issue it.
 */
export const NEVER_EXPIRES_DURATION = `${10 * 365 * 86_400}s`;

export function commandDuration(expiresAt: Date | null, now: Date): string {
  if (!expiresAt) return NEVER_EXPIRES_DURATION;
  return `${Math.max(60, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000))}s`;
}

/** A text shown on the device, in Japanese and English (the device picks by its language). */
export function userFacing(
  value: { ja?: string; en?: string; text?: string } | undefined,
  fallback: Locale,
): UserFacingMessage | undefined {
  if (!value) return undefined;
  const ja = value.ja ?? value.text;
  const en = value.en ?? value.text;
  const localizedMessages: Record<string, string> = {};
  if (ja) localizedMessages.ja = ja;
  if (en) localizedMessages.en = en;
  const defaultMessage = (fallback === "ja" ? (ja ?? en) : (en ?? ja)) ?? "";
  return { defaultMessage, localizedMessages };
}

export function lostModeCommand(cmd: OutgoingCommand, now: Date, locale: Locale): androidmanagement_v1.Schema$Command {
  const p = cmd.params;
  const phone = textParam(p, "phoneNumber", "PhoneNumber");
  const message = localizedParam(p, "message", "Message") ?? {
    ja: t("ja", "drivers.android.lost_message"),
    en: t("en", "drivers.android.lost_message"),
  };
  const organization = localizedParam(p, "organization", "lostOrganization", "Organization");
  // Apple's Footnote (the line under the message) has no field of its own on Android: it is
  // shown in the street-address line, which is where the lost-mode screen puts extra text.
  const streetAddress = localizedParam(p, "streetAddress", "lostStreetAddress", "Footnote");
  return {
    type: "START_LOST_MODE",
    duration: commandDuration(cmd.expiresAt, now),
    startLostModeParams: {
      lostMessage: userFacing(message, locale),
      lostPhoneNumber: phone ? userFacing({ text: phone }, locale) : undefined,
      lostEmailAddress: textParam(p, "email", "lostEmailAddress"),
      lostStreetAddress: userFacing(streetAddress, locale),
      lostOrganization: userFacing(organization, locale),
    },
  };
}

export function simpleCommand(
  type: "STOP_LOST_MODE" | "LOCK",
  cmd: OutgoingCommand,
  now: Date,
): androidmanagement_v1.Schema$Command {
  return {
    type,
    duration: commandDuration(cmd.expiresAt, now),
    ...(type === "STOP_LOST_MODE" ? { stopLostModeParams: {} } : {}),
  };
}

export const WIPE_REASON_MAX = 200;

/** WipeParams.wipeDataFlags: what else the wipe removes. */
function wipeFlags(cmd: OutgoingCommand): string[] {
  const p = cmd.params;
  // Keeping factory-reset protection makes a stolen phone useless to whoever holds it.
  const flags = ["PRESERVE_RESET_PROTECTION_DATA"];
  // A personal phone's SD card and eSIM are the owner's: only the work profile goes (incident response).
  if (removesCompanyDataOnly(cmd)) return flags;
  flags.push("WIPE_EXTERNAL_STORAGE");
  if (boolParam(p, "preserveDataPlan", "PreserveDataPlan") === false) flags.push("WIPE_ESIMS");
  return flags;
}

/** What the phone shows before it removes the work profile (personal devices only), ≤ 200 characters. */
function wipeReason(p: Record<string, unknown>): { ja?: string; en?: string; text?: string } {
  const given = localizedParam(p, "reason", "wipeReasonMessage");
  const r = given ?? { ja: t("ja", "drivers.android.wipe_reason"), en: t("en", "drivers.android.wipe_reason") };
  const cut = (v: string | undefined) => (v === undefined ? undefined : truncate(v, WIPE_REASON_MAX));
  return { ja: cut(r.ja), en: cut(r.en), text: cut(r.text) };
}

/**
 * The WIPE command (issueCommand with wipeParams): a factory reset on a company-owned device,
 * the work profile removed on a personal one. Unlike enterprises.devices.delete it is an
 * Operation we can follow: the wipe happens only when the device acknowledges it, and until
 * then the incident says it is waiting for the device.
 */
export function wipeCommand(cmd: OutgoingCommand, now: Date, locale: Locale): androidmanagement_v1.Schema$Command {
  return {
    type: "WIPE",
    duration: commandDuration(cmd.expiresAt, now),
    wipeParams: { wipeDataFlags: wipeFlags(cmd), wipeReason: userFacing(wipeReason(cmd.params), locale) },
  };
}

function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : chars.slice(0, max - 1).join("") + "…";
}
