// What a management service says about one device it manages, in the core's words: the record
// a driver's device list (CommandDriver.devices) yields and the scheduled import reads.
import type { Platform } from "../../generated/prisma/enums.js";

export interface RemoteDevice {
  /** The service's own id, e.g. "enterprises/E/devices/D". */
  externalId: string;
  platform: Platform;
  name: string;
  model: string | null;
  serial: string | null;
  imei: string | null;
  /** The service says the device is in lost mode. */
  lost: boolean;
  /** The service reported the state the device has applied (Android appliedState), so `lost: false` is the device's word. */
  lostStateKnown?: boolean;
  /** The service no longer manages it (deleted, deactivated). */
  gone: boolean;
  lastSeenAt: Date | null;
  enrolledAt: Date | null;
  /** Who owns the hardware, when the service says (Android Device.ownership). */
  ownership?: "company" | "personal" | null;
  /** The service's management mode, e.g. Android "DEVICE_OWNER" / "PROFILE_OWNER". */
  managementMode?: string | null;
  /** Android API level of the OS on the device. */
  apiLevel?: number | null;
  /** The installed apps the service reports (Android applicationReports); undefined: not reported. */
  installedApps?: { id: string; name?: string | null }[];
}
