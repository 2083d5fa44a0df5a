// The erase options Apple offers per platform (Apple's Device Management schema, EraseDevice), with
// the safe choice as default. Pure: the wipe modal shows exactly these, and the core fills in and
// checks what a request carries, so a wipe asked from anywhere gets the same defaults.
//   iPhone/iPad: PreserveDataPlan (keep the eSIM plan; on: removing it cannot be undone, and the
//     device needs a connection to re-enrol and be locked again), DisallowProximitySetup (on: no
//     one nearby can set the erased device up from their own iPhone), ReturnToService (iOS 17, an
//     ADE device re-enrols itself after the erase; off unless asked — it needs the network and no
//     Activation Lock).
//   Mac: ObliterationBehavior (macOS 12; ObliterateWithWarning: erase even when Erase All Content
//     and Settings cannot run, and answer Acknowledged so the wipe is recorded truthfully) and
//     the Find My PIN, which the core generates (never chosen by a person).
import type { Platform } from "../../generated/prisma/enums.js";
import { InvalidInputError } from "../errors.js";

export const OBLITERATION_BEHAVIORS = ["Default", "DoNotObliterate", "ObliterateWithWarning", "Always"] as const;
export type ObliterationBehavior = (typeof OBLITERATION_BEHAVIORS)[number];

export interface EraseOptions {
  preserveDataPlan?: boolean;
  disallowProximitySetup?: boolean;
  returnToService?: boolean;
  obliterationBehavior?: ObliterationBehavior;
}

export type EraseOption = keyof EraseOptions;
export const ERASE_OPTION_KEYS: readonly EraseOption[] = [
  "preserveDataPlan",
  "disallowProximitySetup",
  "returnToService",
  "obliterationBehavior",
];

interface Facts {
  platform: Platform;
  ade: boolean;
  osVersion?: string | null;
}

const major = (v: string | null | undefined) => (v ? Number.parseInt(v, 10) : Number.NaN);

/** The options this device's erase takes, each with its safe default; {} for platforms with none. */
export function eraseOptionsFor(d: Facts): EraseOptions {
  if (d.platform === "MACOS") return { obliterationBehavior: "ObliterateWithWarning" };
  if (d.platform !== "IOS" && d.platform !== "IPADOS") return {};
  const out: EraseOptions = { preserveDataPlan: true, disallowProximitySetup: true };
  // Return to Service: iOS 17 and later; without an MDM profile in the command only ADE devices
  // can re-enrol by themselves. An OS version the device never said is given the benefit.
  const os = major(d.osVersion);
  if (d.ade && (Number.isNaN(os) || os >= 17)) out.returnToService = false;
  return out;
}

/** A request's erase params, checked: only this device's options, typed, defaults for the rest. */
export function normaliseEraseParams(d: Facts, given: Record<string, unknown>): EraseOptions {
  const allowed = eraseOptionsFor(d);
  const out: EraseOptions = { ...allowed };
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined || key === "pin" || key === "scope") continue;
    if (!(key in allowed)) throw badOption(`${key} is not an erase option for this device`, key);
    if (key === "obliterationBehavior") {
      if (!(OBLITERATION_BEHAVIORS as readonly unknown[]).includes(value))
        throw badOption(`obliterationBehavior must be one of ${OBLITERATION_BEHAVIORS.join(", ")}`, key);
      out.obliterationBehavior = value as ObliterationBehavior;
    } else {
      if (typeof value !== "boolean") throw badOption(`${key} must be true or false`, key);
      out[key as Exclude<EraseOption, "obliterationBehavior">] = value;
    }
  }
  return out;
}

/** An erase option this device does not have, or a value it cannot take (the modal offers neither). */
const badOption = (message: string, field: string) =>
  new InvalidInputError(message, { field }, { reason: "wipe.option_invalid" });
