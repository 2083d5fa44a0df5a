// Pub/Sub push authentication by OIDC token, as Google documents it for push subscriptions: a
// JWT signed by Google (a local fake publishes the key at a configurable certificates URL), for
// our endpoint's URL as audience, carrying the push service account's verified e-mail. Anything
// else is refused with 401 and a reason; the URL token stays a working alternative, but never
// rescues a forged bearer token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson, startTestApp, type TestApp } from "../support/harness.js";
import { FakeGoogleOidc } from "../support/fake-google-oidc.js";
import { PubSubOidcVerifier } from "../../src/drivers/android/pubsub-auth.js";

const PUSH_SA = "amapi-push@acme-mdm.iam.gserviceaccount.com";
const URL_TOKEN = "url-token-alternative";
// PUBLIC_URL of the test company is http://portal.test: the default audience is the endpoint there.
const AUDIENCE = "http://portal.test/webhooks/android-pubsub";
let t: TestApp;
let google: FakeGoogleOidc;

beforeAll(async () => {
  google = await new FakeGoogleOidc().start();
  t = await startTestApp({
    env: {
      ANDROID_PUBSUB_SERVICE_ACCOUNT: PUSH_SA,
      GOOGLE_OIDC_CERTS_URL: google.certsUrl,
      ANDROID_PUBSUB_TOKEN: URL_TOKEN,
    },
  });
});
afterAll(async () => {
  await t.close();
  await google.stop();
});

const push = (headers: Record<string, string>, query = "") =>
  postJson(
    `${t.url}/webhooks/android-pubsub${query}`,
    {
      message: {
        data: Buffer.from(JSON.stringify({ name: "enterprises/LC0x/devices/nobody" })).toString("base64"),
        attributes: { notificationType: "STATUS_REPORT" },
        messageId: "1",
      },
      subscription: "projects/acme-mdm/subscriptions/amapi",
    },
    headers,
  );
const bearer = (jwt: string) => ({ authorization: `Bearer ${jwt}` });

describe("Pub/Sub push with an OIDC token", () => {
  it("accepts a token Google signed for our endpoint and the push service account, fetching the keys once", async () => {
    for (let i = 0; i < 3; i++) {
      const res = await push(bearer(google.token({ aud: AUDIENCE, email: PUSH_SA })));
      expect(res.status).toBe(200);
    }
    expect(google.certRequests).toBe(1);
  });

  it.each([
    ["a forged signature", () => google.token({ aud: AUDIENCE, email: PUSH_SA }, { forged: true }), /signature/],
    ["another audience", () => google.token({ aud: "https://elsewhere.example/push", email: PUSH_SA }), /audience/],
    [
      "another service account",
      () => google.token({ aud: AUDIENCE, email: "intruder@evil.example" }),
      /service account/,
    ],
    [
      "an unverified e-mail",
      () => google.token({ aud: AUDIENCE, email: PUSH_SA, email_verified: false }),
      /service account/,
    ],
    [
      "an expired token",
      () => {
        const now = Math.floor(Date.now() / 1000);
        return google.token({ aud: AUDIENCE, email: PUSH_SA, iat: now - 7200, exp: now - 3600 });
      },
      /expired/,
    ],
    [
      "another issuer",
      () => google.token({ aud: AUDIENCE, email: PUSH_SA, iss: "https://evil.example" }),
      /issued by Google/,
    ],
    ["garbage", () => "qwertyuiopasdfghjklzxcvb.mnbvcxzlkjhgfdsapoiuytrewq.zzzz", /malformed|signature/],
  ])("refuses %s with 401 and says why, without echoing the token", async (_name, make, reason) => {
    const jwt = make();
    const res = await push(bearer(jwt));
    expect(res.status).toBe(401);
    expect(res.json.reason).toMatch(reason);
    expect(JSON.stringify(res.json)).not.toContain(jwt.split(".")[1]!.slice(0, 20));
  });

  it("keeps the URL token as an alternative, but a bad bearer token is not rescued by it", async () => {
    expect((await push({}, `?token=${URL_TOKEN}`)).status).toBe(200);
    expect((await push({}, "?token=wrong")).status).toBe(401);
    expect((await push({})).json.reason).toMatch(/no OIDC bearer token and no valid token/);
    const forged = google.token({ aud: AUDIENCE, email: PUSH_SA }, { forged: true });
    expect((await push(bearer(forged), `?token=${URL_TOKEN}`)).status).toBe(401);
  });

  it("answers 503 (Pub/Sub delivers again) when Google's certificates cannot be fetched", async () => {
    const verifier = new PubSubOidcVerifier({
      audience: AUDIENCE,
      serviceAccount: PUSH_SA,
      certsUrl: "http://127.0.0.1:9/oauth2/v1/certs",
    });
    expect(await verifier.verify(`Bearer ${google.token({ aud: AUDIENCE, email: PUSH_SA })}`)).toMatchObject({
      ok: false,
      unavailable: true,
    });
  });
});
