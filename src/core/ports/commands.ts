// The command port: how commands reach devices. The core owns this interface and src/drivers
// implements it. The core queues a command and hands it to the driver chosen for
// the device (Device.driver); the driver speaks the remote protocol and reports back. Drivers
// never touch command state themselves: they return an outcome, and results come back to the
// core through `core.commands` (check-in, webhook or poll), so a new driver slots in without
// touching the core.
import type { CommandType, Platform } from "../../generated/prisma/enums.js";
import type { RemoteDevice } from "./devices.js";

/** Commands that go to the device itself (CLEAR_ACTIVATION_LOCK goes to Apple, through the MDM service). */
export type DeviceCommandType = Exclude<CommandType, "CLEAR_ACTIVATION_LOCK">;
export const isDeviceCommand = (t: CommandType): t is DeviceCommandType => t !== "CLEAR_ACTIVATION_LOCK";

/** Apple's request types, the names devices and the agent API use on the wire (fixed public names: they never change). */
export const APPLE_REQUEST_TYPE: Record<DeviceCommandType, string> = {
  ENABLE_LOST_MODE: "EnableLostMode",
  DISABLE_LOST_MODE: "DisableLostMode",
  DEVICE_LOCATION: "DeviceLocation",
  PLAY_LOST_MODE_SOUND: "PlayLostModeSound",
  ERASE_DEVICE: "EraseDevice",
  DEVICE_LOCK: "DeviceLock",
  DEVICE_INFORMATION: "DeviceInformation",
  SECURITY_INFO: "SecurityInfo",
  ACTIVATION_LOCK_BYPASS_CODE: "ActivationLockBypassCode",
  INSTALLED_APPLICATION_LIST: "InstalledApplicationList",
};

/**
 * An ERASE_DEVICE whose parameters say `scope: "company_data"` must remove only the company's
 * part of a personal device (the core decides): Android deletes the work profile
 * without touching external storage or eSIMs, Apple gets RemoveProfile of the MDM enrolment
 * profile (EraseDevice is forbidden on a user-enrolled device), the agent gets RemoveProfile.
 */
export const removesCompanyDataOnly = (cmd: { type: CommandType; params: unknown }): boolean =>
  cmd.type === "ERASE_DEVICE" && (cmd.params as { scope?: unknown } | null)?.scope === "company_data";

/** The request type on the wire for one command, company-data removal included. */
export const appleRequestTypeOf = (cmd: { type: CommandType; params: unknown }): string =>
  removesCompanyDataOnly(cmd) ? "RemoveProfile" : isDeviceCommand(cmd.type) ? APPLE_REQUEST_TYPE[cmd.type] : cmd.type;

export interface OutgoingCommand {
  id: string;
  /** Apple's CommandUUID; also the idempotency key on the remote side. */
  uuid: string;
  type: CommandType;
  params: Record<string, unknown>;
  /** null: never expires (lost mode; wipe after lost mode). */
  expiresAt: Date | null;
  /** The remote id from an earlier send, when this is a reconcile after a crash. */
  driverRef: string | null;
  device: {
    id: string;
    platform: Platform;
    udid: string | null;
    serial: string | null;
    imei: string | null;
    externalId: string | null;
    supervised: boolean;
    ade: boolean;
  };
}

export type SendOutcome =
  /** Pull-based: the device collects it at its next check-in (the built-in agent). */
  | { kind: "held" }
  /** The remote service accepted it; `driverRef` names it there (operation, CommandUUID). */
  | { kind: "sent"; driverRef?: string }
  /** Transient failure (timeout, 5xx, 429): try again later. */
  | { kind: "retry"; reason: string; afterMs?: number }
  /** Permanent failure, with the remote API's own message. */
  | { kind: "failed"; reason: string }
  /** The service answered for the device at once (Apple's escrow-key unlock through NanoMDM). */
  | { kind: "answered"; result: CommandResult };

/**
 * What asking the service again for a command with no answer found out (same CommandUUID):
 * it still holds the command, it queued it again, or it does not know the device.
 */
export type ResendOutcome =
  | { kind: "still_queued" }
  | { kind: "queued_again" }
  | { kind: "retry"; reason: string }
  | { kind: "failed"; reason: string };

/** What a device (or its management service) answered, in Apple's vocabulary. */
export interface CommandResult {
  status: "Acknowledged" | "Error" | "NotNow";
  result?: Record<string, unknown>;
  error?: string;
}

export interface CommandDriver {
  readonly name: string;
  send(cmd: OutgoingCommand): Promise<SendOutcome>;
  /**
   * For services whose answers arrive only by webhook and are lost with it (NanoMDM never
   * retries one): enqueue the same command again under its CommandUUID, to re-check it.
   */
  resend?(cmd: OutgoingCommand): Promise<ResendOutcome>;
  /** For services that answer only when asked (Android operations): null while still running. */
  poll?(cmd: OutgoingCommand & { driverRef: string }): Promise<CommandResult | null>;
  /**
   * For services that keep their own device list (the Android enterprise): every page of it, for
   * the scheduled import. Drivers without one (the agent, NanoMDM) leave it out.
   */
  devices?(): AsyncIterable<RemoteDevice[]>;
}

export class DriverRegistry {
  private readonly drivers = new Map<string, CommandDriver>();
  constructor(drivers: CommandDriver[]) {
    for (const d of drivers) this.drivers.set(d.name, d);
  }
  get(name: string): CommandDriver {
    const d = this.drivers.get(name) ?? this.drivers.get("agent");
    if (!d) throw new Error(`no driver named "${name}" and no agent driver configured`);
    return d;
  }
  has(name: string): boolean {
    return this.drivers.has(name);
  }
}
