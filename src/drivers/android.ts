// Android devices through Google's Android Management API (googleapis, service-account auth).
// Lost mode, its end, lock and wipe are `issueCommand` calls that return a long-running
// Operation we poll (or hear about through Pub/Sub); a command is done only when the device
// has acknowledged it. The device's resource name ("enterprises/E/devices/D") is
// Device.externalId, filled by the device import.
import type { androidmanagement_v1 } from "googleapis/build/src/apis/androidmanagement/index.js";
import type { Config } from "../config.js";
import type {
  Clock,
  CommandDriver,
  CommandResult,
  OutgoingCommand,
  RemoteDevice,
  SendOutcome,
} from "../core/ports/index.js";
import type { Locale } from "../i18n/index.js";
import {
  androidManagementClient,
  serviceAccountAuth,
  type AndroidAuth,
  type AndroidManagement,
} from "./android/client.js";
import { lostModeCommand, simpleCommand, wipeCommand } from "./android/commands.js";
import { enterpriseDevices } from "./android/devices.js";
import { operationResult } from "./android/operations.js";
import { retryAfterMs } from "./params.js";
import { googleQuota, quotaRefusal, type QuotaLimiter } from "../lib/quota.js";

export interface AndroidDriverOptions {
  enterpriseId: string;
  auth: AndroidAuth;
  clock: Clock;
  rootUrl?: string;
  timeoutMs?: number;
  /** Language of the default message when a device shows one (APP_LOCALE). */
  locale?: Locale;
  /** The project's quota, shared with every other Google caller in the process. */
  quota?: QuotaLimiter;
}

/** Google's quota leaves no slot now: the command goes back to the core's retry, not blocked. */
class QuotaWait extends Error {
  constructor(readonly ms: number) {
    super(`Google's quota for this project is used up for now; trying again in ${Math.ceil(ms / 1000)} s`);
  }
}

/**
 * driverRef of a wipe sent by an earlier version as enterprises.devices.delete, which has no
 * operation to follow: such a wipe stays "done" once Google accepted it, as it was then.
 */
const DELETE_REF = "wipe:";

export interface ApiFailure {
  status: number | null;
  message: string;
  transient: boolean;
  afterMs?: number;
}

export class AndroidDriver implements CommandDriver {
  readonly name = "android";
  readonly api: AndroidManagement;

  private readonly quota: QuotaLimiter;

  constructor(private readonly opts: AndroidDriverOptions) {
    this.api = androidManagementClient({ auth: opts.auth, rootUrl: opts.rootUrl, timeoutMs: opts.timeoutMs });
    this.quota = opts.quota ?? googleQuota({}, () => opts.clock.now().getTime());
  }

  /**
   * One call on behalf of a command (send, poll): only when the quota has a slot now, else a
   * QuotaWait. A 429 pauses every caller of the quota for Google's Retry-After.
   */
  private async attempt<T>(call: () => Promise<T>): Promise<T> {
    const wait = this.quota.tryTake();
    if (wait > 0) throw new QuotaWait(wait);
    try {
      const result = await call();
      this.quota.succeeded();
      return result;
    } catch (err) {
      const q = quotaRefusal(err, this.opts.clock.now().getTime());
      if (q) this.quota.exhausted(q.retryAfterMs);
      throw err;
    }
  }

  get enterprise(): string {
    return this.opts.enterpriseId.startsWith("enterprises/")
      ? this.opts.enterpriseId
      : `enterprises/${this.opts.enterpriseId}`;
  }

  async send(cmd: OutgoingCommand): Promise<SendOutcome> {
    const device = cmd.device.externalId;
    if (!device)
      return {
        kind: "failed",
        reason: "Android Management API: the device has no resource name yet (import devices first)",
      };
    const locale = this.opts.locale ?? "ja";
    const now = this.opts.clock.now();
    try {
      switch (cmd.type) {
        case "ENABLE_LOST_MODE":
          return await this.issue(cmd, device, lostModeCommand(cmd, now, locale));
        case "DISABLE_LOST_MODE":
          return await this.issue(cmd, device, simpleCommand("STOP_LOST_MODE", cmd, now));
        case "DEVICE_LOCK":
          return await this.issue(cmd, device, simpleCommand("LOCK", cmd, now));
        case "ERASE_DEVICE":
          return await this.issue(cmd, device, wipeCommand(cmd, now, locale)).catch((err) => {
            // The device record is gone already: it confirmed a wipe whose answer we lost (a
            // re-send after a crash), or it was deleted in the console, which wipes it too.
            if (apiFailure(err, now).status !== 404) throw err;
            return { kind: "sent", driverRef: DELETE_REF + device } as const;
          });
        case "DEVICE_LOCATION":
        case "PLAY_LOST_MODE_SOUND":
          return {
            kind: "failed",
            reason: `Android Management API has no ${cmd.type === "DEVICE_LOCATION" ? "location" : "sound"} command: a device in lost mode reports its location and rings by itself`,
          };
        case "DEVICE_INFORMATION":
        case "SECURITY_INFO":
        case "ACTIVATION_LOCK_BYPASS_CODE":
        case "CLEAR_ACTIVATION_LOCK":
        case "INSTALLED_APPLICATION_LIST":
          return {
            kind: "failed",
            reason:
              "Android devices describe themselves in the device list; Apple's queries and Activation Lock do not apply",
          };
      }
    } catch (err) {
      if (err instanceof QuotaWait) return { kind: "retry", reason: err.message, afterMs: err.ms };
      const f = apiFailure(err, now);
      // Only Google's own Retry-After is passed on; otherwise the core's exponential backoff decides.
      if (!f.transient) return { kind: "failed", reason: f.message };
      return f.afterMs === undefined
        ? { kind: "retry", reason: f.message }
        : { kind: "retry", reason: f.message, afterMs: f.afterMs };
    }
  }

  async poll(cmd: OutgoingCommand & { driverRef: string }): Promise<CommandResult | null> {
    if (cmd.driverRef.startsWith(DELETE_REF)) return { status: "Acknowledged", result: {} };
    try {
      const { data } = await this.attempt(() => this.api.enterprises.devices.operations.get({ name: cmd.driverRef }));
      return operationResult(data);
    } catch (err) {
      if (err instanceof QuotaWait) return null; // the quota is spent: the next sweep asks
      const f = apiFailure(err, this.opts.clock.now());
      if (f.transient) return null; // ask again at the next sweep
      if (f.status === 404 && cmd.type === "ERASE_DEVICE") return this.wipeGone(cmd);
      return { status: "Error", error: f.message };
    }
  }

  /**
   * Google deletes the device record once the device has confirmed the WIPE, and every call
   * naming it then answers 404, its operations included. So a wipe whose operation vanished is
   * done when the device is gone too; a device still there means the operation itself is lost.
   */
  private async wipeGone(cmd: OutgoingCommand & { driverRef: string }): Promise<CommandResult | null> {
    const device = cmd.device.externalId ?? cmd.driverRef.split("/operations/")[0]!;
    try {
      await this.attempt(() => this.api.enterprises.devices.get({ name: device }));
      return { status: "Error", error: `Android Management API: the wipe operation ${cmd.driverRef} no longer exists` };
    } catch (err) {
      if (err instanceof QuotaWait) return null;
      const f = apiFailure(err, this.opts.clock.now());
      if (f.status === 404) return { status: "Acknowledged", result: { androidStatus: "DEVICE_DELETED" } };
      if (f.transient) return null;
      return { status: "Error", error: f.message };
    }
  }

  /** For the doctor: can these credentials read the enterprise (enterprises.get)? */
  async probe(): Promise<{ ok: true; name: string } | { ok: false; status: number | null; reason: string }> {
    try {
      const { data } = await this.quota.run(() => this.api.enterprises.get({ name: this.enterprise }), 1);
      return { ok: true, name: data.enterpriseDisplayName ?? data.name ?? this.enterprise };
    } catch (err) {
      const f = apiFailure(err, this.opts.clock.now());
      return { ok: false, status: f.status, reason: f.message };
    }
  }

  /** Every page of the enterprise's device list, for the scheduled import (the core's port). */
  devices(): AsyncIterable<RemoteDevice[]> {
    return enterpriseDevices({
      listDevices: (token) => this.listDevices(token),
      transient: (err) => apiFailure(err, this.opts.clock.now()).transient,
    });
  }

  /** One page of the enterprise's devices (enterprises.devices.list). */
  async listDevices(
    pageToken?: string,
  ): Promise<{ devices: androidmanagement_v1.Schema$Device[]; nextPageToken: string | null }> {
    // The import is background work: it waits for the quota, and through a 429, as long as needed.
    const { data } = await this.quota.run(() =>
      this.api.enterprises.devices.list({
        parent: this.enterprise,
        pageSize: 100,
        ...(pageToken ? { pageToken } : {}),
      }),
    );
    return { devices: data.devices ?? [], nextPageToken: data.nextPageToken ?? null };
  }

  private async issue(
    cmd: OutgoingCommand,
    device: string,
    body: androidmanagement_v1.Schema$Command,
  ): Promise<SendOutcome> {
    const existing = await this.reconcile(cmd, device, body.type!);
    if (existing) return { kind: "sent", driverRef: existing };
    const { data } = await this.attempt(() =>
      this.api.enterprises.devices.issueCommand({ name: device, requestBody: body }),
    );
    if (!data.name) return { kind: "failed", reason: "Android Management API returned an operation without a name" };
    return { kind: "sent", driverRef: data.name };
  }

  /**
   * Crash safety: the core records a command before sending it, so a re-send may follow an
   * issueCommand that reached Google but whose answer we lost. Check first: the operation we
   * recorded, or else a still-pending operation of the same type on the device, is adopted
   * instead of issuing a second command.
   */
  private async reconcile(cmd: OutgoingCommand, device: string, type: string): Promise<string | null> {
    const recorded = cmd.driverRef;
    if (recorded) {
      try {
        const { data } = await this.attempt(() => this.api.enterprises.devices.operations.get({ name: recorded }));
        if (!data.done || !data.error) return cmd.driverRef;
      } catch (err) {
        if (apiFailure(err, this.opts.clock.now()).status !== 404) throw err;
      }
      return null;
    }
    try {
      const { data } = await this.attempt(() =>
        this.api.enterprises.devices.operations.list({ name: `${device}/operations` }),
      );
      const pending = (data.operations ?? []).find(
        (op) => !op.done && (op.metadata as { type?: string } | null)?.type === type,
      );
      return pending?.name ?? null;
    } catch (err) {
      // Listing unsupported (UNIMPLEMENTED) or nothing there: issuing is all we can do. Any other
      // refusal (permissions, quota) would refuse the command too, so it is reported as such.
      const f = apiFailure(err, this.opts.clock.now());
      if (f.status === 501 || f.status === 404) return null;
      throw err;
    }
  }
}

/** A googleapis (gaxios) error → Google's own message, and whether trying again may help. */
export function apiFailure(err: unknown, now: Date): ApiFailure {
  const e = err as {
    status?: number;
    code?: string | number;
    message?: string;
    response?: { status?: number; headers?: unknown; data?: unknown };
  };
  const status = e.response?.status ?? (typeof e.status === "number" ? e.status : null);
  const data = e.response?.data as { error?: { message?: string; status?: string } } | undefined;
  const googleMessage = data?.error?.message;
  const message = `Android Management API${status ? ` HTTP ${status}` : ""}: ${googleMessage ?? e.message ?? "request failed"}`;
  if (status === null) return { status, message, transient: true };
  const transient = status === 408 || status === 429 || (status >= 500 && status !== 501);
  const headers = e.response?.headers as { get?: (k: string) => string | null } | Record<string, string> | undefined;
  const retryAfter =
    typeof headers?.get === "function"
      ? headers.get("retry-after")
      : (headers as Record<string, string> | undefined)?.["retry-after"];
  return { status, message, transient, afterMs: retryAfterMs(retryAfter, now) };
}

/** The Android driver when an enterprise and a service-account key are configured, else null. */
export function androidFromConfig(
  config: Pick<
    Config,
    | "ANDROID_ENTERPRISE_ID"
    | "ANDROID_SERVICE_ACCOUNT_JSON"
    | "GOOGLE_APPLICATION_CREDENTIALS"
    | "ANDROID_API_URL"
    | "MDM_REQUEST_TIMEOUT_MS"
    | "APP_LOCALE"
    | "GOOGLE_API_QUOTA_PER_100S"
    | "APP_REPLICAS"
  >,
  clock: Clock,
): AndroidDriver | null {
  const keyFile = config.ANDROID_SERVICE_ACCOUNT_JSON ?? config.GOOGLE_APPLICATION_CREDENTIALS;
  if (!config.ANDROID_ENTERPRISE_ID || !keyFile) return null;
  return new AndroidDriver({
    enterpriseId: config.ANDROID_ENTERPRISE_ID,
    auth: serviceAccountAuth(keyFile),
    clock,
    rootUrl: config.ANDROID_API_URL,
    timeoutMs: config.MDM_REQUEST_TIMEOUT_MS,
    locale: config.APP_LOCALE,
    quota: googleQuota({ queriesPer100s: config.GOOGLE_API_QUOTA_PER_100S, replicas: config.APP_REPLICAS }, () =>
      clock.now().getTime(),
    ),
  });
}
