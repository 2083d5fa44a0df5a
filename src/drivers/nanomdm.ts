// Apple devices through a NanoMDM server: NanoMDM holds the enrollments and the APNs push
// certificate; we enqueue commands with its API and receive results on its webhook
// (src/web/routes/nanomdm-webhook.ts). Enqueue is keyed by our CommandUUID, so a re-send after
// a crash is recognised by NanoMDM instead of reaching the device twice.
import type { Config } from "../config.js";
import { log } from "../log.js";
import {
  removesCompanyDataOnly,
  type Clock,
  type CommandDriver,
  type OutgoingCommand,
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
      await api.body?.cancel();
      if (api.status === 401 || api.status === 403)
        return { ok: false, problem: "api_key", reason: `HTTP ${api.status}` };
      if (api.status === 404) return { ok: false, problem: "no_api", reason: "HTTP 404" };
      if (api.status >= 500) return { ok: false, problem: "error", reason: `HTTP ${api.status}` };
      return { ok: true, version };
    } catch (err) {
      const reason = (err as Error).name === "TimeoutError" ? "no answer in time" : (err as Error).message;
      return { ok: false, problem: "unreachable", reason };
    }
  }

  async send(cmd: OutgoingCommand): Promise<SendOutcome> {
    // A driverRef means NanoMDM already accepted this CommandUUID before a crash: enqueueing
    // again would at best be refused as a duplicate, so there is nothing to do.
    if (cmd.driverRef) return { kind: "sent", driverRef: cmd.driverRef };
    const udid = cmd.device.udid;
    if (!udid) return { kind: "failed", reason: "NanoMDM: the device has no UDID, so it cannot be addressed" };

    if (removesCompanyDataOnly(cmd) && !this.opts.mdmProfileIdentifier)
      return {
        kind: "failed",
        reason:
          "NanoMDM: removing company data needs APPLE_MDM_PROFILE_IDENTIFIER (the enrolment profile's PayloadIdentifier)",
      };
    const body = buildCommandPlist(cmd, { mdmProfileIdentifier: this.opts.mdmProfileIdentifier });
    let res: Response;
    try {
      res = await fetch(`${this.base}/v1/enqueue/${encodeURIComponent(udid)}`, {
        method: "PUT",
        headers: { authorization: this.auth, "content-type": "application/x-apple-aspen-mdm; charset=utf-8" },
        body,
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 15_000),
      });
    } catch (err) {
      const reason =
        (err as Error).name === "TimeoutError"
          ? "NanoMDM did not answer in time"
          : `NanoMDM unreachable: ${(err as Error).message}`;
      return { kind: "retry", reason };
    }
    const text = await res.text().catch(() => "");
    const result = parseResult(text);

    if (res.status === 401 || res.status === 403) {
      return { kind: "failed", reason: `NanoMDM refused the API key (HTTP ${res.status}); check NANOMDM_API_KEY` };
    }
    if (res.status === 429 || res.status === 502 || res.status === 503 || res.status === 504) {
      return {
        kind: "retry",
        reason: `NanoMDM HTTP ${res.status}`,
        ...after(retryAfterMs(res.headers.get("retry-after"), this.opts.clock.now())),
      };
    }
    if (res.status === 404) return { kind: "failed", reason: `NanoMDM HTTP 404 at /v1/enqueue: check NANOMDM_URL` };

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
    if (!enqueueError && (res.ok || (result && (res.status === 207 || res.status === 500)))) {
      if (pushError) log.warn("NanoMDM queued the command but the APNs push failed", { command: cmd.id, pushError });
      return { kind: "sent", driverRef: cmd.uuid };
    }
    if (enqueueError && ALREADY_QUEUED.test(enqueueError)) return { kind: "sent", driverRef: cmd.uuid };
    if (enqueueError && PERMANENT.test(enqueueError)) return { kind: "failed", reason: `NanoMDM: ${enqueueError}` };
    if (res.status >= 500)
      return { kind: "retry", reason: `NanoMDM HTTP ${res.status}${enqueueError ? `: ${enqueueError}` : ""}` };
    return {
      kind: "failed",
      reason: `NanoMDM HTTP ${res.status}${enqueueError ? `: ${enqueueError}` : text ? `: ${text.slice(0, 200)}` : ""}`,
    };
  }
}

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
