// While PostgreSQL is unreachable every endpoint answers 503 with Retry-After (a load balancer
// and a well-behaved client come back later), nothing is half-stored, and the same process
// serves again as soon as the database is back: no restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import {
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
          responseId: `outage-${Math.random()}`,
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
    ["GET /report/status/:token", () => fetch(`${t.url}/report/status/${"A".repeat(43)}`)],
  ];

  it("answers every endpoint with 503 and Retry-After while the database is away, then serves again without a restart", async () => {
    const s = await openForm(t); // the form page itself needs no database
    const before = await db.prisma.lossReport.count();
    proxy.cut();
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
    expect((await submitForm(t, s, validReport())).status).toBe(200);
    // The refused form post stored nothing; the retried one stored exactly one report.
    expect(await db.prisma.lossReport.count()).toBe(before + 1);
  });
});
