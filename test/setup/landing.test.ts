// GET /: a real page for everyone; the setup state only for this machine or the setup token,
// and never a secret.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENROLLMENT_SECRET, ALERTS_TOKEN, FORM_SECRET, startTestApp, type TestApp } from "../support/harness.js";
import { SIGNING_SECRET } from "../support/slack-requests.js";

const SETUP_TOKEN = "setup-token-for-tests-0123456789";
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { SETUP_TOKEN } });
  await t.app.setup.refresh();
});
afterAll(() => t.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${t.url}${path}`, { headers, redirect: "manual" });
/** As a request relayed by a reverse proxy on this host looks: loopback peer, but forwarded. */
const proxied = { "x-forwarded-for": "203.0.113.7" };

describe("the landing page", () => {
  it("says what this is and links to the report form, in Japanese by default and in English", async () => {
    const ja = await (await get("/", { ...proxied, "accept-language": "ja" })).text();
    expect(ja).toContain("紛失デバイス窓口");
    expect(ja).toContain('href="/report?lang=ja"');
    const res = await get("/?lang=en", proxied);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const en = await res.text();
    expect(en).toContain("Report a lost device");
    expect(en).not.toContain("Setup");
  });

  it("shows the setup state of every integration to this machine, with the fix, and no secret", async () => {
    const html = await (await get("/?lang=en")).text();
    expect(html).toContain("Setup");
    expect(html).toMatch(/data-check="database" data-status="ok"/);
    expect(html).toMatch(/data-check="slack" data-status="ok"/);
    expect(html).toMatch(/data-check="nanomdm" data-status="not_configured"/);
    expect(html).toContain("README § <i>Apple devices through NanoMDM</i>");
    for (const secret of [
      "xoxb-test",
      SIGNING_SECRET,
      ENROLLMENT_SECRET,
      ALERTS_TOKEN,
      FORM_SECRET,
      SETUP_TOKEN,
      t.config.SECRET_ENCRYPTION_KEY!,
    ]) {
      expect(html).not.toContain(secret);
    }
  });

  it("through a proxy, only with the setup token: it moves into a cookie and leaves the address", async () => {
    expect(await (await get("/?lang=en&setup_token=wrong", proxied)).text()).not.toContain("data-check");
    const redirect = await get(`/?lang=en&setup_token=${SETUP_TOKEN}`, proxied);
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get("location")).toBe("/?lang=en");
    const cookie = redirect.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).not.toContain(SETUP_TOKEN);
    const html = await (await get("/?lang=en", { ...proxied, cookie: cookie.split(";")[0]! })).text();
    expect(html).toMatch(/data-check="slack"/);
    expect(await (await get("/?lang=en", { ...proxied, cookie: "setup=forged" })).text()).not.toContain("data-check");
  });

  it("a failing integration shows as failing on the page once re-checked", async () => {
    t.slack.tokenError = "invalid_auth";
    try {
      const html = await (await get("/?lang=en&recheck=1")).text();
      expect(html).toMatch(/data-check="slack" data-status="failing"/);
      expect(html).toContain("invalid_auth");
    } finally {
      t.slack.tokenError = null;
    }
  });
});
