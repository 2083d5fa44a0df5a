// The plain check-in is answered by node:http ahead of express (src/web/check-in-fast-path.ts);
// the same request sent in chunks goes through express's agent route instead. A device must not
// be able to tell which one answered: same status, same body, same headers, for ordinary
// check-ins and for every odd body an agent or a stranger might send.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, startTestApp, type TestApp } from "../support/harness.js";
import { enroll } from "./support.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: unknown;
}

/** One check-in on a fresh connection, its body declared by length or sent as chunks. */
function send(body: Buffer | string, headers: Record<string, string>, framing: "length" | "chunked"): Promise<Answer> {
  const data = Buffer.from(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${t.url}/agent/v1/checkin`,
      {
        method: "POST",
        agent: false,
        headers: {
          "content-type": "application/json",
          ...(framing === "length" ? { "content-length": String(data.length) } : { "transfer-encoding": "chunked" }),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            json: JSON.parse(Buffer.concat(chunks).toString("utf8")),
          }),
        );
      },
    );
    req.on("error", reject);
    if (framing === "chunked" && data.length > 1) req.write(data.subarray(0, 1));
    req.end(framing === "chunked" && data.length > 1 ? data.subarray(1) : data);
  });
}

const SAME_HEADERS = [
  "content-type",
  "retry-after",
  "content-security-policy",
  "x-content-type-options",
  "x-frame-options",
  "referrer-policy",
  "cross-origin-opener-policy",
  "permissions-policy",
];
const pick = (a: Answer) => ({
  status: a.status,
  json: a.json,
  headers: Object.fromEntries(SAME_HEADERS.map((h) => [h, a.headers[h]])),
});

async function bothWays(body: Buffer | string, headers: Record<string, string> = {}) {
  const fast = await send(body, headers, "length");
  const viaExpress = await send(body, headers, "chunked");
  // express tags its answers with an ETag and the fast path does not: each answer came the way it should.
  expect(fast.headers.etag).toBeUndefined();
  expect(viaExpress.headers.etag).toBeDefined();
  expect(pick(fast)).toEqual(pick(viaExpress));
  return pick(fast);
}

describe("the check-in's fast path", () => {
  it("hands the same commands, with the same headers, as the express route", async () => {
    const d = await enroll(t);
    const admin = await t.app.core.actors.fromSlack(ADMIN_1);
    const lock = await t.app.core.commands.request(admin, { deviceId: d.deviceId, type: "DEVICE_LOCK" });
    const auth = { authorization: `Bearer ${d.token}` };
    const answer = await bothWays("{}", auth);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ commands: [{ id: lock.uuid, type: "DeviceLock", params: expect.any(Object) }] });
    expect(answer.headers["content-security-policy"]).toContain("default-src 'self'");
    // A report with the device's apps is read the same way too.
    expect((await bothWays(JSON.stringify({ installedApps: [] }), auth)).status).toBe(200);
  });

  it("reads odd bodies exactly as express.json does", async () => {
    const { token } = await enroll(t);
    const auth = { authorization: `Bearer ${token}` };
    expect((await bothWays("", auth)).status).toBe(200);
    expect((await bothWays("[]", auth)).status).toBe(200);
    expect((await bothWays(" \r\n{}\t", auth)).status).toBe(200);
    expect((await bothWays("\uFEFF{}", auth)).status).toBe(200);
    expect((await bothWays(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]), auth)).status).toBe(200);
    for (const bad of ["   ", "{not json", '"a string"', "42", "null", "\u3000{}"]) {
      const answer = await bothWays(bad, auth);
      expect(answer).toMatchObject({
        status: 400,
        json: { error: "bad_request", reason: expect.stringContaining("malformed") },
      });
    }
  });

  it("refuses a missing, unknown or malformed token the same way", async () => {
    expect(await bothWays("{}")).toMatchObject({ status: 401, json: { reasonCode: "agent.token_missing" } });
    expect(await bothWays("{}", { authorization: "Bearer not-a-device" })).toMatchObject({
      status: 401,
      json: { reasonCode: "agent.token_unknown" },
    });
    expect(await bothWays("{}", { authorization: "Basic dXNlcjpwYXNz" })).toMatchObject({
      status: 401,
      json: { reasonCode: "agent.token_missing" },
    });
  });

  it("leaves to express what it does not read itself: other charsets, encodings, and bodies over the limit", async () => {
    const { token } = await enroll(t);
    const auth = { authorization: `Bearer ${token}` };
    const latin1 = await send("{}", { ...auth, "content-type": "application/json; charset=latin1" }, "length");
    expect(latin1).toMatchObject({ status: 415, json: { reason: "unsupported charset" } });
    const gzip = await send("{}", { ...auth, "content-encoding": "br-unknown" }, "length");
    expect(gzip).toMatchObject({ status: 415, json: { reason: "unsupported content encoding" } });
    const huge = await send(JSON.stringify({ installedApps: ["x".repeat(20_000)] }), auth, "length");
    expect(huge).toMatchObject({ status: 413, json: { reason: "request body too large" } });
    // Not JSON at all: express reads no body, and the check-in is taken as an empty report.
    const text = await send("hello", { ...auth, "content-type": "text/plain" }, "length");
    expect(text).toMatchObject({ status: 200, json: { commands: [] } });
  });
});
