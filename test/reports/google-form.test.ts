import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { google } from "googleapis";
import { loadConfig } from "../../src/config.js";
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
    氏名: "鈴木 次郎",
    紛失したデバイス: "Pixel 8",
    紛失した日時: "2026-11-20 08:10",
    紛失した場所: "渋谷駅",
    状況: "盗難",
    連絡先電話番号: "080-9876-5432",
    紛失モードへの同意: "同意する",
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
    const pixel = await aDevice(t.db.prisma, {
      ownerId: owner.id,
      platform: "ANDROID",
      name: "Jiro's Pixel",
      model: "Pixel 8",
    });
    t.slack.reset();
    const body = JSON.stringify(response());
    const res = await postJson(url(), body, signed(t, body));
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ status: "accepted", reference: expect.stringMatching(/^LR-2026-\d{4}$/) });
    const report = await t.db.prisma.lossReport.findUniqueOrThrow({
      where: { reference: res.json.reference },
      include: { devices: true },
    });
    expect(report).toMatchObject({
      channel: "GOOGLE_FORM",
      externalId: "ACYDBNj-resp-1",
      reporterId: owner.id,
      reporterVerified: true,
      reporterName: "鈴木 次郎",
      location: "渋谷駅",
      circumstances: "STOLEN",
      contactPhone: "080-9876-5432",
      consentLostMode: true,
      locale: "ja",
    });
    expect(report.lostAt?.toISOString()).toBe("2026-11-19T23:10:00.000Z");
    expect(report.devices.map((d) => d.deviceId)).toEqual([pixel.id]);
    await t.flush();
    const posted = incidents(t).filter((p) => p.text.includes(res.json.reference));
    expect(posted).toHaveLength(1);
    expect(buttonsByBlock(posted[0]!)[`device:${pixel.id}`]).toEqual([
      "lost_mode_enable",
      "device_lock",
      "device_wipe",
      "report_found",
      "report_dismiss",
    ]);
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

  it("adds an edited response (same responseId, submitted later) to its report; an older retry changes nothing", async () => {
    const first = JSON.stringify(response({ responseId: "2_ABaOnud-edit-1", submittedAt: "2026-11-20T00:55:00Z" }));
    const created = await postJson(url(), first, signed(t, first));
    expect(created.status).toBe(202);
    await t.flush();
    t.slack.reset();
    const edited = response({ responseId: "2_ABaOnud-edit-1", submittedAt: "2026-11-20T01:05:00Z" });
    (edited.answers as Record<string, string>)["紛失した場所"] = "新宿駅 南口";
    (edited.answers as Record<string, string>)["連絡先電話番号"] = "03-1111-2222";
    const body = JSON.stringify(edited);
    const res = await postJson(url(), body, signed(t, body));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      status: "edited",
      reference: created.json.reference,
      changed: ["location", "contactPhone"],
    });
    const report = await t.db.prisma.lossReport.findUniqueOrThrow({ where: { reference: created.json.reference } });
    expect(report).toMatchObject({ location: "新宿駅 南口", contactPhone: "03-1111-2222" });
    await t.flush();
    // Besides the theft/loss checklist every incident's thread starts with (issue 19).
    const thread = t.slack
      .posts()
      .filter((p) => p.thread_ts)
      .map((p) => String(p.text))
      .filter((x) => !x.includes("Theft and loss checklist") && !x.includes("盗難・紛失チェックリスト"));
    expect(thread).toHaveLength(1);
    expect(thread[0]).toMatch(/渋谷駅 → 新宿駅 南口/);
    // The script's retry of the first submission arrives late: it is not an edit back.
    const retry = await postJson(url(), first, signed(t, first));
    expect(retry.json).toMatchObject({ status: "duplicate" });
    expect(
      await t.db.prisma.lossReport.findUniqueOrThrow({ where: { reference: created.json.reference } }),
    ).toMatchObject({ location: "新宿駅 南口" });
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
    expect(
      await t.db.prisma.lossReport.count({ where: { externalId: { in: ["resp-forged", "resp-tampered"] } } }),
    ).toBe(0);
  });

  it("answers malformed bodies with 400 and a reason", async () => {
    for (const body of [
      "{not json",
      JSON.stringify({ answers: {} }),
      JSON.stringify({ responseId: "r", answers: "x" }),
    ]) {
      const res = await postJson(url(), body, signed(t, body));
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ error: "bad_request", reason: expect.any(String) });
    }
  });

  it("keeps a response from someone not in the directory, flagged unverified, with a device picker", async () => {
    t.slack.reset();
    await aDevice(t.db.prisma, { name: "Spare iPad", platform: "IPADOS" });
    const body = JSON.stringify(
      response({
        responseId: "resp-stranger",
        respondentEmail: "",
        answers: {
          Email: "visitor@example.com",
          "Which device?": "a black phone",
          "What happened?": "Left it on the train",
        },
      }),
    );
    const res = await postJson(url(), body, signed(t, body));
    expect(res.status).toBe(202);
    const report = await t.db.prisma.lossReport.findUniqueOrThrow({ where: { reference: res.json.reference } });
    expect(report).toMatchObject({
      reporterVerified: false,
      reporterId: null,
      reporterEmail: "visitor@example.com",
      circumstances: "LEFT_BEHIND",
    });
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
  const env = (over: Record<string, string> = {}) => ({
    GOOGLE_FORM_POLL: "true",
    GOOGLE_FORM_ID: formId,
    GOOGLE_API_URL: fake.url,
    GOOGLE_APPLICATION_CREDENTIALS: "/run/secrets/forms-reader.json",
    GOOGLE_FORM_WEBHOOK_SECRET: "",
    ...over,
  });
  const answers = (name: string) => ({ q1: name, q2: "iPhone 14", q3: "Osaka office", q4: "Lost", q5: "blue" });
  const pollOnce = async (t: TestApp) => googleFormJobs(t.app, { auth: auth() })[0]!.run(t.clock.now());
  const lists = () => fake.requests.filter((r) => r.path.endsWith("/responses"));

  it("starts from now: a form's earlier responses never become new incidents", async () => {
    fake.responses = [];
    fake.submit("2026-10-01T09:00:00Z", answers("last month"));
    fake.submit("2026-11-20T00:59:59.900Z", answers("just before"));
    const t = await startTestApp({ env: env() });
    try {
      fake.requests.length = 0;
      expect(await pollOnce(t)).toEqual({ imported: 0, edited: 0, seen: 0 });
      expect(lists()[0]!.query.get("filter")).toBe("timestamp >= 2026-11-20T01:00:00.000Z");
      t.clock.advance(120_000);
      const id = fake.submit("2026-11-20T01:01:30.250Z", answers("after start"));
      expect(await pollOnce(t)).toEqual({ imported: 1, edited: 0, seen: 1 });
      expect(
        await t.db.prisma.lossReport.findMany({
          where: { channel: "GOOGLE_FORM" },
          select: { externalId: true, reporterName: true },
        }),
      ).toEqual([{ externalId: id, reporterName: "after start" }]);
    } finally {
      await t.close();
    }
  });

  it("starts from GOOGLE_FORM_POLL_SINCE when set", async () => {
    fake.responses = [];
    fake.submit("2026-11-18T09:00:00Z", answers("before since"));
    const kept = fake.submit("2026-11-19T09:00:00Z", answers("after since"));
    const t = await startTestApp({ env: env({ GOOGLE_FORM_POLL_SINCE: "2026-11-19T00:00:00Z" }) });
    try {
      expect(await pollOnce(t)).toMatchObject({ imported: 1 });
      expect(
        (await t.db.prisma.lossReport.findMany({ where: { channel: "GOOGLE_FORM" } })).map((r) => r.externalId),
      ).toEqual([kept]);
    } finally {
      await t.close();
    }
  });

  it("imports each response exactly once, across pages in any order and a restart on the same database", async () => {
    fake.responses = [];
    const first = await startTestApp({ env: env({ GOOGLE_FORM_POLL_SINCE: "2026-11-20T00:00:00Z" }) });
    const [p1, p2, p3] = [
      fake.submit("2026-11-20T00:10:00.123Z", answers("A"), "a@example.co.jp"),
      fake.submit("2026-11-20T00:20:00Z", answers("B"), "b@example.co.jp"),
      fake.submit("2026-11-20T00:30:00Z", answers("C"), "c@example.co.jp"),
    ];
    const [job] = googleFormJobs(first.app, { auth: auth() });
    expect(job!.name).toBe("google-form-poll");
    expect(await job!.run(first.clock.now())).toEqual({ imported: 3, edited: 0, seen: 3 });
    const report = await first.db.prisma.lossReport.findFirstOrThrow({ where: { externalId: p1 } });
    expect(report).toMatchObject({
      channel: "GOOGLE_FORM",
      reporterName: "A",
      location: "Osaka office",
      deviceDescription: "iPhone 14 / Handset colour: blue",
    });
    await first.flush();
    expect(incidents(first)).toHaveLength(3);
    await first.app.stop();

    // A restart: a new app on the same database. One new response arrived meanwhile.
    const p4 = fake.submit("2026-11-20T00:40:00Z", answers("D"));
    fake.requests.length = 0;
    const second = await startTestApp({ db: first.db, env: env(), slack: first.slack });
    expect(await pollOnce(second)).toEqual({ imported: 1, edited: 0, seen: 2 });
    expect(lists()[0]!.query.get("filter")).toBe("timestamp >= 2026-11-20T00:30:00.000Z");
    // Nothing new: nothing imported, nothing posted twice.
    expect(await pollOnce(second)).toEqual({ imported: 0, edited: 0, seen: 1 });
    expect(
      (await second.db.prisma.lossReport.findMany({ where: { channel: "GOOGLE_FORM" } }))
        .map((r) => r.externalId)
        .sort(),
    ).toEqual([p1, p2, p3, p4].sort());
    await second.flush();
    expect(incidents(second).length).toBe(4);
    await second.close();
    await first.close();
  });

  it("moves the cursor only after the last page: a run that fails on page 2 loses nothing", async () => {
    fake.responses = [];
    const t = await startTestApp({ env: env({ GOOGLE_FORM_POLL_SINCE: "2026-11-20T00:00:00Z" }) });
    try {
      // Newest first: page 1 holds the two newest, page 2 the oldest.
      const ids = ["00:05", "00:15", "00:25"].map((m) => fake.submit(`2026-11-20T${m}:00Z`, answers(m)));
      fake.failNext(503, "2");
      await expect(pollOnce(t)).rejects.toThrow();
      fake.requests.length = 0;
      expect(await pollOnce(t)).toMatchObject({ imported: 1, seen: 3 });
      expect(lists()[0]!.query.get("filter")).toBe("timestamp >= 2026-11-20T00:00:00.000Z");
      expect(
        (await t.db.prisma.lossReport.findMany({ where: { channel: "GOOGLE_FORM" } })).map((r) => r.externalId).sort(),
      ).toEqual([...ids].sort());
    } finally {
      await t.close();
    }
  });

  it("adds an edited response to its report as an event, with what changed, instead of dropping it", async () => {
    fake.responses = [];
    const t = await startTestApp({ env: env({ GOOGLE_FORM_POLL_SINCE: "2026-11-20T00:00:00Z" }) });
    try {
      const id = fake.submit("2026-11-20T00:10:00Z", answers("Hanako"));
      await pollOnce(t);
      await t.flush();
      fake.edit(id, "2026-11-20T00:50:00Z", { q3: "Shinagawa station" });
      t.slack.reset();
      expect(await pollOnce(t)).toEqual({ imported: 0, edited: 1, seen: 1 });
      const report = await t.db.prisma.lossReport.findFirstOrThrow({
        where: { externalId: id },
        include: { events: true },
      });
      expect(report.location).toBe("Shinagawa station");
      expect(report.events.map((e) => e.note)).toContain("edited: location");
      expect(await t.db.prisma.lossReport.count({ where: { channel: "GOOGLE_FORM" } })).toBe(1);
      await t.flush();
      const thread = t.slack
        .posts()
        .filter((p) => p.thread_ts)
        .map((p) => String(p.text));
      expect(thread.some((x) => x.includes("Osaka office") && x.includes("Shinagawa station"))).toBe(true);
      // The boundary is re-read next time: the same submission is no second edit.
      expect(await pollOnce(t)).toEqual({ imported: 0, edited: 0, seen: 1 });
    } finally {
      await t.close();
    }
  });

  it("has its own switch: GOOGLE_FORM_ID alone (the webhook's check) does not start it", async () => {
    const t = await startTestApp({
      env: { GOOGLE_FORM_ID: formId, GOOGLE_APPLICATION_CREDENTIALS: "/run/secrets/forms-reader.json" },
    });
    try {
      expect(googleFormJobs(t.app, { auth: auth() })).toEqual([]);
      expect(t.app.jobs.map((j) => j.name)).not.toContain("google-form-poll");
    } finally {
      await t.close();
    }
  });

  it("refuses to start with both the poller and the Apps Script webhook on, saying which to unset", () => {
    expect(() => loadConfig({ ...env(), GOOGLE_FORM_WEBHOOK_SECRET: "s3cret" })).toThrow(
      /two reports.*unset GOOGLE_FORM_POLL.*or GOOGLE_FORM_WEBHOOK_SECRET/,
    );
    expect(() => loadConfig({ GOOGLE_FORM_POLL: "true" })).toThrow(/GOOGLE_FORM_POLL: the poller needs GOOGLE_FORM_ID/);
    expect(() => loadConfig({ GOOGLE_FORM_POLL: "true", GOOGLE_FORM_ID: formId })).toThrow(
      /GOOGLE_APPLICATION_CREDENTIALS/,
    );
    expect(() => loadConfig({ ...env(), GOOGLE_FORM_POLL_SINCE: "yesterday" })).toThrow(
      /GOOGLE_FORM_POLL_SINCE: expected an RFC 3339 time/,
    );
  });
});
