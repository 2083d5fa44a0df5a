// A one-time enrolment code is valid for a set time (ENROLLMENT_CODE_HOURS): usable up to the
// last moment before its expiry, refused from that moment on — measured on the app's clock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, postJson, startTestApp, type TestApp } from "../support/harness.js";
import { until } from "../commands/support.js";
import { sequence } from "../support/sequence.js";

const unique = sequence();

let t: TestApp;
beforeAll(async () => (t = await startTestApp({ env: { ENROLLMENT_CODE_HOURS: "4" } })));
afterAll(() => t.close());

async function issue(email: string) {
  const before = t.slack.responses.length;
  await t.requests.slashCommand({ command: "/mdm", text: `enroll ${email}`, user: ADMIN_1 });
  await t.app.slackSettled();
  const reply = await until(() => t.slack.responses.slice(before).at(-1)?.body.text as string | undefined, "the reply");
  const code = /`([A-Z0-9-]{19})`/.exec(reply)![1]!;
  const issuedAt = t.clock.now().getTime();
  return { code, reply, expiresAt: new Date(issuedAt + 4 * 3_600_000) };
}

const enrolWith = (code: string) =>
  postJson(`${t.url}/agent/v1/enroll`, {
    enrollmentCode: code,
    platform: "ios",
    name: "iPhone",
    udid: `EXPIRY-${unique()}`,
    supervised: true,
  });

describe("ENROLLMENT_CODE_HOURS", () => {
  it("sets how long a code works: the last millisecond before expiry enrols, expiry itself is refused", async () => {
    const early = await issue("early.owner@example.co.jp");
    const late = await issue("late.owner@example.co.jp");
    // The reply tells the administrator until when (4 hours from now, not the default 72).
    const stored = await t.db.prisma.enrollmentCode.findFirstOrThrow({
      where: { ownerEmail: "late.owner@example.co.jp" },
    });
    expect(stored.expiresAt.getTime()).toBe(late.expiresAt.getTime());

    t.clock.set(new Date(early.expiresAt.getTime() - 1));
    expect((await enrolWith(early.code)).status).toBe(201);

    t.clock.set(late.expiresAt);
    const refused = await enrolWith(late.code);
    expect(refused.status).toBe(401);
    expect(JSON.stringify(refused.json)).toContain("expired");
    expect(await t.db.prisma.device.count({ where: { owner: { email: "late.owner@example.co.jp" } } })).toBe(0);
  });

  it("refuses a value outside 1–720 hours at start, naming the variable", async () => {
    const { loadConfig } = await import("../../src/config.js");
    expect(() => loadConfig({ ENROLLMENT_CODE_HOURS: "0" })).toThrow(/ENROLLMENT_CODE_HOURS/);
    expect(loadConfig({}).ENROLLMENT_CODE_HOURS).toBe(72);
  });
});
