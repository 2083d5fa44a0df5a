// Google's per-project quota (queries per 100 s) against a fake that enforces it on the test's
// clock: the device import, the command sweep and a click's command share one limiter and stay
// under it; when Google still says 429 (another app spends the same project), every caller
// pauses for its Retry-After and the work completes. Waiting moves the manual clock: no sleeps.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_1, startTestApp, type TestApp } from "../support/harness.js";
import { aDevice } from "../support/builders.js";
import { FakeAndroidApi, presetTokenAuth } from "../support/fake-android.js";
import { AndroidDriver } from "../../src/drivers/android.js";
import { QuotaLimiter } from "../../src/lib/quota.js";

const WINDOW = 100_000;
let t: TestApp;
let api: FakeAndroidApi;
let quota: QuotaLimiter;
let waited = 0;

beforeAll(async () => {
  api = await new FakeAndroidApi("enterprises/LC0quota").start();
  const now = () => t.clock.now().getTime();
  quota = new QuotaLimiter({
    limit: 5,
    windowMs: WINDOW,
    now,
    wait: async (ms) => {
      waited += ms;
      t.clock.advance(ms);
    },
  });
  const driver = new AndroidDriver({
    enterpriseId: "LC0quota",
    auth: presetTokenAuth(api.token),
    rootUrl: api.url,
    clock: { now: () => t.clock.now() },
    timeoutMs: 5_000,
    locale: "en",
    quota,
  });
  t = await startTestApp({ drivers: [driver] });
  api.maxPageSize = 2;
  for (let i = 0; i < 12; i++) api.addDevice(`q${i}`);
});
afterAll(async () => {
  await t.close();
  await api.stop();
});
beforeEach(() => {
  // A fresh window for each case: the last one's queries are long past.
  t.clock.advance(10 * WINDOW);
  api.quotaLog.length = 0;
  api.requests.length = 0;
  api.refused429 = 0;
  api.refusals.length = 0;
  waited = 0;
});

describe("Google's quota", () => {
  it("imports six pages under a 5-per-100 s quota without a single 429, waiting out the window", async () => {
    api.quota = { limit: 5, windowMs: WINDOW, now: () => t.clock.now().getTime() };
    const summary = await t.app.core.enrollments.importFrom("android");
    expect(summary).toMatchObject({ seen: 12 });
    expect(api.refused429).toBe(0);
    expect(api.peakInWindow()).toBeLessThanOrEqual(5);
    expect(api.quotaLog).toHaveLength(6);
    // Six queries, five per window: the sixth waited for the first to leave the window.
    expect(waited).toBeGreaterThanOrEqual(WINDOW - 1_000);
  });

  it("backs off on 429 as Retry-After says when the project's quota is smaller than ours, and still finishes", async () => {
    // Another app spends the same project: Google allows us only 3 per 100 s.
    api.quota = { limit: 3, windowMs: WINDOW, now: () => t.clock.now().getTime() };
    const summary = await t.app.core.enrollments.importFrom("android");
    expect(summary).toMatchObject({ seen: 12 });
    expect(api.refused429).toBeGreaterThan(0);
    // Never hammered: after each refusal, nothing was asked before its Retry-After had passed.
    for (const r of api.refusals) {
      const next = api.quotaLog.find((at) => at > r.at);
      expect(next).toBeGreaterThanOrEqual(r.at + r.retryAfterMs);
    }
    expect(api.refused429).toBeLessThanOrEqual(2);
    expect(api.peakInWindow()).toBeLessThanOrEqual(3);
  });

  it("shares the budget with a click: a command finding the quota spent waits for the core's retry, asking Google nothing", async () => {
    api.quota = { limit: 5, windowMs: WINDOW, now: () => t.clock.now().getTime() };
    for (let i = 0; i < 5; i++) expect(quota.tryTake()).toBe(0); // the import spent this window
    const name = api.addDevice("qclick");
    const d = await aDevice(t.db.prisma, { platform: "ANDROID", driver: "android" });
    await t.db.prisma.device.update({ where: { id: d.id }, data: { externalId: name } });
    const before = api.requests.length;
    const cmd = await t.app.core.commands.request(await t.app.core.actors.fromSlack(ADMIN_1), {
      deviceId: d.id,
      type: "DEVICE_LOCK",
    });
    const queued = await t.db.prisma.command.findUniqueOrThrow({ where: { id: cmd.id } });
    expect(queued).toMatchObject({ state: "QUEUED", error: expect.stringContaining("quota") });
    expect(api.requests.length).toBe(before);
    // Once the window has passed, the sweep sends it.
    t.clock.advance(queued.nextAttemptAt!.getTime() - t.clock.now().getTime());
    await t.app.core.commands.sweep(t.clock.now());
    expect((await t.db.prisma.command.findUniqueOrThrow({ where: { id: cmd.id } })).state).toBe("SENT");
    expect(api.refused429).toBe(0);
  });

  it("pauses every caller after a 429: the next query waits for Retry-After, doubling when Google gives none", async () => {
    const now = () => t.clock.now().getTime();
    const q = new QuotaLimiter({ limit: 100, windowMs: WINDOW, now });
    expect(q.exhausted(30_000)).toBe(30_000);
    expect(q.tryTake()).toBe(30_000);
    t.clock.advance(30_000);
    expect(q.tryTake()).toBe(0);
    expect([q.exhausted(), q.exhausted(), q.exhausted()]).toEqual([1_000, 2_000, 4_000]);
    q.succeeded();
    expect(q.exhausted()).toBe(1_000);
  });
});
