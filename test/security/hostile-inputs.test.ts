// Hostile input against every public endpoint: oversized and malformed bodies, wrong content
// types, forged signatures and tokens, stale timestamps, injection and unicode tricks. Each
// must get a clear 4xx, never crash the process, and change nothing in the database.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, ALERTS_TOKEN, ENROLLMENT_SECRET, formWebhookHeaders } from "../support/harness.js";
import { sign } from "../support/slack-requests.js";
import { openForm, submitForm, validReport } from "../reports/portal.js";
import { expectUnharmed, tableCounts } from "./support.js";

const NANOMDM_KEY = "nanomdm-hmac-key-for-tests";
const PUBSUB_TOKEN = "android-pubsub-token-for-tests";
let t: TestApp;
let deviceToken = "";

beforeAll(async () => {
  t = await startTestApp({
    env: { REPORT_RATE_LIMIT: "10000", NANOMDM_WEBHOOK_HMAC_KEY: NANOMDM_KEY, ANDROID_PUBSUB_TOKEN: PUBSUB_TOKEN },
  });
  const res = await fetch(`${t.url}/agent/v1/enroll`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      enrollmentSecret: ENROLLMENT_SECRET,
      platform: "ios",
      name: "Hostile test iPhone",
      serial: "HOSTILE1",
    }),
  });
  if (res.status === 201) deviceToken = ((await res.json()) as { token: string }).token;
});
afterAll(() => t.close());

type Headers = Record<string, string>;
interface JsonEndpoint {
  name: string;
  path: string;
  /** Valid credentials for this body (signatures depend on it). */
  auth(body: Buffer): Headers;
  /** Credentials that must be refused. */
  forged(body: Buffer): Headers;
  /** The body may be empty or ignored (a check-in is `{}`, Pub/Sub pushes are always acked), so a bad body can still be a 200. */
  bodyOptional?: boolean;
  /** Where forged credentials go, when the credential is in the URL. */
  forgedPath?: string;
  /** A valid request, to check the endpoint exists in this build. */
  probe: string;
}

const now = () => Math.floor(Date.now() / 1000); // Slack (Bolt) checks against the real time
const appNow = () => Math.floor(t.clock.now().getTime() / 1000); // the form webhook reads the app's clock

const endpoints: JsonEndpoint[] = [
  {
    name: "POST /agent/v1/enroll",
    path: "/agent/v1/enroll",
    auth: () => ({}),
    forged: () => ({}),
    probe: JSON.stringify({ enrollmentSecret: "wrong", platform: "ios", name: "x" }),
  },
  {
    name: "POST /agent/v1/checkin",
    path: "/agent/v1/checkin",
    auth: () => ({ authorization: `Bearer ${deviceToken}` }),
    forged: () => ({ authorization: `Bearer ${deviceToken.slice(0, -1)}x` }),
    bodyOptional: true,
    probe: "{}",
  },
  {
    name: "POST /agent/v1/commands/:id/result",
    path: "/agent/v1/commands/00000000-0000-0000-0000-000000000000/result",
    auth: () => ({ authorization: `Bearer ${deviceToken}` }),
    forged: () => ({ authorization: "Bearer not-a-device-token" }),
    probe: JSON.stringify({ status: "Acknowledged" }),
  },
  {
    name: "POST /api/alerts",
    path: "/api/alerts",
    auth: () => ({ authorization: `Bearer ${ALERTS_TOKEN}` }),
    forged: () => ({ authorization: `Bearer ${ALERTS_TOKEN}x` }),
    probe: JSON.stringify({ alerts: [] }),
  },
  {
    name: "POST /webhooks/google-form",
    path: "/webhooks/google-form",
    auth: (body) => {
      const ts = appNow();
      return formWebhookHeaders(body, ts);
    },
    forged: (body) => {
      const ts = appNow();
      return formWebhookHeaders(body, ts, "not-the-secret");
    },
    probe: "{}",
  },
  {
    name: "POST /webhooks/nanomdm",
    path: "/webhooks/nanomdm",
    auth: (body) => ({ "x-hmac-signature": createHmac("sha256", NANOMDM_KEY).update(body).digest("base64") }),
    forged: (body) => ({ "x-hmac-signature": createHmac("sha256", "wrong").update(body).digest("base64") }),
    probe: "{}",
  },
  {
    name: "POST /webhooks/android-pubsub",
    path: `/webhooks/android-pubsub?token=${PUBSUB_TOKEN}`,
    forgedPath: `/webhooks/android-pubsub?token=${PUBSUB_TOKEN}x`,
    // Pub/Sub redelivers anything not acked forever, so an authenticated malformed message is acked (200) and ignored.
    bodyOptional: true,
    auth: () => ({}),
    forged: () => ({}),
    probe: "{}",
  },
];

async function post(path: string, body: string | Buffer, headers: Headers) {
  const res = await fetch(`${t.url}${path}`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, text, json };
}

/** The endpoint is in this build (not the app's catch-all 404). */
async function exists(e: JsonEndpoint): Promise<boolean> {
  const body = Buffer.from(e.probe);
  const res = await post(e.path, body, { "content-type": "application/json", ...e.auth(body) });
  return !(res.status === 404 && res.json?.reason === "no such route");
}

const big = (bytes: number) => Buffer.from(JSON.stringify({ alerts: [], name: "x".repeat(bytes) }));
const deep = (levels: number) => "[".repeat(levels) + "]".repeat(levels);

describe.each(endpoints)("$name", (e) => {
  const hostile: { case: string; body: () => Buffer; headers?: Headers; expect: (status: number) => void }[] = [
    { case: "an oversized body (6 MB)", body: () => big(6 * 1024 * 1024), expect: (s) => expect(s).toBe(413) },
    {
      case: "malformed JSON",
      body: () => Buffer.from('{"alerts": [{"type": "root",'),
      expect: (s) => expect(s).toBe(400),
    },
    // Decoded with U+FFFD replacements: refused by validation (400) or, lacking credentials in the body, 401.
    {
      case: "invalid UTF-8 bytes",
      body: () => Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d]),
      expect: (s) => expect([400, 401]).toContain(s),
    },
    {
      case: "a JSON string instead of an object",
      body: () => Buffer.from('"just a string"'),
      expect: (s) => expect(s).toBe(400),
    },
    {
      case: "JSON nested 5,000 levels deep",
      body: () => Buffer.from(deep(5000)),
      expect: (s) => expect(s).toBeGreaterThanOrEqual(400),
    },
    {
      case: "a prototype-pollution object",
      body: () =>
        Buffer.from(
          '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "enrollmentSecret": {"toString": 1}}',
        ),
      expect: (s) => expect(s).toBeGreaterThanOrEqual(400),
    },
    {
      // JSON may escape a lone UTF-16 surrogate; PostgreSQL refuses it in json columns.
      case: "lone surrogate escapes in keys and values",
      body: () =>
        Buffer.from(
          '{"alerts": [{"type": "root", "device": {"id": "\\ud800"}, "details": {"\\udc00": "\\ud800"}}], "name": "\\ud800", "answers": {"\\ud800": "\\udfff"}, "topic": "\\ud800"}',
        ),
      // Refused (400/401), or a 200 where the contract says so: alerts list rejected items, NanoMDM's unknown topics are acked.
      expect: (s) => expect([200, 400, 401]).toContain(s),
    },
    {
      case: "a gzip header over a body that is not gzip",
      body: () => Buffer.from("not gzip at all"),
      headers: { "content-encoding": "gzip" },
      expect: (s) => expect(s).toBe(400),
    },
    {
      case: "an unsupported content encoding",
      body: () => Buffer.from("{}"),
      headers: { "content-encoding": "x-evil" },
      expect: (s) => expect(s).toBe(415),
    },
    {
      case: "a text/plain body",
      body: () => Buffer.from('{"alerts": []}'),
      headers: { "content-type": "text/plain" },
      expect: (s) => expect(s).toBeGreaterThanOrEqual(400),
    },
    {
      case: "an XML body",
      body: () => Buffer.from("<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>"),
      headers: { "content-type": "application/xml" },
      expect: (s) => expect(s).toBeGreaterThanOrEqual(400),
    },
  ];

  it.for(hostile)("answers $case with a clear 4xx and changes nothing", async (h, ctx) => {
    if (!(await exists(e))) return ctx.skip();
    const before = await tableCounts(t);
    const body = h.body();
    const res = await post(e.path, body, { "content-type": "application/json", ...e.auth(body), ...h.headers });
    expect(res.status, res.text.slice(0, 200)).toBeLessThan(500);
    // A check-in ignores its body: a bad one may still be a 200, but never a 5xx or a change.
    if (!(e.bodyOptional && res.status === 200)) h.expect(res.status);
    if (res.status >= 400 && res.json) expect(res.json).toHaveProperty("error");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expectUnharmed(t, before, { auditAllowed: res.status === 200 });
  });

  it("refuses forged or missing credentials with 401 and changes nothing", async (ctx) => {
    if (!(await exists(e))) return ctx.skip();
    if (e.path === "/agent/v1/enroll") {
      const before = await tableCounts(t);
      const res = await post(
        e.path,
        JSON.stringify({ enrollmentSecret: `${ENROLLMENT_SECRET}x`, platform: "ios", name: "forged" }),
        { "content-type": "application/json" },
      );
      expect(res.status).toBe(401);
      return expectUnharmed(t, before);
    }
    const before = await tableCounts(t);
    const body = Buffer.from(e.probe);
    for (const headers of [e.forged(body), {}]) {
      const res = await post(e.forgedPath ?? e.path, body, { "content-type": "application/json", ...headers });
      expect(res.status).toBe(401);
    }
    await expectUnharmed(t, before);
  });
});

describe("POST /webhooks/google-form timestamps", () => {
  it("refuses a correctly signed delivery older than five minutes, or from the future", async (ctx) => {
    const e = endpoints.find((x) => x.path === "/webhooks/google-form")!;
    if (!(await exists(e))) return ctx.skip();
    const before = await tableCounts(t);
    const body = Buffer.from(
      JSON.stringify({ responseId: "stale-1", formId: "f", submittedAt: new Date().toISOString(), answers: {} }),
    );
    for (const ts of [appNow() - 6 * 60, appNow() + 6 * 60, Number.NaN]) {
      const res = await post(e.path, body, { "content-type": "application/json", ...formWebhookHeaders(body, ts) });
      expect(res.status).toBe(401);
    }
    await expectUnharmed(t, before);
  });
});

describe("POST /slack/events", () => {
  const challenge = JSON.stringify({ type: "url_verification", challenge: "c", token: "x" });
  const signed = (body: string, contentType: string, extra: Headers = {}) => {
    const ts = now();
    return post("/slack/events", body, {
      "content-type": contentType,
      "x-slack-request-timestamp": String(ts),
      "x-slack-signature": sign("test-signing-secret", ts, body),
      ...extra,
    });
  };

  it.each([
    [
      "a forged signature",
      () =>
        post("/slack/events", challenge, {
          "content-type": "application/json",
          "x-slack-request-timestamp": String(now()),
          "x-slack-signature": sign("wrong", now(), challenge),
        }),
      401,
    ],
    ["no signature at all", () => post("/slack/events", challenge, { "content-type": "application/json" }), 401],
    [
      "a stale timestamp",
      () =>
        post("/slack/events", challenge, {
          "content-type": "application/json",
          "x-slack-request-timestamp": String(now() - 600),
          "x-slack-signature": sign("test-signing-secret", now() - 600, challenge),
        }),
      401,
    ],
    [
      "a timestamp that is not a number",
      () =>
        post("/slack/events", challenge, {
          "content-type": "application/json",
          "x-slack-request-timestamp": "soon",
          "x-slack-signature": sign("test-signing-secret", 0, challenge),
        }),
      401,
    ],
    [
      "a signed oversized body (300 kB)",
      () =>
        signed(
          JSON.stringify({ type: "event_callback", event: { type: "x", text: "y".repeat(300 * 1024) } }),
          "application/json",
        ),
      413,
    ],
    ["signed malformed JSON", () => signed('{"type": "event_callback", "event": {', "application/json"), 400],
    [
      "a signed payload field that is not JSON",
      () => signed("payload=%7Bnot-json", "application/x-www-form-urlencoded"),
      400,
    ],
    [
      "signed broken percent-encoding",
      () => signed("payload=%E0%A4%A&command=%ZZ", "application/x-www-form-urlencoded"),
      400,
    ],
  ] as const)("answers %s with a 4xx, no crash, no change", async (_name, send, status) => {
    const before = await tableCounts(t);
    const res = await send();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.status).toBe(status);
    await expectUnharmed(t, before);
  });
});

describe("the report form (POST /report)", () => {
  const formPost = (body: string, headers: Headers = {}) =>
    post("/report", body, { "content-type": "application/x-www-form-urlencoded", ...headers });

  it("refuses a submission without its anti-forgery token (cross-site post) with 403", async () => {
    const before = await tableCounts(t);
    const res = await formPost(new URLSearchParams(validReport()).toString());
    expect(res.status).toBe(403);
    await expectUnharmed(t, before);
  });

  it.each([
    ["an oversized body (64 kB)", (s: { csrf: string }) => `_csrf=${s.csrf}&device=${"x".repeat(64 * 1024)}`, {}, 413],
    [
      "too many fields",
      (s: { csrf: string }) => `_csrf=${s.csrf}&` + Array.from({ length: 200 }, (_, i) => `f${i}=1`).join("&"),
      {},
      413,
    ],
    ["broken percent-encoding", (s: { csrf: string }) => `_csrf=${s.csrf}&device=%E0%A4%A&location=%ZZ`, {}, 400],
    [
      "a JSON body",
      (s: { csrf: string }) => JSON.stringify({ _csrf: s.csrf, ...validReport() }),
      { "content-type": "application/json" },
      403,
    ],
    [
      "every field twice",
      (s: { csrf: string }) =>
        `_csrf=${s.csrf}&` +
        new URLSearchParams([...Object.entries(validReport()), ...Object.entries(validReport())]).toString(),
      {},
      400,
    ],
    [
      "fields far over their length limits",
      (s: { csrf: string }) =>
        `_csrf=${s.csrf}&` +
        new URLSearchParams(
          validReport({ reporterName: "n".repeat(2000), device: "d".repeat(2000), location: "l".repeat(5000) }),
        ).toString(),
      {},
      400,
    ],
    [
      "an e-mail address with a header injection",
      (s: { csrf: string }) =>
        `_csrf=${s.csrf}&` +
        new URLSearchParams(validReport({ reporterEmail: "a@example.com\r\nBcc: all@example.com" })).toString(),
      {},
      400,
    ],
    [
      "an unknown circumstance",
      (s: { csrf: string }) =>
        `_csrf=${s.csrf}&` + new URLSearchParams(validReport({ circumstances: "<script>" })).toString(),
      {},
      400,
    ],
    [
      "a wrong charset",
      (s: { csrf: string }) => `_csrf=${s.csrf}&device=x`,
      { "content-type": "application/x-www-form-urlencoded; charset=utf-7" },
      415,
    ],
  ] as const)("answers %s with a clear 4xx page and changes nothing", async (_name, body, headers, status) => {
    const s = await openForm(t);
    const before = await tableCounts(t);
    const res = await formPost(body(s), { cookie: s.cookie, ...headers });
    expect(res.status).toBe(status);
    expect(res.text).not.toMatch(/at .+\.(ts|js):\d+/); // no stack trace
    await expectUnharmed(t, before);
  });
});

describe("the status page (GET /report/status/:token)", () => {
  it.each([
    ["a random token", "A".repeat(43)],
    ["a very long token", "x".repeat(8000)],
    ["a path traversal", "..%2F..%2Fetc%2Fpasswd"],
    ["a NUL byte", "abc%00def"],
    ["broken percent-encoding", "%E0%A4%A"],
    ["an HTML injection", encodeURIComponent("<script>alert(1)</script>")],
    ["unicode", encodeURIComponent("\u202E📱\u200B")],
  ])("answers %s with a 4xx page and no echo of the input", async (_name, token) => {
    const before = await tableCounts(t);
    const res = await fetch(`${t.url}/report/status/${token}`);
    const html = await res.text();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(html).not.toContain("<script>alert");
    await expectUnharmed(t, before);
  });
});

it("the process is still serving after everything above", async () => {
  expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  expect((await openForm(t)).status).toBe(200);
  // A valid report still goes through (nothing above left the app in a bad state).
  const s = await openForm(t);
  expect((await submitForm(t, s, validReport())).status).toBe(200);
});
