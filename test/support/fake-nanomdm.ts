// A NanoMDM server on loopback, as far as we use it, built from NanoMDM's source (api/api.go,
// api/do.go, storage/file, storage/pgsql, service/webhook): PUT /v1/enqueue/{id} with HTTP Basic
// (user "nanomdm", password the API key), an XML plist body, and NanoMDM's JSON APIResult
// answers — 200 when queued and pushed; 500 with command_error when the enqueue fails; 500 with
// only push_error when the push failed. What an unknown id gets depends on the storage:
//   filekv (NanoMDM's default storage since "file" was deprecated) and file: the command is
//     written anyway and only the push fails, with "push data missing for id" (push/service: no
//     TokenUpdate stored for that id);
//   sql: the enqueue fails with the foreign-key error.
// A repeated CommandUUID: filekv refuses it ("command already exists: <uuid>", storage/kv), the SQL
// storages too ("duplicate key … commands_pkey"); the deprecated file storage overwrites it and
// answers as for a new one. Checked against the real server built from source (README).
// Webhooks: NanoMDM sends each event from its own goroutine and never retries — deliver() posts
// a batch concurrently in random order, once each, and reports what the app answered.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { build, parse } from "plist";
import { signNanoMdmBody } from "../../src/drivers/nanomdm/webhook.js";
import { startTestApp } from "./harness.js";
import { seededRandom, sequence } from "./sequence.js";

const nextEventId = sequence("ev-");
/**
 * NanoMDM's webhook deliveries really do arrive in any order; the fake shuffles them, from a
 * seed (NANOMDM_DELIVERY_SEED, default 1) so that an order that broke a test can be replayed.
 */
const deliveryOrder = seededRandom(Number(process.env.NANOMDM_DELIVERY_SEED ?? 1));

export interface EnqueueRequest {
  udid: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
  plist: any;
}

type Failure = { status: number; body?: unknown; headers?: Record<string, string> } | "hang" | "push-error";
export type Storage = "filekv" | "file" | "sql";

export class FakeNanoMdm {
  readonly apiKey: string;
  readonly requests: EnqueueRequest[] = [];
  /** Enrollments NanoMDM knows (enqueue to others fails like a foreign-key error). */
  readonly enrolled = new Set<string>();
  /** Commands queued per enrollment, by CommandUUID. */
  readonly queued = new Map<string, Set<string>>();
  private failures: Failure[] = [];
  private server: Server | null = null;
  private hanging: ServerResponse[] = [];
  /** APNs topics NanoMDM holds a push certificate for (the escrow-key unlock authenticates with it). */
  readonly pushCertTopics = new Set<string>(["com.apple.mgmt.External.test"]);
  /** The escrow-key unlock forms NanoMDM was given, and what Apple answers them (status, body). */
  readonly unlocks: Record<string, string>[] = [];
  appleUnlockAnswer: { status: number; body: string } = { status: 200, body: "" };
  /** false: NanoMDM started without -api (every /v1/ path is a 404). */
  apiEnabled = true;
  url = "";

  constructor(
    apiKey = "nanomdm-api-key-for-tests",
    readonly storage: Storage = "filekv",
  ) {
    this.apiKey = apiKey;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const r of this.hanging) r.destroy();
    this.server?.closeAllConnections?.();
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }

  enroll(udid: string): void {
    this.enrolled.add(udid);
  }

  failNext(f: Failure): void {
    this.failures.push(f);
  }

  reset(): void {
    this.requests.length = 0;
    this.failures = [];
  }

  commandsFor(udid: string): any[] {
    return this.requests.filter((r) => r.udid === udid).map((r) => r.plist);
  }

  /**
   * NanoMDM's http/api/escrowkeyunlock.go: any method; the POST form's serial, productType,
   * orgName, guid and escrowKey are required (400 {"error":"invalid or missing parameters"}),
   * then topic (400 {"error":"empty topic"}); no push certificate for the topic is a 500
   * {"error":"retrieve push cert for topic: …"}; otherwise Apple's own status and body pass on.
   */
  private escrowKeyUnlock(req: IncomingMessage, body: string, res: ServerResponse) {
    const form: Record<string, string> =
      req.method === "POST" && /x-www-form-urlencoded/.test(req.headers["content-type"] ?? "")
        ? Object.fromEntries(new URLSearchParams(body))
        : {};
    if (!["serial", "productType", "orgName", "guid", "escrowKey"].every((k) => form[k]))
      return json(res, 400, { error: "invalid or missing parameters" });
    if (!form.topic) return json(res, 400, { error: "empty topic" });
    if (!this.pushCertTopics.has(form.topic))
      return json(res, 500, { error: `retrieve push cert for topic: ${form.topic}: sql: no rows in result set` });
    this.unlocks.push(form);
    res.writeHead(this.appleUnlockAnswer.status).end(this.appleUnlockAnswer.body);
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const expected = "Basic " + Buffer.from(`nanomdm:${this.apiKey}`).toString("base64");
    const unauthorized = () =>
      void res.writeHead(401, { "www-authenticate": 'Basic realm="nanomdm"' }).end("Unauthorized\n");
    // Unauthenticated, like NanoMDM's own /version.
    if (req.method === "GET" && req.url === "/version") return json(res, 200, { version: "v0.8.0" });
    // Started without -api: the API endpoints do not exist.
    if (!this.apiEnabled && req.url?.startsWith("/v1/")) return void res.writeHead(404).end("404 page not found\n");
    // Pushing to no enrollment ids: the key is checked first, then NanoMDM finds nobody to push
    // to and answers 500 (as the real server does).
    if (req.url === "/v1/push/") {
      if (req.headers.authorization !== expected) return unauthorized();
      return json(res, 500, { push_error: "getting enrollment ids: empty path" });
    }
    if (req.url === "/v1/escrowkeyunlock") {
      if (req.headers.authorization !== expected) return unauthorized();
      return this.escrowKeyUnlock(req, body, res);
    }
    const m = /^\/v1\/enqueue\/([^/?]+)/.exec(req.url ?? "");
    if (req.method !== "PUT" || !m) return json(res, 404, { error: "not found" });
    if (req.headers.authorization !== expected) return unauthorized();
    const udid = decodeURIComponent(m[1]!);
    let parsed: any = null;
    try {
      parsed = parse(body);
    } catch {
      /* recorded as null: the test sees a malformed body */
    }
    this.requests.push({
      udid,
      authorization: req.headers.authorization,
      contentType: req.headers["content-type"],
      body,
      plist: parsed,
    });

    const failure = this.failures.shift();
    if (failure === "hang") {
      this.hanging.push(res);
      return;
    }
    if (failure && failure !== "push-error") {
      res.writeHead(failure.status, { "content-type": "application/json", ...failure.headers });
      res.end(failure.body === undefined ? "" : JSON.stringify(failure.body));
      return;
    }
    const uuid = parsed?.CommandUUID as string | undefined;
    const requestType = parsed?.Command?.RequestType as string | undefined;
    if (!uuid || !requestType)
      return json(res, 500, { command_error: "decoding command: command plist missing CommandUUID or RequestType" });
    const known = this.enrolled.has(udid);
    if (!known && this.storage === "sql") {
      return json(res, 500, {
        command_uuid: uuid,
        request_type: requestType,
        status: {
          [udid]: {
            command_error: `enqueue: ERROR: insert or update on table "enrollment_queue" violates foreign key constraint (id ${udid})`,
          },
        },
      });
    }
    const q = this.queued.get(udid) ?? new Set<string>();
    if (!known) {
      // File storage writes Queue/<uuid>.plist under any id; only the push finds nothing.
      q.add(uuid);
      this.queued.set(udid, q);
      return json(res, 500, {
        command_uuid: uuid,
        request_type: requestType,
        status: { [udid]: { push_error: "push data missing for id" } },
      });
    }
    if (q.has(uuid) && this.storage === "filekv") {
      return json(res, 500, {
        command_uuid: uuid,
        request_type: requestType,
        command_error: `command already exists: ${uuid}`,
      });
    }
    if (q.has(uuid) && this.storage === "sql") {
      return json(res, 500, {
        command_uuid: uuid,
        request_type: requestType,
        command_error: `enqueue: ERROR: duplicate key value violates unique constraint "commands_pkey"`,
      });
    }
    q.add(uuid);
    this.queued.set(udid, q);
    if (failure === "push-error") {
      return json(res, 500, {
        command_uuid: uuid,
        request_type: requestType,
        status: { [udid]: { push_error: "push: no push info for enrollment" } },
      });
    }
    json(res, 200, {
      command_uuid: uuid,
      request_type: requestType,
      status: { [udid]: { push_result: "6E14E52F-7F07-42C7-8367-4D81441DC85F" } },
    });
  }
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

// ─── webhook events, as NanoMDM's webhook service sends them ───

export interface Delivery {
  topic: string;
  status: number;
  json: any;
}

/**
 * NanoMDM's webhook: every event on its own goroutine, so a batch arrives concurrently and in
 * any order; a non-200 is only logged, never retried. `delays` (ms, per event) spread them out.
 */
export async function deliver(
  appUrl: string,
  events: unknown[],
  key: string | null,
  opts: { delaysMs?: number[]; random?: () => number } = {},
): Promise<Delivery[]> {
  const random = opts.random ?? deliveryOrder;
  const order = events.map((e, i) => ({ e, i, r: random() })).sort((a, b) => a.r - b.r);
  return Promise.all(
    order.map(async ({ e, i }) => {
      const wait = opts.delaysMs?.[i] ?? 0;
      if (wait) await new Promise((r) => setTimeout(r, wait));
      const res = await postWebhook(appUrl, e, key);
      return { topic: (e as { topic: string }).topic, status: res.status, json: res.json };
    }),
  );
}

const b64plist = (o: Record<string, unknown>) => Buffer.from(build(o as any)).toString("base64");

export function acknowledgeEvent(
  udid: string,
  commandUuid: string | null,
  status: string,
  report: Record<string, unknown> = {},
) {
  const raw = { UDID: udid, Status: status, ...(commandUuid ? { CommandUUID: commandUuid } : {}), ...report };
  return {
    topic: "mdm.Connect",
    event_id: nextEventId(),
    created_at: new Date().toISOString(),
    acknowledge_event: {
      ids: { id: udid, type: "Device" },
      udid,
      status,
      ...(commandUuid ? { command_uuid: commandUuid } : {}),
      raw_payload: b64plist(raw),
    },
  };
}

export function checkinEvent(
  topic: "mdm.Authenticate" | "mdm.TokenUpdate" | "mdm.CheckOut",
  udid: string,
  extra: Record<string, unknown> = {},
  opts: { raw?: Record<string, unknown>; at?: Date } = {},
) {
  const messageType = topic.slice(4);
  return {
    topic,
    event_id: nextEventId(),
    created_at: (opts.at ?? new Date()).toISOString(),
    checkin_event: {
      ids: { id: udid, type: "Device" },
      udid,
      raw_payload: b64plist({
        MessageType: messageType,
        UDID: udid,
        Topic: "com.apple.mgmt.External.test",
        ...opts.raw,
      }),
      ...extra,
    },
  };
}

/** POSTs an event to the app's NanoMDM webhook, signed like NanoMDM's -webhook-hmac-key does. */
export async function postWebhook(appUrl: string, event: unknown, key: string | null, path = "/webhooks/nanomdm") {
  const body = JSON.stringify(event);
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
  if (key) headers["x-hmac-signature"] = signNanoMdmBody(body, key);
  const res = await fetch(appUrl + path, { method: "POST", headers, body });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, json, text };
}

/** The app configured to manage Apple devices through `nano`, with webhooks signed by `hmacKey`. */
export function startNanoMdmApp(nano: FakeNanoMdm, hmacKey: string, env: Record<string, string | undefined> = {}) {
  return startTestApp({
    env: {
      MDM_DRIVER_APPLE: "nanomdm",
      NANOMDM_URL: nano.url,
      NANOMDM_API_KEY: nano.apiKey,
      NANOMDM_WEBHOOK_HMAC_KEY: hmacKey,
      MDM_REQUEST_TIMEOUT_MS: "5000",
      ...env,
    },
  });
}
