// The Form poller spends the same Google quota as the Android driver: it waits for a slot, and
// a 429 with Retry-After pauses it for that long (on the test's clock) before the same page is
// asked again, within the same run: nothing is skipped and nothing is imported twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OAuth2Client } from "google-auth-library";
import { startTestApp, type TestApp } from "../support/harness.js";
import { FakeGoogleForms } from "./fake-google-forms.js";
import { GoogleFormPoller } from "../../src/google/poller.js";
import { titleMap } from "../../src/google/mapping.js";
import { QuotaLimiter } from "../../src/lib/quota.js";

const formId = "form-quota-1";
let fake: FakeGoogleForms;
let t: TestApp;

beforeAll(async () => {
  fake = await new FakeGoogleForms(formId, [
    { questionId: "q1", title: "Your name" },
    { questionId: "q2", title: "Which device?" },
  ]).start();
  t = await startTestApp({ env: { GOOGLE_FORM_WEBHOOK_SECRET: "" } });
});
afterAll(async () => {
  await t.close();
  await fake.stop();
});

describe("the Form poller under Google's quota", () => {
  it("waits out a 429's Retry-After and reads the same page again, importing every response once", async () => {
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: "test-access-token", expiry_date: Date.now() + 3_600_000 });
    const waits: number[] = [];
    const quota = new QuotaLimiter({
      limit: 1000,
      windowMs: 100_000,
      now: () => t.clock.now().getTime(),
      wait: async (ms) => {
        waits.push(ms);
        t.clock.advance(ms);
      },
    });
    const poller = new GoogleFormPoller({
      core: t.app.core,
      formId,
      auth,
      rootUrl: fake.url,
      titles: titleMap(undefined),
      timeZone: "Asia/Tokyo",
      fallbackLocale: "en",
      since: "2026-11-01T00:00:00Z",
      quota,
    });
    for (let i = 0; i < 5; i++) fake.submit(`2026-11-1${i}T09:00:00Z`, { q1: `person ${i}`, q2: "Pixel" });
    fake.failNext(429, "2", { "retry-after": "40" });
    const started = t.clock.now().getTime();
    expect(await poller.poll(t.clock.now())).toEqual({ imported: 5, edited: 0, seen: 5 });
    expect(waits).toEqual([40_000]);
    expect(t.clock.now().getTime() - started).toBe(40_000);
    const lists = fake.requests.filter((r) => r.path.endsWith("/responses")).map((r) => r.query.get("pageToken"));
    expect(lists).toEqual([null, "2", "2", "4"]);
  });
});
