// Apple MDM command payloads, built with the `plist` package (never hand-built XML). Keys and
// their meaning follow Apple's Device Management schema for each RequestType
// (reference/apple-device-management/mdm/commands; test/drivers/apple-schema.test.ts checks it).
import { build } from "plist";
import {
  appleRequestTypeOf,
  removesCompanyDataOnly,
  type DeviceCommandType,
  type OutgoingCommand,
  type Platform,
} from "../../core/ports/index.js";
import { boolParam, textParam } from "../params.js";

type Value = string | boolean | string[] | { Enabled: boolean };
type Fields = Record<string, Value>;

function defined(o: Record<string, Value | undefined>): Fields {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Fields;
}

/**
 * What DeviceInformation asks: enough for the device to describe itself (platform, model, serial,
 * OS, name) and the facts the loss response depends on (supervision, lost mode, Activation Lock).
 * A key a platform does not know is simply left out of its answer.
 */
export const DEVICE_QUERIES = [
  "DeviceName",
  "ModelName",
  "Model",
  "ProductName",
  "SerialNumber",
  "OSVersion",
  "IsSupervised",
  "IsMDMLostModeEnabled",
  "IsActivationLockEnabled",
] as const;

/** What InstalledApplicationList asks of each app: its identifier (always sent) and name. */
export const APP_LIST_ITEMS = ["Identifier", "Name"] as const;

/** The `Command` dictionary for one of our command types. */
export function commandFields(type: DeviceCommandType, params: Record<string, unknown>, platform: Platform): Fields {
  const message = textParam(params, "message", "Message");
  const phoneNumber = textParam(params, "phoneNumber", "PhoneNumber");
  // PIN exists only on macOS (Find My lock code); iOS rejects a command carrying it.
  const pin = platform === "MACOS" ? textParam(params, "pin", "PIN") : undefined;
  switch (type) {
    case "ENABLE_LOST_MODE":
      return defined({
        Message: message,
        PhoneNumber: phoneNumber,
        Footnote: textParam(params, "footnote", "Footnote"),
      });
    case "DEVICE_LOCK":
      return defined({ Message: message, PhoneNumber: phoneNumber, PIN: pin });
    case "ERASE_DEVICE": {
      // Apple's erase keys per platform (device.erase.yaml): a Mac takes its PIN and
      // ObliterationBehavior; an iPhone/iPad PreserveDataPlan, DisallowProximitySetup and
      // ReturnToService (iOS 17; Enabled is its one required key).
      if (platform === "MACOS")
        return defined({
          PIN: pin,
          ObliterationBehavior: textParam(params, "obliterationBehavior", "ObliterationBehavior"),
        });
      const returnToService = boolParam(params, "returnToService", "ReturnToService");
      return defined({
        PreserveDataPlan: boolParam(params, "preserveDataPlan", "PreserveDataPlan"),
        DisallowProximitySetup: boolParam(params, "disallowProximitySetup", "DisallowProximitySetup"),
        ReturnToService: returnToService ? { Enabled: true } : undefined,
      });
    }
    case "DEVICE_INFORMATION":
      return { Queries: [...DEVICE_QUERIES] };
    case "INSTALLED_APPLICATION_LIST":
      // Only what the policy reads: Apple warns some keys cost the device time and power. Items is
      // iOS 14+ and not on macOS, where the full list comes.
      return platform === "MACOS" ? {} : { Items: [...APP_LIST_ITEMS] };
    case "DISABLE_LOST_MODE":
    case "DEVICE_LOCATION":
    case "PLAY_LOST_MODE_SOUND":
    case "SECURITY_INFO":
    case "ACTIVATION_LOCK_BYPASS_CODE":
      return {};
  }
}

/**
 * The XML plist NanoMDM's enqueue API takes: {Command: {RequestType, …}, CommandUUID}. Company
 * data off a personal device is RemoveProfile of the MDM enrolment profile (profile.remove.yaml:
 * allowed on user-enrolled devices, where EraseDevice is forbidden): the device unenrols, and its
 * managed apps, their data and what the profiles installed go with it.
 */
export function buildCommandPlist(
  cmd: Pick<OutgoingCommand, "uuid" | "params"> & { type: DeviceCommandType; device: { platform: Platform } },
  opts: { mdmProfileIdentifier?: string } = {},
): string {
  const fields = removesCompanyDataOnly(cmd)
    ? { Identifier: opts.mdmProfileIdentifier ?? "" }
    : commandFields(cmd.type, cmd.params, cmd.device.platform);
  const body = { Command: { RequestType: appleRequestTypeOf(cmd), ...fields }, CommandUUID: cmd.uuid };
  return build(body);
}
