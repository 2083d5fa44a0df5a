// NUL (U+0000) and lone UTF-16 surrogates in every field of every endpoint. PostgreSQL stores
// neither, so each once turned a request into a 500 (and lost a whole alert batch). Now a
// machine gets a 400 naming the field, a person's free text keeps everything but the character,
// and in an alert batch only the bad items are refused.
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
import { aDevice, aPerson } from "../support/builders.js";
import { openForm, submitForm, validReport } from "../reports/portal.js";
import { until } from "../support/until.js";
import { tableCounts } from "./support.js";
import { sequence } from "../support/sequence.js";

const unique = sequence();

const NANOMDM_KEY = "nanomdm-hmac-key-for-tests";
const PUBSUB_TOKEN = "android-pubsub-token-for-tests";
// Escaped in the JSON text, exactly as a sender's serializer writes them.
const NUL = "\\u0000";
const LONE = "\\ud800";

let t: TestApp;
let deviceToken = "";
beforeAll(async () => {
  t = await startTestApp({
    env: { REPORT_RATE_LIMIT: "10000", NANOMDM_WEBHOOK_HMAC_KEY: NANOMDM_KEY, ANDROID_PUBSUB_TOKEN: PUBSUB_TOKEN },
  });
  const res = await postJson(`${t.url}/agent/v1/enroll`, {
    enrollmentSecret: ENROLLMENT_SECRET,
    platform: "ios",
    name: "Bad bytes iPhone",
    serial: "BADBYTES1",
  });
  deviceToken = res.json.token;
});
afterAll(() => t.close());

const json = (o: Record<string, unknown>, bad: Record<string, string>) => {
  // Inserts raw escapes into the serialized JSON: "@@NAME@@" placeholders become the escape text.
  let s = JSON.stringify(o);
  for (const [k, v] of Object.entries(bad)) s = s.replace(`@@${k}@@`, v);
  return s;
};

describe.each([
  ["a NUL character", NUL, /NUL character \(U\+0000\)/],
  ["a lone surrogate", LONE, /lone UTF-16 surrogate \(U\+D800\)/],
])("%s", (_name, bad, reason) => {
  it("in an agent enrolment field: 400 naming the field, nothing stored", async () => {
    const before = await tableCounts(t);
    for (const field of ["name", "serial", "model"]) {
      const body = json(
        {
          enrollmentSecret: ENROLLMENT_SECRET,
          platform: "ios",
          name: "n",
          serial: "S-NEW",
          model: "m",
          [field]: `x@@B@@y`,
        },
        { B: bad },
      );
      const res = await postJson(`${t.url}/agent/v1/enroll`, body);
      expect(res.status, res.text).toBe(400);
      expect(res.json).toMatchObject({ error: "invalid_input", field });
      expect(res.json.reason).toMatch(new RegExp(`^${field}: `));
      expect(res.json.reason).toMatch(reason);
    }
    expect(await tableCounts(t)).toEqual(before);
  });

  it("in a command result: 400 naming the field", async () => {
    const body = json({ status: "Error", error: "boom@@B@@", result: { ["k@@K@@"]: 1 } }, { B: bad, K: bad });
    const res = await postJson(`${t.url}/agent/v1/commands/00000000-0000-0000-0000-000000000000/result`, body, {
      authorization: `Bearer ${deviceToken}`,
    });
    expect(res.status, res.text).toBe(400);
    expect(res.json.field).toBe("error");
  });

  it("in an alert batch: an item whose type or device has it is rejected with its index, the others are stored; details keep the rest", async () => {
    const device = await aDevice(t.db.prisma, { serial: `ALERT-${unique()}`, platform: "ANDROID" });
    const before = await t.db.prisma.alert.count();
    const body = json(
      {
        alerts: [
          { type: "root", device: { id: device.id }, details: { note: "fine" } },
          { type: "tampering", device: { id: device.id }, details: { note: "a@@B@@b" } },
          { type: "virus", device: { id: "@@D@@" } },
          { type: "jailbreak", device: { id: device.id } },
          { type: "geofence@@T@@", device: { id: device.id } },
        ],
      },
      { B: bad, D: bad, T: bad },
    );
    const res = await postJson(`${t.url}/api/alerts`, body, { authorization: `Bearer ${ALERTS_TOKEN}` });
    expect(res.status, res.text).toBe(200);
    expect(res.json.accepted).toBe(3);
    expect(res.json.rejected).toEqual([
      { index: 2, reason: expect.stringMatching(/^device\.id: /) },
      { index: 4, reason: expect.stringMatching(/^type: /) },
    ]);
    expect(res.json.rejected[0].reason).toMatch(reason);
    expect(await t.db.prisma.alert.count()).toBe(before + 3);
    const tampering = await t.db.prisma.alert.findFirstOrThrow({ where: { deviceId: device.id, type: "tampering" } });
    expect(tampering.details).toMatchObject({ note: "ab" });
  });

  it("in a Google Form answer: the character is dropped, the report is filed with the rest", async () => {
    const id = `resp-${bad.length}-${unique()}`;
    const body = json(
      {
        responseId: id,
        formId: "form-123",
        respondentEmail: "jiro.suzuki@example.co.jp",
        submittedAt: "2026-11-20T00:55:00Z",
        answers: {
          氏名: "鈴木@@B@@ 次郎",
          紛失したデバイス: "Pixel@@C@@ 8",
          紛失した場所: "渋谷駅",
          連絡先電話番号: "080-9876-5432",
          ["状況@@K@@"]: "盗難",
        },
      },
      { B: bad, C: bad, K: bad },
    );
    const res = await postJson(
      `${t.url}/webhooks/google-form`,
      body,
      formWebhookHeaders(body, Math.floor(t.clock.now().getTime() / 1000)),
    );
    expect(res.status, res.text).toBe(202);
    const report = await t.db.prisma.lossReport.findFirstOrThrow({ where: { reference: res.json.reference } });
    expect(report.reporterName).toBe("鈴木 次郎");
    expect(report.deviceDescription).toBe("Pixel 8");
    expect(report.circumstances).toBe("STOLEN");
  });

  it("in the Google Form envelope: 400 naming the field", async () => {
    const body = json({ responseId: "r@@B@@", answers: {} }, { B: bad });
    const res = await postJson(
      `${t.url}/webhooks/google-form`,
      body,
      formWebhookHeaders(body, Math.floor(t.clock.now().getTime() / 1000)),
    );
    expect(res.status, res.text).toBe(400);
    expect(res.json.reason).toMatch(/^responseId: /);
  });

  it("in a NanoMDM webhook: 400 naming the field", async () => {
    const body = json({ topic: "mdm.Authenticate", checkin_event: { udid: "U@@B@@", raw_payload: "" } }, { B: bad });
    const res = await postJson(`${t.url}/webhooks/nanomdm`, body, {
      "x-hmac-signature": createHmac("sha256", NANOMDM_KEY).update(body).digest("base64"),
    });
    expect(res.status, res.text).toBe(400);
    expect(res.json.field).toBe("checkin_event.udid");
  });

  it("in an Android Pub/Sub message: acked (Pub/Sub would redeliver a refusal forever) and not stored", async () => {
    const before = await tableCounts(t);
    const inner = json({ name: "enterprises/e/devices/d@@B@@", hardwareInfo: { serialNumber: "S@@B@@" } }, { B: bad });
    const res = await postJson(`${t.url}/webhooks/android-pubsub?token=${PUBSUB_TOKEN}`, {
      message: { data: Buffer.from(inner).toString("base64"), attributes: { notificationType: "ENROLLMENT" } },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.ignored).toMatch(/^data\.name: /);
    expect(await tableCounts(t)).toEqual(before);
  });

  it("in a /lost modal from Slack: the character is dropped, the report is filed with the rest", async () => {
    const tag = bad === NUL ? "nul" : "sur";
    const user = `UBAD${tag}`;
    const email = `kenta.bad.${tag}@example.co.jp`;
    await aPerson(t.db.prisma, { email, name: "Kenta Bad", slackUserId: user });
    const raw = bad === NUL ? "\u0000" : "\ud800";
    const res = await t.requests.viewSubmission({
      user,
      callbackId: "lost_report",
      values: {
        email: { value: email },
        name: { value: `Kenta${raw} Bad` },
        device_text: { value: `grey${raw} phone` },
        lost_at: { value: "2026-11-20 09:00" },
        location: { value: `Haneda${raw} airport` },
        circumstances: { value: { selected: "stolen" } },
        phone: { value: "+81 80 1111 2222" },
        consent: { value: { selectedOptions: ["on"] } },
      },
    });
    expect(res.status).toBe(200);
    // The listener files the report after acking.
    const report = await until(
      () => t.db.prisma.lossReport.findFirst({ where: { reporterEmail: email } }),
      "the report",
    );
    expect(report.location).toBe("Haneda airport");
    expect(report.deviceDescription).toBe("grey phone");
  });
});

describe("a NUL character", () => {
  it("typed into the web form: dropped, the rest kept, the report filed", async () => {
    const s = await openForm(t);
    const res = await submitForm(
      t,
      s,
      validReport({
        device: "iPhone\u0000 15 Pro",
        location: "Shinjuku\u0000 station",
        reporterName: "Hanako\u0000 Sato",
      }),
    );
    expect(res.status, res.html.slice(0, 300)).toBe(200);
    const report = await t.db.prisma.lossReport.findFirstOrThrow({ where: { deviceDescription: "iPhone 15 Pro" } });
    expect(report).toMatchObject({ location: "Shinjuku station", reporterName: "Hanako Sato" });
  });

  it("in a URL (path or query): 400, never a lookup", async () => {
    for (const path of ["/agent/v1/commands/abc%00/result", "/report/status/abc%00def", "/report?lang=%00"]) {
      const res = await fetch(`${t.url}${path}`, {
        method: path.includes("commands") ? "POST" : "GET",
        headers: { authorization: `Bearer ${deviceToken}`, "content-type": "application/json" },
        body: path.includes("commands") ? '{"status":"Acknowledged"}' : undefined,
      });
      expect(res.status, path).toBe(400);
    }
  });

  it("leaves the app serving", async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });
});
