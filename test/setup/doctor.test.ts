// The setup checks against local fakes that fail the way the real services do: each failure is
// named with its fix, /healthz lists it as degraded, and `npm run doctor` exits non-zero.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { google } from "googleapis";
import { DAY } from "../../src/core/clock.js";
import { t } from "../../src/i18n/index.js";
import type { CheckResult } from "../../src/setup/index.js";
import { manifestBotScopes } from "../../src/slack/doctor.js";
import { runCli } from "../support/cli.js";
import { FakeAndroidApi, presetTokenAuth } from "../support/fake-android.js";
import { FakeNanoMdm } from "../support/fake-nanomdm.js";
import { FakeSlack } from "../support/fake-slack.js";
import { ADMIN_1, startTestApp, type TestApp } from "../support/harness.js";
import { SIGNING_SECRET } from "../support/slack-requests.js";
import { FakeGoogleForms } from "../reports/fake-google-forms.js";

let slack: FakeSlack;
let nano: FakeNanoMdm;
let android: FakeAndroidApi;
let forms: FakeGoogleForms;
let app: TestApp;

const formsAuth = () => {
  const c = new google.auth.OAuth2();
  c.setCredentials({ access_token: "test-access-token", expiry_date: Date.now() + 3_600_000 });
  return c;
};

beforeAll(async () => {
  [slack, nano, android, forms] = await Promise.all([
    new FakeSlack().start(),
    new FakeNanoMdm().start(),
    new FakeAndroidApi().start(),
    new FakeGoogleForms("form-1", [{ questionId: "q1", title: "Your name" }]).start(),
  ]);
  slack.addUser({ id: ADMIN_1, email: "taro.yamada@example.co.jp", name: "山田 太郎" });
});
afterAll(async () => {
  await app?.close();
  await Promise.all([slack.stop(), nano.stop(), android.stop(), forms.stop()]);
});

async function checksWith(env: Record<string, string | undefined> = {}): Promise<Record<string, CheckResult>> {
  await app?.close();
  app = await startTestApp({
    slack,
    env: {
      NANOMDM_URL: nano.url,
      NANOMDM_API_KEY: nano.apiKey,
      NANOMDM_WEBHOOK_HMAC_KEY: "hmac",
      ANDROID_ENTERPRISE_ID: "LC0test",
      ANDROID_API_URL: android.url,
      GOOGLE_FORM_ID: "form-1",
      GOOGLE_API_URL: forms.url,
      ...env,
    },
  });
  // The app's own monitor, with credentials the fakes accept instead of key files.
  (app.app.setup as unknown as { ctx: object }).ctx = {
    ...(app.app.setup as unknown as { ctx: object }).ctx,
    androidAuth: presetTokenAuth(android.token),
    googleAuth: formsAuth(),
  };
  const results = await app.app.setup.refresh();
  return Object.fromEntries(results.map((r) => [r.id, r]));
}

const text = (r: CheckResult | undefined) => (r ? t("en", r.detail, r.vars) : "(no such check)");

describe("setup checks", () => {
  it("all green: every integration works and /healthz says ok", async () => {
    const c = await checksWith();
    for (const id of [
      "database",
      "slack",
      "slack.scopes",
      "slack.channel",
      "slack.email",
      "nanomdm",
      "android",
      "google_form",
      "digest",
    ]) {
      expect(c[id]?.status, `${id}: ${text(c[id])}`).toBe("ok");
    }
    expect(text(c["slack.channel"])).toContain("#it-admin");
    expect(text(c.android)).toContain("Demo K.K.");
    expect(text(c.google_form)).toContain("Lost device report");
    expect(c.push_certificate!.status).toBe("not_configured");
    expect(await (await fetch(`${app.url}/healthz`)).json()).toEqual({ status: "ok" });
  });

  it("a revoked Slack token is failing, with the fix, and /healthz lists it as degraded", async () => {
    slack.tokenError = "token_revoked";
    try {
      const c = await checksWith();
      expect(c.slack!.status).toBe("failing");
      expect(text(c.slack)).toMatch(/token_revoked.*reinstall the app/);
      expect(c.slack!.fix).toBe("creating-the-slack-app");
      const health = await fetch(`${app.url}/healthz`);
      expect(health.status).toBe(200);
      const body = await health.json();
      expect(body.status).toBe("degraded");
      expect(body.degraded).toContainEqual(
        expect.objectContaining({
          check: "slack",
          status: "failing",
          reason: expect.stringContaining("token_revoked"),
        }),
      );
    } finally {
      slack.tokenError = null;
    }
  });

  it("the bot not in the admin channel: a public one says /invite, a private one looks missing", async () => {
    slack.channels.set("C_PUBLIC", { name: "it-alerts", isMember: false });
    let c = await checksWith({ SLACK_ADMIN_CHANNEL: "C_PUBLIC" });
    expect(c["slack.channel"]?.status, text(c.slack)).toBe("failing");
    expect(text(c["slack.channel"])).toContain("/invite @lostbot");
    slack.channels.set("C_SECRET", { name: "it-private", isMember: false, isPrivate: true });
    c = await checksWith({ SLACK_ADMIN_CHANNEL: "C_SECRET" });
    expect(text(c["slack.channel"]), text(c.slack)).toMatch(/C_SECRET not found, or private and the bot is not in it/);
  });

  it("a missing scope is named; without users:read.email the e-mail check fails though Slack answers", async () => {
    slack.scopes.delete("users:read.email");
    slack.scopes.delete("files:read");
    try {
      const c = await checksWith();
      expect(c["slack.scopes"]!.status).toBe("failing");
      expect(text(c["slack.scopes"])).toContain("users:read.email, files:read");
      expect(c["slack.email"]!.status).toBe("failing");
      expect(text(c["slack.email"])).toContain("grant users:read.email");
    } finally {
      for (const s of manifestBotScopes()) slack.scopes.add(s);
    }
  });

  it("an administrator id Slack does not know", async () => {
    const c = await checksWith({ SLACK_ADMIN_USER_IDS: "UNOBODY" });
    expect(text(c["slack.email"])).toContain("SLACK_ADMIN_USER_IDS names UNOBODY");
  });

  it("NanoMDM: wrong API key, no API, unreachable, no webhook key", async () => {
    let c = await checksWith({ NANOMDM_API_KEY: "wrong" });
    expect(c.nanomdm!.status).toBe("failing");
    expect(text(c.nanomdm)).toContain("refused NANOMDM_API_KEY (HTTP 401)");
    nano.apiEnabled = false;
    c = await checksWith();
    nano.apiEnabled = true;
    expect(text(c.nanomdm), text(c.nanomdm)).toContain("has no API");
    c = await checksWith({ NANOMDM_URL: "http://127.0.0.1:9" });
    expect(text(c.nanomdm)).toContain("does not answer");
    c = await checksWith({ NANOMDM_WEBHOOK_HMAC_KEY: undefined });
    expect(text(c.nanomdm)).toContain("NANOMDM_WEBHOOK_HMAC_KEY is not set");
  });

  it("Google: a service account without access to the enterprise or the form, a wrong enterprise id", async () => {
    android.failNext(
      { status: 403, message: "The caller does not have permission" },
      (p) => p === "/v1/enterprises/LC0test",
    );
    forms.denied = true;
    try {
      const c = await checksWith();
      expect(c.android!.status).toBe("failing");
      expect(text(c.android)).toMatch(/may not read LC0test.*Android Management User role/);
      expect(c.google_form!.status).toBe("failing");
      expect(text(c.google_form)).toContain("share the form with its address");
    } finally {
      forms.denied = false;
    }
    const c = await checksWith({ ANDROID_ENTERPRISE_ID: "LC0other" });
    expect(text(c.android)).toContain("enterprise LC0other not found");
  });

  it("the push certificate: expiring soon is a warning, expired is failing", async () => {
    await checksWith();
    const db = app.db.prisma;
    const now = app.clock.now().getTime();
    await db.renewal.create({
      data: {
        kind: "PUSH_CERTIFICATE",
        label: "MDM push certificate",
        expiresAt: new Date(now + 10 * DAY),
        createdAt: new Date(now),
      },
    });
    let c = Object.fromEntries((await app.app.setup.refresh()).map((r) => [r.id, r]));
    expect(c.push_certificate!.status).toBe("warning");
    expect(text(c.push_certificate)).toContain("in 10 day(s)");
    app.clock.advance(11 * DAY);
    c = Object.fromEntries((await app.app.setup.refresh()).map((r) => [r.id, r]));
    expect(c.push_certificate!.status).toBe("failing");
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "PostgreSQL: its version, and max_connections against the replicas",
    async () => {
      let c = await checksWith();
      expect(c.database!.status).toBe("ok");
      expect(text(c.database)).toMatch(/^PostgreSQL \d+/);
      c = await checksWith({ APP_REPLICAS: "1000" });
      expect(c.database!.status).toBe("failing");
      expect(text(c.database)).toMatch(/1000 replica\(s\) need up to 11000: raise max_connections/);
    },
  );

  it("Slack off is 'not configured', not a failure", async () => {
    await app?.close();
    app = await startTestApp({ slack: false });
    const c = Object.fromEntries((await app.app.setup.refresh()).map((r) => [r.id, r]));
    expect(c.slack!.status).toBe("not_configured");
    expect(text(c.slack)).toContain("SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET not set");
    expect(Object.values(c).some((r) => r.status === "failing")).toBe(false);
  });
});

describe("npm run doctor", () => {
  // One database for both runs: the first migrates it, as `npm start` would have.
  const dir = mkdtempSync(path.join(tmpdir(), "doctor-"));
  const env = (over: Record<string, string>) => ({
    ...process.env,
    DATABASE_URL: path.join(dir, "db"),
    LOG_LEVEL: "error",
    APP_LOCALE: "en",
    SLACK_BOT_TOKEN: "xoxb-test",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    SLACK_ADMIN_CHANNEL: "C_ADMIN",
    SLACK_ADMIN_USER_IDS: ADMIN_1,
    NANOMDM_URL: nano.url,
    NANOMDM_API_KEY: nano.apiKey,
    NANOMDM_WEBHOOK_HMAC_KEY: "hmac",
    ...over,
  });

  it("prints one line per integration and exits 0 when everything configured works", async () => {
    const r = await runCli("scripts/doctor.ts", [], env({}));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^✔ Slack app: works — token accepted/m);
    expect(r.out).toMatch(/^✔ Admin channel: works — the bot is in #it-admin/m);
    expect(r.out).toMatch(/^✔ Apple MDM \(NanoMDM\): works — NanoMDM v0\.8\.0/m);
    expect(r.out).toMatch(/^– Android Management API: not configured/m);
  }, 180_000);

  it("exits 1 and names the fix when something configured fails (in Japanese by default)", async () => {
    const r = await runCli("scripts/doctor.ts", [], { ...env({ NANOMDM_API_KEY: "wrong" }), APP_LOCALE: "ja" });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^✘ Apple MDM（NanoMDM）: 異常 — .*NANOMDM_API_KEY を拒否しました/m);
    expect(r.out).toContain("→ README § Apple devices through NanoMDM");
  }, 180_000);
});
