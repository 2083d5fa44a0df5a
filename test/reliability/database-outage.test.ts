// While PostgreSQL is unreachable every endpoint answers 503 with Retry-After (a load balancer
// and a well-behaved client come back later), nothing is half-stored, and the same process
// serves again as soon as the database is back: no restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import {
  ADMIN_1,
  ALERTS_TOKEN,
  ENROLLMENT_SECRET,
  formWebhookHeaders,
  postJson,
  startTestApp,
  type TestApp,
} from "../support/harness.js";
import { createTestDatabase, serverUrl } from "../support/db.js";
import { TcpProxy } from "../support/tcp-proxy.js";
import { openForm, submitForm, validReport } from "../reports/portal.js";
import type { Database } from "../../src/db/client.js";
import { tableCounts } from "../security/support.js";
import { sequence } from "../support/sequence.js";

const unique = sequence();

const NANOMDM_KEY = "nanomdm-hmac-key-for-tests";
const PUBSUB_TOKEN = "android-pubsub-token-for-tests";
const server = serverUrl();

// An embedded PGlite lives in the process: it cannot become unreachable.
describe.skipIf(!server)("a PostgreSQL outage", () => {
  let proxy: TcpProxy;
  let db: Database;
  let t: TestApp;
  let token = "";
  beforeAll(async () => {
    const u = new URL(server!);
    proxy = await new TcpProxy({ host: u.hostname, port: Number(u.port || 5432) }).start();
    db = await createTestDatabase({ via: (url) => proxy.through(url) });
    t = await startTestApp({
      db,
      env: { NANOMDM_WEBHOOK_HMAC_KEY: NANOMDM_KEY, ANDROID_PUBSUB_TOKEN: PUBSUB_TOKEN, REPORT_RATE_LIMIT: "1000" },
    });
    token = (
      await postJson(`${t.url}/agent/v1/enroll`, {
        enrollmentSecret: ENROLLMENT_SECRET,
        platform: "ios",
        name: "Outage iPhone",
        serial: "OUTAGE1",
      })
    ).json.token;
  });
  afterAll(async () => {
    proxy.restore();
    await t.close();
    await db.close();
    await proxy.stop();
  });

  const ts = () => Math.floor(t.clock.now().getTime() / 1000);
  const requests: [string, () => Promise<Response>][] = [
    ["GET /healthz", () => fetch(`${t.url}/healthz`)],
    [
      "POST /agent/v1/enroll",
      () =>
        fetch(`${t.url}/agent/v1/enroll`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            enrollmentSecret: ENROLLMENT_SECRET,
            platform: "android",
            name: "New phone",
            serial: "OUTAGE2",
          }),
        }),
    ],
    [
      "POST /agent/v1/checkin",
      () =>
        fetch(`${t.url}/agent/v1/checkin`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: "{}",
        }),
    ],
    [
      "POST /api/alerts",
      () =>
        fetch(`${t.url}/api/alerts`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${ALERTS_TOKEN}` },
          body: JSON.stringify({ alerts: [{ type: "root", device: { serial: "OUTAGE1" } }] }),
        }),
    ],
    [
      "POST /webhooks/google-form",
      () => {
        const body = JSON.stringify({
          responseId: `outage-${unique()}`,
          answers: { 氏名: "鈴木 次郎", 紛失したデバイス: "Pixel 8" },
        });
        return fetch(`${t.url}/webhooks/google-form`, {
          method: "POST",
          headers: { "content-type": "application/json", ...formWebhookHeaders(body, ts()) },
          body,
        });
      },
    ],
    [
      "POST /webhooks/nanomdm",
      () => {
        const body = JSON.stringify({
          topic: "mdm.Authenticate",
          checkin_event: { udid: "OUTAGE-UDID", raw_payload: "" },
        });
        return fetch(`${t.url}/webhooks/nanomdm`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-hmac-signature": createHmac("sha256", NANOMDM_KEY).update(body).digest("base64"),
          },
          body,
        });
      },
    ],
    [
      "POST /agent/v1/commands/:id/result",
      () =>
        fetch(`${t.url}/agent/v1/commands/c-outage/result`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ status: "Acknowledged" }),
        }),
    ],
    [
      "POST /webhooks/android-pubsub",
      () =>
        fetch(`${t.url}/webhooks/android-pubsub?token=${PUBSUB_TOKEN}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            message: {
              data: Buffer.from(JSON.stringify({ name: "enterprises/E1/devices/d1", appliedState: "ACTIVE" })).toString(
                "base64",
              ),
              attributes: { notificationType: "STATUS_REPORT" },
              messageId: "outage-push",
            },
            subscription: "projects/acme/subscriptions/amapi",
          }),
        }),
    ],
    ["GET /report/status/:token", () => fetch(`${t.url}/report/status/${"A".repeat(43)}`)],
    [
      "POST /report/status/:token/found",
      () => fetch(`${t.url}/report/status/${"A".repeat(43)}/found`, { method: "POST", redirect: "manual" }),
    ],
    // Slack: a 503 tells Slack the delivery failed, so it retries an event and shows the clicker
    // an error, instead of a 200 for work that then cannot be done.
    [
      "POST /slack/events (slash command)",
      () => raw(t.requests.slashCommand({ command: "/mdm", text: "device x", user: ADMIN_1 }, { settle: false })),
    ],
    [
      "POST /slack/events (button)",
      () =>
        raw(t.requests.blockAction({ user: ADMIN_1, actionId: "report_found", value: "r-outage" }, { settle: false })),
    ],
    [
      "POST /slack/events (event)",
      () =>
        raw(
          t.requests.send(
            JSON.stringify({
              type: "event_callback",
              team_id: "T1",
              api_app_id: "A1",
              event_id: "EvOutage",
              event_time: 1,
              event: { type: "app_home_opened", user: ADMIN_1, tab: "home" },
            }),
            "application/json",
            { settle: false },
          ),
        ),
    ],
  ];
  /** The Slack request helper's answer as a Response, like fetch's. */
  async function raw(p: Promise<{ status: number; body: string; headers?: Headers }>): Promise<Response> {
    const r = await p;
    return new Response(r.body || null, { status: r.status, headers: r.headers });
  }
  /** Routes that need no database: they keep serving during an outage. */
  const WITHOUT_DATABASE = ["GET /", "GET /report", "GET /report/assets/portal.css"];

  it("leaves no route out: every route the app mounts is tried here or serves without the database", () => {
    // POST /report is the form post below (it needs the form's anti-forgery token first).
    const covered = new Set([...requests.map(([n]) => n.replace(/ \(.*\)$/, "")), ...WITHOUT_DATABASE, "POST /report"]);
    // The server's listener is the check-in's fast path; express, and its router, are behind it.
    const listener = t.app.server.listeners("request")[0] as unknown as { behind: { router: Layer } };
    const mounted = routesOf(listener.behind.router);
    expect(mounted.length).toBeGreaterThan(10);
    expect(mounted.filter((r) => !covered.has(r))).toEqual([]);
  });

  it("answers every endpoint with 503 and Retry-After while the database is away, then serves again without a restart", async () => {
    const s = await openForm(t); // the form page itself needs no database
    const before = await db.prisma.lossReport.count();
    const stored = await tableCounts(t);
    proxy.cut();
    for (const route of WITHOUT_DATABASE)
      expect((await fetch(`${t.url}${route.split(" ")[1]}`)).status, route).toBe(200);
    for (const [name, send] of requests) {
      const res = await send();
      expect(res.status, name).toBe(503);
      expect(Number(res.headers.get("retry-after")), name).toBeGreaterThan(0);
      if (res.headers.get("content-type")?.includes("json") && name !== "GET /healthz")
        expect((await res.json()).error, name).toBe("database_unavailable");
    }
    const form = await submitForm(t, s, validReport());
    expect(form.status).toBe(503);
    expect(form.headers.get("retry-after")).toBeTruthy();
    expect(form.html).toMatch(/send it again in a moment/);
    expect(form.html).toContain("Shinjuku station"); // the input is still there

    proxy.restore();
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    // Nothing was half-stored by any refused request.
    expect(await tableCounts(t)).toEqual(stored);
    // Slack's retry of the refused command is served now.
    expect((await t.requests.slashCommand({ command: "/mdm", text: "device x", user: ADMIN_1 })).status).toBe(200);
    expect((await submitForm(t, s, validReport())).status).toBe(200);
    // The refused form post stored nothing; the retried one stored exactly one report.
    expect(await db.prisma.lossReport.count()).toBe(before + 1);
  });
});

type Layer = { stack?: Layer[]; route?: { path: string; methods: Record<string, boolean> }; handle?: Layer };
/** "METHOD /path" of every route an express app (and the routers in it) mounts. */
function routesOf(router: Layer): string[] {
  const out: string[] = [];
  for (const layer of router.stack ?? []) {
    if (layer.route)
      for (const m of Object.keys(layer.route.methods)) out.push(`${m.toUpperCase()} ${layer.route.path}`);
    else if (layer.handle?.stack) out.push(...routesOf(layer.handle));
  }
  return [...new Set(out)];
}
