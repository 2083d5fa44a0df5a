// The Android Management API on loopback, as far as we use it, with the REST shapes the
// reference documents: enterprises.devices.issueCommand (→ a long-running Operation named
// "<device>/operations/<id>" whose metadata is the Command), enterprises.devices.operations.get
// and .list, enterprises.devices.get, .delete (wipeDataFlags, wipeReasonMessage as query
// parameters), enterprises.devices.list (pageSize, pageToken). Errors use Google's
// {error:{code,message,status}}. A command stays pending until the simulated device connects
// (connect()); a confirmed WIPE deletes the device record, after which every call naming the
// device, its operations included, answers 404 — as the deprovisioning guide describes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { OAuth2Client } from "google-auth-library";

/** googleapis auth with an access token already issued: what a service account would present. */
export function presetTokenAuth(token: string) {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: token, expiry_date: Date.now() + 3_600_000 });
  return auth;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: any;
}

type Failure = { status: number; message?: string; headers?: Record<string, string> } | "hang";

export class FakeAndroidApi {
  readonly token: string;
  readonly requests: RecordedRequest[] = [];
  /** Devices by resource name. */
  readonly devices = new Map<string, Record<string, unknown>>();
  readonly operations = new Map<string, Record<string, any>>();
  /** Whether operations.list answers (some services say UNIMPLEMENTED). */
  listOperations = true;
  /** The most devices one list page holds (Google may return fewer than pageSize). */
  maxPageSize = 100;
  /**
   * The project's quota as Google enforces it: at most `limit` queries in any `windowMs`, on
   * the test's clock; beyond it 429 RESOURCE_EXHAUSTED with Retry-After (whole seconds until a
   * query would be allowed again). Unset: no quota.
   */
  quota: { limit: number; windowMs: number; now: () => number } | null = null;
  /** When each query that counted against the quota arrived, and how many were refused. */
  readonly quotaLog: number[] = [];
  refused429 = 0;
  /** When each 429 was answered and the Retry-After it gave. */
  readonly refusals: { at: number; retryAfterMs: number }[] = [];
  private failures: { f: Failure; match?: (path: string, query: URLSearchParams) => boolean }[] = [];
  private hanging: ServerResponse[] = [];
  private server: Server | null = null;
  private seq = 0;
  url = "";

  constructor(
    readonly enterprise = "enterprises/LC0test",
    token = "ya29.test-access-token",
  ) {
    this.token = token;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    for (const r of this.hanging) r.destroy();
    this.server?.closeAllConnections?.();
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }

  addDevice(id: string, over: Record<string, unknown> = {}): string {
    const name = `${this.enterprise}/devices/${id}`;
    this.devices.set(name, {
      name,
      state: "ACTIVE",
      appliedState: "ACTIVE",
      managementMode: "DEVICE_OWNER",
      ownership: "COMPANY_OWNED",
      apiLevel: 34,
      hardwareInfo: { brand: "google", model: "Pixel 8", manufacturer: "Google", serialNumber: `SN-${id}` },
      networkInfo: { imei: `35${id.replace(/\D/g, "").padStart(13, "0")}`.slice(0, 15) },
      enrollmentTime: "2026-01-10T01:00:00Z",
      lastStatusReportTime: "2026-11-19T23:00:00Z",
      ...over,
    });
    return name;
  }

  /** The next request (or the next one `match` accepts) fails this way. */
  failNext(f: Failure, match?: (path: string, query: URLSearchParams) => boolean): void {
    this.failures.push({ f, match });
  }

  /** The device applied (or refused) the command: the operation is done. */
  complete(
    opName: string,
    outcome: {
      startLostModeStatus?: string;
      stopLostModeStatus?: string;
      errorCode?: string;
      error?: { code: number; message: string };
    } = {},
  ) {
    const op = this.operations.get(opName);
    if (!op) throw new Error(`no operation ${opName}`);
    op.done = true;
    if (outcome.startLostModeStatus) op.metadata.startLostModeStatus = { status: outcome.startLostModeStatus };
    if (outcome.stopLostModeStatus) op.metadata.stopLostModeStatus = { status: outcome.stopLostModeStatus };
    if (outcome.errorCode) op.metadata.errorCode = outcome.errorCode;
    if (outcome.error) op.error = outcome.error;
    return op;
  }

  /**
   * The device connects and runs every pending command: lost mode applies (appliedState LOST),
   * STOP_LOST_MODE ends it, and a WIPE is confirmed, after which Google deletes the device
   * record. Returns the finished operations (what Pub/Sub COMMAND notifications carry).
   */
  connect(device: string): Record<string, any>[] {
    const d = this.devices.get(device);
    if (!d) throw new Error(`no device ${device}`);
    const done: Record<string, any>[] = [];
    for (const op of this.operations.values()) {
      if (op.done || !op.name.startsWith(device + "/")) continue;
      const type = op.metadata.type;
      op.done = true;
      if (type === "START_LOST_MODE") {
        op.metadata.startLostModeStatus = { status: d.appliedState === "LOST" ? "ALREADY_IN_LOST_MODE" : "SUCCESS" };
        d.appliedState = "LOST";
      } else if (type === "STOP_LOST_MODE") {
        op.metadata.stopLostModeStatus = { status: d.appliedState === "LOST" ? "SUCCESS" : "NOT_IN_LOST_MODE" };
        d.appliedState = "ACTIVE";
      }
      done.push(structuredClone(op));
      if (type === "WIPE") this.wiped.add(device);
    }
    if (this.wiped.has(device)) this.devices.delete(device);
    d.lastStatusReportTime = new Date().toISOString();
    return done;
  }

  /** Devices whose record Google deleted after they confirmed a WIPE. */
  readonly wiped = new Set<string>();

  /** Most queries the fake counted in any one quota window. */
  peakInWindow(): number {
    const w = this.quota?.windowMs ?? 0;
    return Math.max(0, ...this.quotaLog.map((at) => this.quotaLog.filter((b) => b >= at && b < at + w).length));
  }

  calls(method: string, pathPart: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && r.path.includes(pathPart));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const u = new URL(req.url ?? "/", "http://x");
    const path = decodeURIComponent(u.pathname);
    const body = raw ? JSON.parse(raw) : null;
    this.requests.push({
      method: req.method ?? "",
      path,
      query: u.searchParams,
      authorization: req.headers.authorization,
      body,
    });

    if (req.headers.authorization !== `Bearer ${this.token}`)
      return err(res, 401, "Request had invalid authentication credentials.", "UNAUTHENTICATED");
    if (this.quota) {
      const now = this.quota.now();
      const inWindow = this.quotaLog.filter((at) => at > now - this.quota!.windowMs);
      if (inWindow.length >= this.quota.limit) {
        this.refused429++;
        const retry = Math.ceil((inWindow[0]! + this.quota.windowMs - now) / 1000);
        this.refusals.push({ at: now, retryAfterMs: retry * 1000 });
        return err(
          res,
          429,
          "Quota exceeded for quota metric 'Queries' and limit 'Queries per 100 seconds'.",
          "RESOURCE_EXHAUSTED",
          {
            "retry-after": String(retry),
          },
        );
      }
      this.quotaLog.push(now);
    }
    const i = this.failures.findIndex((x) => !x.match || x.match(path, u.searchParams));
    const failure = i >= 0 ? this.failures.splice(i, 1)[0]!.f : undefined;
    if (failure === "hang") return void this.hanging.push(res);
    if (failure)
      return err(res, failure.status, failure.message ?? "failure", statusName(failure.status), failure.headers);

    let m: RegExpExecArray | null;
    if (req.method === "POST" && (m = /^\/v1\/(enterprises\/[^/]+\/devices\/[^/:]+):issueCommand$/.exec(path))) {
      const device = m[1]!;
      if (!this.devices.has(device)) return err(res, 404, `Device ${device} not found.`, "NOT_FOUND");
      const name = `${device}/operations/${++this.seq}`;
      const op: Record<string, any> = {
        name,
        metadata: {
          "@type": "type.googleapis.com/google.android.devicemanagement.v1.Command",
          ...body,
          // A params object without a type: the server sets the type it implies.
          type:
            body?.type ??
            (body?.wipeParams
              ? "WIPE"
              : body?.startLostModeParams
                ? "START_LOST_MODE"
                : body?.stopLostModeParams
                  ? "STOP_LOST_MODE"
                  : undefined),
          createTime: new Date().toISOString(),
          userName: `${this.enterprise}/users/u1`,
        },
        done: false,
      };
      // Google's lost-mode rules: company-owned only; fully managed from API 30, a company-owned
      // work profile from API 33. Elsewhere the command fails with the CommandErrorCode.
      const refused =
        (body?.type === "START_LOST_MODE" || body?.startLostModeParams) && lostModeRefusal(this.devices.get(device)!);
      if (refused)
        Object.assign(op, {
          done: true,
          metadata: { ...op.metadata, errorCode: refused },
          error: { code: 9, message: `Lost mode is not supported on this device (${refused}).` },
        });
      this.operations.set(name, op);
      return json(res, 200, op);
    }
    if (req.method === "GET" && (m = /^\/v1\/(enterprises\/[^/]+\/devices\/[^/]+\/operations\/[^/]+)$/.exec(path))) {
      const op = this.operations.get(m[1]!);
      const deviceGone = !this.devices.has(m[1]!.split("/operations/")[0]!);
      return op && !deviceGone ? json(res, 200, op) : err(res, 404, `Operation ${m[1]} not found.`, "NOT_FOUND");
    }
    if (req.method === "GET" && (m = /^\/v1\/(enterprises\/[^/]+\/devices\/[^/]+)\/operations$/.exec(path))) {
      if (!this.devices.has(m[1]!)) return err(res, 404, `Device ${m[1]} not found.`, "NOT_FOUND");
      if (!this.listOperations)
        return err(res, 501, "Operation is not implemented, or supported, or enabled.", "UNIMPLEMENTED");
      const ops = [...this.operations.values()].filter((o) => o.name.startsWith(m![1] + "/"));
      return json(res, 200, { operations: ops });
    }
    if (req.method === "GET" && (m = /^\/v1\/(enterprises\/[^/]+\/devices\/[^/]+)$/.exec(path))) {
      const d = this.devices.get(m[1]!);
      return d ? json(res, 200, d) : err(res, 404, `Device ${m[1]} not found.`, "NOT_FOUND");
    }
    if (req.method === "DELETE" && (m = /^\/v1\/(enterprises\/[^/]+\/devices\/[^/]+)$/.exec(path))) {
      if (!this.devices.delete(m[1]!)) return err(res, 404, `Device ${m[1]} not found.`, "NOT_FOUND");
      return json(res, 200, {});
    }
    if (req.method === "GET" && (m = /^\/v1\/(enterprises\/[^/]+)$/.exec(path))) {
      if (m[1] !== this.enterprise) return err(res, 404, `Enterprise ${m[1]} not found.`, "NOT_FOUND");
      return json(res, 200, { name: m[1], enterpriseDisplayName: "Demo K.K." });
    }
    if (req.method === "GET" && (m = /^\/v1\/(enterprises\/[^/]+)\/devices$/.exec(path))) {
      const all = [...this.devices.values()].filter((d) => String(d.name).startsWith(m![1] + "/"));
      const size = Math.min(Number(u.searchParams.get("pageSize") ?? 10), this.maxPageSize);
      const start = Number(u.searchParams.get("pageToken") ?? 0);
      const page = all.slice(start, start + size);
      const next = start + size < all.length ? String(start + size) : undefined;
      return json(res, 200, { devices: page, ...(next ? { nextPageToken: next } : {}) });
    }
    err(res, 404, `no route ${req.method} ${path}`, "NOT_FOUND");
  }
}

function lostModeRefusal(d: Record<string, unknown>): string | null {
  if (d.ownership === "PERSONALLY_OWNED") return "MANAGEMENT_MODE";
  const api = Number(d.apiLevel ?? 0);
  if (d.managementMode === "DEVICE_OWNER" && api && api < 30) return "API_LEVEL";
  if (d.managementMode === "PROFILE_OWNER" && api && api < 33) return "API_LEVEL";
  return null;
}

function statusName(code: number) {
  return (
    (
      {
        400: "INVALID_ARGUMENT",
        403: "PERMISSION_DENIED",
        404: "NOT_FOUND",
        429: "RESOURCE_EXHAUSTED",
        500: "INTERNAL",
        503: "UNAVAILABLE",
      } as Record<number, string>
    )[code] ?? "UNKNOWN"
  );
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8", ...headers }).end(JSON.stringify(body));
}

function err(res: ServerResponse, code: number, message: string, status: string, headers: Record<string, string> = {}) {
  json(res, code, { error: { code, message, status } }, headers);
}
