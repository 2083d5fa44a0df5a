// Apple devices through a NanoMDM server: NanoMDM holds the enrollments and the APNs push
// certificate; we enqueue commands with its API and receive results on its webhook
// (src/web/routes/nanomdm-webhook.ts). Enqueue is keyed by our CommandUUID, so a re-send after
// a crash is recognised by NanoMDM instead of reaching the device twice.
import type { Config } from "../config.js";
import { log } from "../log.js";
import {
  isDeviceCommand,
  removesCompanyDataOnly,
  type Clock,
  type CommandDriver,
  type OutgoingCommand,
  type ResendOutcome,
  type SendOutcome,
} from "../core/ports/index.js";
import { buildCommandPlist } from "./nanomdm/commands.js";
import { retryAfterMs } from "./params.js";

export interface NanoMdmOptions {
  /** Base URL of the NanoMDM server, e.g. https://mdm.example.co.jp */
  url: string;
  apiKey: string;
  clock: Clock;
  timeoutMs?: number;
  /** APPLE_MDM_PROFILE_IDENTIFIER: the enrolment profile RemoveProfile takes off a personal device. */
  mdmProfileIdentifier?: string;
}

interface ApiResult {
  command_uuid?: string;
  command_error?: string;
  push_error?: string;
  status?: Record<string, { command_error?: string; push_error?: string; push_result?: string }>;
}

/** An enqueue error that means "already enqueued": the same CommandUUID exists (MySQL, PostgreSQL, SQLite wording). */
const ALREADY_QUEUED = /duplicate|unique constraint|already exists/i;
/** The push service found no enrolment (TokenUpdate) for the id: push/service ErrIdNotFound. */
const UNKNOWN_ENROLMENT = /push data missing for id/i;
/** Errors a retry cannot fix: the device is not enrolled there, or the command is malformed. */
const PERMANENT = /decod|foreign key|not found|no such|invalid|unknown enrollment/i;

export class NanoMdmDriver implements CommandDriver {
  readonly name = "nanomdm";
  private readonly base: string;
  private readonly auth: string;

  constructor(private readonly opts: NanoMdmOptions) {
    this.base = opts.url.replace(/\/+$/, "");
    this.auth = "Basic " + Buffer.from(`nanomdm:${opts.apiKey}`).toString("base64");
  }

  /**
   * For the doctor: is NanoMDM there (GET /version, unauthenticated) and does it take our API key?
   * GET /v1/push/ with no enrollment ids pushes to nobody; NanoMDM checks the key before anything
   * else (401), and answers 404 when it was started without -api.
   */
  async probe(): Promise<NanoMdmProbe> {
    // Once more on a network error: a kept-alive connection the server has just closed fails
    // the first request on it, which says nothing about NanoMDM.
    const first = await this.probeOnce();
    return !first.ok && first.problem === "unreachable" ? this.probeOnce() : first;
  }

  private async probeOnce(): Promise<NanoMdmProbe> {
    const get = (p: string, auth: boolean) =>
      fetch(`${this.base}${p}`, {
        headers: auth ? { authorization: this.auth } : {},
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 15_000),
      });
    let version: string | null = null;
    try {
      const res = await get("/version", false);
      if (res.ok) version = ((await res.json().catch(() => ({}))) as { version?: string }).version ?? null;
      else await res.body?.cancel();
      const api = await get("/v1/push/", true);
      const said = await api.text().catch(() => "");
      if (api.status === 401 || api.status === 403)
        return { ok: false, problem: "api_key", reason: `HTTP ${api.status}` };
      if (api.status === 404) return { ok: false, problem: "no_api", reason: "HTTP 404" };
      // The real server answers this empty push 500 {"push_error":"getting enrollment ids: empty
      // path"}: the key was accepted, there was just nobody to push to.
      if (api.status >= 500 && !/enrollment ids|no ids/.test(said))
        return { ok: false, problem: "error", reason: `HTTP ${api.status}` };
      return { ok: true, version };
    } catch (err) {
      const reason = (err as Error).name === "TimeoutError" ? "no answer in time" : (err as Error).message;
      return { ok: false, problem: "unreachable", reason };
    }
  }

  async send(cmd: OutgoingCommand): Promise<SendOutcome> {
    if (cmd.type === "CLEAR_ACTIVATION_LOCK") return this.escrowKeyUnlock(cmd);
    // A driverRef means NanoMDM already accepted this CommandUUID before a crash: enqueueing
    // again would at best be refused as a duplicate, so there is nothing to do.
    if (cmd.driverRef) return { kind: "sent", driverRef: cmd.driverRef };
    const e = await this.enqueue(cmd);
    switch (e.kind) {
      case "queued":
      case "duplicate":
        return { kind: "sent", driverRef: cmd.uuid };
      case "retry":
        return { kind: "retry", reason: e.reason, ...after(e.afterMs) };
      default:
        return { kind: "failed", reason: e.reason };
    }
  }

  /**
   * The re-check of a command with no answer: the same plist under the same CommandUUID. The SQL
   * storages refuse it as a duplicate (NanoMDM still holds it); the file storage writes it into
   * the queue again, so the device runs it (again) and answers.
   */
  async resend(cmd: OutgoingCommand): Promise<ResendOutcome> {
    const e = await this.enqueue(cmd);
    switch (e.kind) {
      case "queued":
        return { kind: "queued_again" };
      case "duplicate":
        return { kind: "still_queued" };
      case "retry":
        return { kind: "retry", reason: e.reason };
      default:
        return { kind: "failed", reason: e.reason };
    }
  }

  private async enqueue(cmd: OutgoingCommand): Promise<Enqueued> {
    const udid = cmd.device.udid;
    if (!udid) return { kind: "failed", reason: "NanoMDM: the device has no UDID, so it cannot be addressed" };
    const type = cmd.type;
    if (!isDeviceCommand(type)) return { kind: "failed", reason: `NanoMDM: ${type} is not a device command` };
    if (removesCompanyDataOnly(cmd) && !this.opts.mdmProfileIdentifier)
      return {
        kind: "failed",
        reason:
          "NanoMDM: removing company data needs APPLE_MDM_PROFILE_IDENTIFIER (the enrolment profile's PayloadIdentifier)",
      };
    const res = await this.call(`/v1/enqueue/${encodeURIComponent(udid)}`, {
      method: "PUT",
      headers: { "content-type": "application/x-apple-aspen-mdm; charset=utf-8" },
      body: buildCommandPlist({ ...cmd, type }, { mdmProfileIdentifier: this.opts.mdmProfileIdentifier }),
    });
    if ("retry" in res) return { kind: "retry", reason: res.retry };
    const { status, text, headers } = res;
    const result = parseResult(text);
    const refusal = this.refusal(status, headers, "/v1/enqueue");
    if (refusal) return refusal;

    const enqueueError = result?.command_error ?? result?.status?.[udid]?.command_error;
    const pushError = result?.push_error ?? result?.status?.[udid]?.push_error;
    // NanoMDM's file storage accepts a command for any id and only the push finds no enrolment
    // ("push data missing for id"): the device will never collect it, so this is not "sent".
    if (!enqueueError && pushError && UNKNOWN_ENROLMENT.test(pushError)) {
      return {
        kind: "failed",
        reason: `NanoMDM does not know this device (UDID ${udid}): it has not enrolled there, or has left. NanoMDM said: ${pushError}`,
      };
    }
    // 207/500 with only a push error still means the command is queued: the device collects it
    // at its next check-in even without the push.
    if (!enqueueError && (status < 300 || (result && (status === 207 || status === 500)))) {
      if (pushError) log.warn("NanoMDM queued the command but the APNs push failed", { command: cmd.id, pushError });
      return { kind: "queued" };
    }
    if (enqueueError && ALREADY_QUEUED.test(enqueueError)) return { kind: "duplicate" };
    if (enqueueError && PERMANENT.test(enqueueError)) return { kind: "failed", reason: `NanoMDM: ${enqueueError}` };
    if (status >= 500)
      return { kind: "retry", reason: `NanoMDM HTTP ${status}${enqueueError ? `: ${enqueueError}` : ""}` };
    return {
      kind: "failed",
      reason: `NanoMDM HTTP ${status}${enqueueError ? `: ${enqueueError}` : text ? `: ${text.slice(0, 200)}` : ""}`,
    };
  }

  /**
   * Apple's escrow-key unlock through NanoMDM (POST /v1/escrowkeyunlock, http/api/escrowkeyunlock.go):
   * a form with serial, productType, orgName, guid, escrowKey (the dash-separated bypass code),
   * topic (the APNs topic, whose push certificate authenticates the call to Apple) and imei when
   * the device has one. NanoMDM answers 400 {"error": …} for a missing field, 500 {"error": …}
   * when it has no push certificate for the topic, and otherwise passes Apple's status and body on.
   */
  private async escrowKeyUnlock(cmd: OutgoingCommand): Promise<SendOutcome> {
    const p = cmd.params;
    const form = new URLSearchParams();
    for (const key of ["topic", "serial", "productType", "orgName", "guid", "escrowKey", "imei"] as const) {
      const v = p[key];
      if (typeof v === "string" && v) form.set(key, v);
    }
    const res = await this.call("/v1/escrowkeyunlock", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    });
    if ("retry" in res) return { kind: "retry", reason: res.retry };
    const refusal = this.refusal(res.status, res.headers, "/v1/escrowkeyunlock");
    if (refusal?.kind === "retry") return { kind: "retry", reason: refusal.reason, ...after(refusal.afterMs) };
    if (refusal) return refusal;
    const said = (parseResult(res.text) as { error?: string } | null)?.error ?? res.text.trim().slice(0, 300);
    if (res.status === 200) return { kind: "answered", result: { status: "Acknowledged", result: { cleared: true } } };
    return {
      kind: "answered",
      result: {
        status: "Error",
        error:
          res.status === 400 && /missing parameters|empty topic/.test(said)
            ? `NanoMDM refused the request: ${said}`
            : `Apple refused to clear Activation Lock (HTTP ${res.status})${said ? `: ${said}` : ""}`,
      },
    };
  }

  private async call(
    path: string,
    init: { method: string; headers: Record<string, string>; body: string },
  ): Promise<{ status: number; text: string; headers: Headers } | { retry: string }> {
    try {
      const res = await fetch(`${this.base}${path}`, {
        ...init,
        headers: { authorization: this.auth, ...init.headers },
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 15_000),
      });
      return { status: res.status, text: await res.text().catch(() => ""), headers: res.headers };
    } catch (err) {
      return {
        retry:
          (err as Error).name === "TimeoutError"
            ? "NanoMDM did not answer in time"
            : `NanoMDM unreachable: ${(err as Error).message}`,
      };
    }
  }

  /** The answers that mean the same on every endpoint: a wrong key, overload, a wrong URL. */
  private refusal(
    status: number,
    headers: Headers,
    path: string,
  ): { kind: "failed"; reason: string } | { kind: "retry"; reason: string; afterMs?: number } | null {
    if (status === 401 || status === 403)
      return { kind: "failed", reason: `NanoMDM refused the API key (HTTP ${status}); check NANOMDM_API_KEY` };
    if (status === 429 || status === 502 || status === 503 || status === 504)
      return {
        kind: "retry",
        reason: `NanoMDM HTTP ${status}`,
        afterMs: retryAfterMs(headers.get("retry-after"), this.opts.clock.now()),
      };
    if (status === 404) return { kind: "failed", reason: `NanoMDM HTTP 404 at ${path}: check NANOMDM_URL` };
    return null;
  }
}

type Enqueued =
  | { kind: "queued" }
  | { kind: "duplicate" }
  | { kind: "retry"; reason: string; afterMs?: number }
  | { kind: "failed"; reason: string };

export type NanoMdmProbe =
  | { ok: true; version: string | null }
  | { ok: false; problem: "unreachable" | "api_key" | "no_api" | "error"; reason: string };

/** Only the service's own Retry-After is passed on; otherwise the core's exponential backoff decides. */
const after = (ms: number | undefined) => (ms === undefined ? {} : { afterMs: ms });

function parseResult(text: string): ApiResult | null {
  try {
    const v = JSON.parse(text);
    return v && typeof v === "object" ? (v as ApiResult) : null;
  } catch {
    return null;
  }
}

/** The NanoMDM driver when NANOMDM_URL and NANOMDM_API_KEY are set, else null. */
export function nanoMdmFromConfig(
  config: Pick<Config, "NANOMDM_URL" | "NANOMDM_API_KEY" | "MDM_REQUEST_TIMEOUT_MS" | "APPLE_MDM_PROFILE_IDENTIFIER">,
  clock: Clock,
): NanoMdmDriver | null {
  if (!config.NANOMDM_URL || !config.NANOMDM_API_KEY) return null;
  return new NanoMdmDriver({
    url: config.NANOMDM_URL,
    apiKey: config.NANOMDM_API_KEY,
    clock,
    timeoutMs: config.MDM_REQUEST_TIMEOUT_MS,
    mdmProfileIdentifier: config.APPLE_MDM_PROFILE_IDENTIFIER,
  });
}
