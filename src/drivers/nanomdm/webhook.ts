// NanoMDM's webhook (MicroMDM-compatible): signature check, event shape, and what a command
// report means in our vocabulary. The route (src/web/routes/nanomdm-webhook.ts) only moves
// bytes; the rules are here so they can be read in one place.
import { createHmac } from "node:crypto";
import { safeEqual } from "../../lib/safe-equal.js";
import { parse } from "plist";
import { z } from "zod";
import type { CommandResult } from "../../core/ports/index.js";

/** NanoMDM's `-webhook-hmac-key`: base64 HMAC-SHA256 of the raw body in `X-Hmac-Signature`. */
export function verifyNanoMdmSignature(rawBody: Buffer, header: string | undefined, key: string): boolean {
  if (!header) return false;
  const expected = createHmac("sha256", key).update(rawBody).digest();
  let given: Buffer;
  try {
    given = Buffer.from(header.trim(), "base64");
  } catch {
    return false;
  }
  return safeEqual(given, expected);
}

export function signNanoMdmBody(rawBody: Buffer | string, key: string): string {
  return createHmac("sha256", key).update(rawBody).digest("base64");
}

const ids = z.object({ id: z.string(), type: z.string().optional() }).partial().optional();

export const nanoMdmEvent = z.object({
  topic: z.string(),
  event_id: z.string().optional(),
  created_at: z.string().optional(),
  acknowledge_event: z
    .object({
      udid: z.string().optional(),
      enrollment_id: z.string().optional(),
      ids,
      status: z.string(),
      command_uuid: z.string().optional(),
      raw_payload: z.string().optional(),
    })
    .optional(),
  checkin_event: z
    .object({
      udid: z.string().optional(),
      enrollment_id: z.string().optional(),
      ids,
      raw_payload: z.string().optional(),
      token_update_tally: z.number().optional(),
    })
    .optional(),
});
export type NanoMdmEvent = z.infer<typeof nanoMdmEvent>;

/** The raw plist a device sent, decoded; {} when absent or unreadable. */
export function decodeRawPayload(b64: string | undefined): Record<string, unknown> {
  if (!b64) return {};
  try {
    const v = parse(Buffer.from(b64, "base64").toString("utf8"));
    return v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date) && !Buffer.isBuffer(v)
      ? (v as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

export type CommandReport =
  | { kind: "idle"; udid: string }
  | { kind: "result"; udid: string; commandUuid: string; result: CommandResult };

/** An `mdm.Connect` event → what the device answered about which command (Idle: nothing). */
export function commandReport(ev: NonNullable<NanoMdmEvent["acknowledge_event"]>): CommandReport | null {
  const udid = ev.udid ?? ev.enrollment_id ?? ev.ids?.id;
  if (!udid) return null;
  if (ev.status === "Idle" || !ev.command_uuid) return { kind: "idle", udid };
  const payload = decodeRawPayload(ev.raw_payload);
  switch (ev.status) {
    case "Acknowledged":
      return {
        kind: "result",
        udid,
        commandUuid: ev.command_uuid,
        result: { status: "Acknowledged", result: resultFields(payload) },
      };
    case "NotNow":
      return { kind: "result", udid, commandUuid: ev.command_uuid, result: { status: "NotNow" } };
    case "Error":
    case "CommandFormatError":
      return {
        kind: "result",
        udid,
        commandUuid: ev.command_uuid,
        result: { status: "Error", error: errorText(ev.status, payload) },
      };
    default:
      return null;
  }
}

/** What the core keeps from a successful answer: location for DeviceLocation, passcode facts for DeviceLock. */
function resultFields(p: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof p.Latitude === "number" && typeof p.Longitude === "number") {
    out.latitude = p.Latitude;
    out.longitude = p.Longitude;
    if (typeof p.HorizontalAccuracy === "number") out.accuracy = p.HorizontalAccuracy;
    if (p.Timestamp instanceof Date || typeof p.Timestamp === "string")
      out.locatedAt = new Date(p.Timestamp as string | Date).toISOString();
  }
  // DeviceInformation: the device describing itself, in our words (src/core/devices/self-report.ts).
  if (p.QueryResponses && typeof p.QueryResponses === "object")
    out.device = deviceFacts(p.QueryResponses as Record<string, unknown>);
  // ActivationLockBypassCode: sealed by the core as soon as it arrives, never stored in clear.
  if (typeof p.ActivationLockBypassCode === "string") out.activationLockBypassCode = p.ActivationLockBypassCode;
  // SecurityInfo: the one place Apple says whether a passcode is set.
  const security = p.SecurityInfo as Record<string, unknown> | undefined;
  if (security && typeof security.PasscodePresent === "boolean") out.passcodePresent = security.PasscodePresent;
  if (typeof p.MessageResult === "string") {
    out.messageResult = p.MessageResult;
    // "The message didn't display because there isn't a set passcode" (device.lock.yaml).
    if (p.MessageResult === "NoPasscodeSet") out.passcodePresent = false;
  }
  return out;
}

/** Apple's own words for the failure: the first ErrorChain entry's description and code. */
function errorText(status: string, p: Record<string, unknown>): string {
  const chain = Array.isArray(p.ErrorChain) ? (p.ErrorChain as Record<string, unknown>[]) : [];
  const first = chain[0];
  if (first) {
    const desc = first.USEnglishDescription ?? first.LocalizedDescription;
    const code = [first.ErrorDomain, first.ErrorCode].filter((x) => x !== undefined).join(" ");
    return [desc, code ? `(${code})` : ""].filter(Boolean).join(" ");
  }
  return status === "CommandFormatError" ? "CommandFormatError: the device could not read the command" : "Error";
}

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
const bool = (v: unknown) => (typeof v === "boolean" ? v : undefined);

/** The platform a device's ProductName ("iPhone15,2", "iPad13,4", "MacBookPro18,3", "Mac14,2") names. */
export function platformOf(
  productName: string | undefined,
  modelName?: string,
): "IOS" | "IPADOS" | "MACOS" | undefined {
  const p = `${productName ?? ""} ${modelName ?? ""}`.toLowerCase();
  if (/ipad/.test(p)) return "IPADOS";
  if (/iphone|ipod/.test(p)) return "IOS";
  if (/mac/.test(p)) return "MACOS";
  return undefined;
}

/** What an Authenticate message (or DeviceInformation answer) says about the device. */
export function enrollmentFacts(payload: Record<string, unknown>): {
  name?: string;
  model?: string;
  productName?: string;
  serial?: string;
  osVersion?: string;
  platform?: "IOS" | "IPADOS" | "MACOS";
} {
  const productName = str(payload.ProductName);
  return {
    name: str(payload.DeviceName),
    model: str(payload.ModelName) ?? str(payload.Model),
    productName,
    serial: str(payload.SerialNumber),
    osVersion: str(payload.OSVersion),
    platform: platformOf(productName, str(payload.ModelName)),
  };
}

/** A DeviceInformation QueryResponses dictionary, in the core's vocabulary (undefined: not said). */
export function deviceFacts(q: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ...enrollmentFacts(q),
    supervised: bool(q.IsSupervised),
    lostModeEnabled: bool(q.IsMDMLostModeEnabled),
    activationLockEnabled: bool(q.IsActivationLockEnabled),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/**
 * An acknowledged `InstalledApplicationList` answer (whoever queued the query): the device's
 * apps as {id: Identifier, name: Name}. Null for any other answer.
 */
export function installedApplications(
  ev: NonNullable<NanoMdmEvent["acknowledge_event"]>,
): { udid: string; apps: { id: string; name: string | null }[] } | null {
  const udid = ev.udid ?? ev.enrollment_id ?? ev.ids?.id;
  if (!udid || ev.status !== "Acknowledged") return null;
  const list = decodeRawPayload(ev.raw_payload).InstalledApplicationList;
  if (!Array.isArray(list)) return null;
  const apps = list
    .filter(
      (a): a is Record<string, unknown> =>
        Boolean(a) && typeof a === "object" && typeof (a as Record<string, unknown>).Identifier === "string",
    )
    .map((a) => ({ id: a.Identifier as string, name: typeof a.Name === "string" ? a.Name : null }));
  return { udid, apps };
}
