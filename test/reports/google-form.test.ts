import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { google } from "googleapis";
import { googleFormJobs } from "../../src/jobs/google-form.js";
import { formWebhookHeaders, postJson, startTestApp, type TestApp } from "../support/harness.js";
import { aDevice, aPerson } from "../support/builders.js";
import { FakeGoogleForms } from "./fake-google-forms.js";
import { buttonsByBlock, incidents, messageText } from "./portal.js";

const signed = (t: TestApp, body: string, opts: { secret?: string; timestamp?: number } = {}) =>
  formWebhookHeaders(body, opts.timestamp ?? Math.floor(t.clock.now().getTime() / 1000), opts.secret);

const response = (over: Record<string, unknown> = {}) => ({
  responseId: "ACYDBNj-resp-1",
  formId: "form-123",
  respondentEmail: "jiro.suzuki@example.co.jp",
  submittedAt: "2026-11-20T00:55:00Z",
  answers: {
    "氏名": "鈴木 次郎",
    "紛失したデバイス": "Pixel 8",
    "紛失した日時": "2026-11-20 08:10",
    "紛失した場所": "渋谷駅",
    "状況": "盗難",
    "連絡先電話番号": "080-9876-5432",
    "紛失モードへの同意": "同意する",
  },
  ...over,
});

describe("the Google Form webhook", () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());
  const url = () => `${t.url}/webhooks/google-form`;

  it("accepts a signed response: one report, mapped by question title, one admin message", async () => {
    const owner = await aPerson(t.db.prisma, { email: "jiro.suzuki@example.co.jp", name: "鈴木 次郎" });
    const pixel = await aDevice(t.db.prisma, { ownerId: owner.id, platform: "ANDROID", name: "Jiro's Pixel", model: "Pixel 8" });
    t.slack.reset();
    const body = JSON.stringify(response());
    const res = await postJson(url(), body, signed(t, body));
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ status: "accepted", reference: expect.stringMatching(/^LR-2026-\d{4}$/) });
    const report = await t.db.prisma.lossReport.findUniqueOrThrow({ where: { reference: res.json.reference }, include: { devices: true } });
    expect(report).toMatchObject({
      channel: "GOOGLE_FORM", externalId: "ACYDBNj-resp-1", reporterId: owner.id, reporterVerified: true, reporterName: "鈴木 次郎",
      location: "渋谷駅", circumstances: "STOLEN", contactPhone: "080-9876-5432", consentLostMode: true, locale: "ja",
    });
    expect(report.lostAt?.toISOString()).toBe("2026-11-19T23:10:00.000Z");
    expect(report.devices.map((d) => d.deviceId)).toEqual([pixel.id]);
    await t.flush();
    const posted = incidents(t).filter((p) => p.text.includes(res.json.reference));
    expect(posted).toHaveLength(1);
    expect(buttonsByBlock(posted[0]!)[`device:${pixel.id}`]).toEqual(["lost_mode_enable", "device_lock", "device_wipe", "report_found", "report_dismiss"]);
    expect(messageText(posted[0]!)).toContain("Google Form");
  });

  it("answers the same responseId again with 200 and creates nothing", async () => {
    const before = await t.db.prisma.lossReport.count();
    const body = JSON.stringify(response());
    const res = await postJson(url(), body, signed(t, body));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "duplicate" });
    expect(await t.db.prisma.lossReport.count()).toBe(before);
  });

  it("rejects a wrong signature, a missing one, and a stale timestamp with 401", async () => {
    const body = JSON.stringify(response({ responseId: "resp-forged" }));
    expect((await postJson(url(), body, signed(t, body, { secret: "not-the-secret" }))).status).toBe(401);
    expect((await postJson(url(), body)).status).toBe(401);
    const tampered = JSON.stringify(response({ responseId: "resp-tampered" }));
    expect((await postJson(url(), tampered, signed(t, body))).status).toBe(401);
    const old = Math.floor(t.clock.now().getTime() / 1000) - 6 * 60;
    const stale = await postJson(url(), body, signed(t, body, { timestamp: old }));
    expect(stale.status).toBe(401);
    expect(stale.json.reason).toMatch(/5 minutes/);
    expect(await t.db.prisma.lossReport.count({ where: { externalId: { in: ["resp-forged", "resp-tampered"] } } })).toBe(0);
  });

  it("answers malformed bodies with 400 and a reason", async () => {
    for (const body of ["{not json", JSON.stringify({ answers: {} }), JSON.stringify({ responseId: "r", answers: "x" })]) {
      const res = await postJson(url(), body, signed(t, body));
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ error: "bad_request", reason: expect.any(String) });
    }
  });

  it("keeps a response from someone not in the directory, flagged unverified, with a device picker", async () => {
    t.slack.reset();
    await aDevice(t.db.prisma, { name: "Spare iPad", platform: "IPADOS" });
    const body = JSON.stringify(response({ responseId: "resp-stranger", respondentEmail: "", answers: { "Email": "visitor@example.com", "Which device?": "a black phone", "What happened?": "Left it on the train" } }));
    const res = await postJson(url(), body, signed(t, body));
    expect(res.status).toBe(202);
    const report = await t.db.prisma.lossReport.findUniqueOrThrow({ where: { reference: res.json.reference } });
    expect(report).toMatchObject({ reporterVerified: false, reporterId: null, reporterEmail: "visitor@example.com", circumstances: "LEFT_BEHIND" });
    await t.flush();
    const msg = incidents(t).find((p) => p.text.includes(res.json.reference))!;
    expect(messageText(msg)).toContain("unverified");
    expect(buttonsByBlock(msg).report).toEqual(["report_pick_device", "report_found", "report_dismiss"]);
  });
});

describe("the Google Form poller", () => {
  const formId = "form-poll-1";
  let fake: FakeGoogleForms;
  beforeAll(async () => {
    fake = await new FakeGoogleForms(formId, [
      { questionId: "q1", title: "Your name" },
      { questionId: "q2", title: "Which device?" },
      { questionId: "q3", title: "Where?" },
      { questionId: "q4", title: "What happened?" },
      { questionId: "q5", title: "Handset colour" },
    ]).start();
  });
  afterAll(() => fake.stop());

  const auth = () => {
    const client = new google.auth.OAuth2();
    client.setCredentials({ access_token: "test-access-token", expiry_date: Date.now() + 3_600_000 });
    return client;
  };
  const env = () => ({ GOOGLE_FORM_ID: formId, GOOGLE_API_URL: fake.url });
  const answers = (name: string) => ({ q1: name, q2: "iPhone 14", q3: "Osaka office", q4: "Lost", q5: "blue" });

  it("imports each response exactly once, across a restart on the same database", async () => {
    fake.responses = [
      { responseId: "p-1", lastSubmittedTime: "2026-11-20T00:10:00.123Z", respondentEmail: "a@example.co.jp", answers: answers("A") },
      { responseId: "p-2", lastSubmittedTime: "2026-11-20T00:20:00Z", respondentEmail: "b@example.co.jp", answers: answers("B") },
      { responseId: "p-3", lastSubmittedTime: "2026-11-20T00:30:00Z", respondentEmail: "c@example.co.jp", answers: answers("C") },
    ];
    const first = await startTestApp({ env: env() });
    const [job] = googleFormJobs(first.app, { auth: auth() });
    expect(job!.name).toBe("google-form-poll");
    expect(await job!.run(first.clock.now())).toEqual({ imported: 3, seen: 3 });
    const report = await first.db.prisma.lossReport.findFirstOrThrow({ where: { externalId: "p-1" } });
    expect(report).toMatchObject({ channel: "GOOGLE_FORM", reporterName: "A", location: "Osaka office", deviceDescription: "iPhone 14 / Handset colour: blue" });
    await first.flush();
    expect(incidents(first)).toHaveLength(3);
    await first.app.stop();

    // A restart: a new app on the same database. One new response arrived meanwhile.
    fake.responses.push({ responseId: "p-4", lastSubmittedTime: "2026-11-20T00:40:00Z", answers: answers("D") });
    fake.requests.length = 0;
    const second = await startTestApp({ db: first.db, env: env(), slack: first.slack });
    const [job2] = googleFormJobs(second.app, { auth: auth() });
    expect(await job2!.run(second.clock.now())).toEqual({ imported: 1, seen: 2 });
    const list = fake.requests.find((r) => r.path.endsWith("/responses"))!;
    expect(list.query.get("filter")).toBe("timestamp >= 2026-11-20T00:30:00Z");
    // Nothing new: nothing imported, nothing posted twice.
    expect(await job2!.run(second.clock.now())).toEqual({ imported: 0, seen: 1 });
    expect(await second.db.prisma.lossReport.count({ where: { channel: "GOOGLE_FORM" } })).toBe(4);
    await second.flush();
    expect(incidents(second).length).toBe(4);
    await second.close();
    await first.close();
  });

  it("is off without a form id or credentials", async () => {
    const t = await startTestApp();
    try {
      expect(googleFormJobs(t.app)).toEqual([]);
      expect(t.app.jobs.map((j) => j.name)).not.toContain("google-form-poll");
    } finally {
      await t.close();
    }
  });
});
