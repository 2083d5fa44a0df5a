// The enterprise's devices (enterprises.devices.list, paged with pageToken) as the core's
// RemoteDevice records, for the scheduled import.
import type { androidmanagement_v1 } from "googleapis/build/src/apis/androidmanagement/index.js";
import type { RemoteDevice } from "../../core/ports/index.js";

/** One page of enterprises.devices.list, and whether a failure is worth one more try. */
export interface DevicePages {
  listDevices(
    pageToken?: string,
  ): Promise<{ devices: androidmanagement_v1.Schema$Device[]; nextPageToken: string | null }>;
  transient(err: unknown): boolean;
}

/** Device.ownership; OWNERSHIP_UNSPECIFIED (older devices, a partial report) stays unknown. */
const OWNERSHIP: Record<string, "company" | "personal"> = { COMPANY_OWNED: "company", PERSONALLY_OWNED: "personal" };

// DEACTIVATED_BY_DEVICE_FINANCE is a financed device locked by its creditor: still enrolled and
// still managed (Google keeps listing it), so it is not "gone".
const GONE = new Set(["DELETED"]);

export function remoteDevice(d: androidmanagement_v1.Schema$Device): RemoteDevice | null {
  if (!d.name) return null;
  const hw = d.hardwareInfo ?? {};
  const model = hw.model ?? null;
  const serial = hw.serialNumber || null;
  const brand = hw.brand ? hw.brand.charAt(0).toUpperCase() + hw.brand.slice(1) : null;
  return {
    externalId: d.name,
    platform: "ANDROID",
    name:
      [
        brand && model && !model.toLowerCase().startsWith(brand.toLowerCase()) ? brand : null,
        model,
        serial ? `(${serial.slice(-4)})` : null,
      ]
        .filter(Boolean)
        .join(" ") || d.name.split("/").pop()!,
    model,
    serial,
    imei: d.networkInfo?.imei || null,
    lost: d.appliedState === "LOST" || d.state === "LOST",
    lostStateKnown: Boolean(d.appliedState && d.appliedState !== "DEVICE_STATE_UNSPECIFIED"),
    gone: GONE.has(d.state ?? "") || GONE.has(d.appliedState ?? ""),
    lastSeenAt: d.lastStatusReportTime ? new Date(d.lastStatusReportTime) : null,
    enrolledAt: d.enrollmentTime ? new Date(d.enrollmentTime) : null,
    ownership: OWNERSHIP[d.ownership ?? ""] ?? null,
    managementMode:
      d.managementMode === "DEVICE_OWNER" || d.managementMode === "PROFILE_OWNER" ? d.managementMode : null,
    apiLevel: typeof d.apiLevel === "number" && d.apiLevel > 0 ? d.apiLevel : null,
    // applicationReports (when the policy's statusReportingSettings.applicationReportsEnabled):
    // apps removed from the device are reported with state REMOVED and are not installed.
    ...(d.applicationReports ? { installedApps: installed(d.applicationReports) } : {}),
  };
}

function installed(reports: androidmanagement_v1.Schema$ApplicationReport[]) {
  return reports
    .filter((a) => a.packageName && a.state !== "REMOVED")
    .map((a) => ({ id: a.packageName!, name: a.displayName ?? null }));
}

/** Every page of the enterprise's device list, as records. */
export async function* enterpriseDevices(driver: DevicePages): AsyncGenerator<RemoteDevice[]> {
  let token: string | undefined;
  do {
    const page = await listOnce(driver, token);
    yield page.devices.map(remoteDevice).filter((d): d is RemoteDevice => d !== null);
    token = page.nextPageToken ?? undefined;
  } while (token);
}

/** A list page is a read, safe to ask twice: one more try after a dropped connection or a 5xx. */
async function listOnce(driver: DevicePages, token: string | undefined) {
  try {
    return await driver.listDevices(token);
  } catch (err) {
    if (!driver.transient(err)) throw err;
    return driver.listDevices(token);
  }
}
