// The app with the Android driver pointed at a fake Android Management API, and Pub/Sub pushes
// signed with the URL token, as several test files need them.
import { AndroidDriver } from "../../src/drivers/android.js";
import { FakeAndroidApi, presetTokenAuth } from "./fake-android.js";
import { postJson, startTestApp, type TestApp } from "./harness.js";

export type AndroidApp = { t: TestApp; api: FakeAndroidApi; pubsubToken: string };

/** A fake enterprise `enterprises/<enterpriseId>` and the app driving it through the real driver. */
export async function startAndroidApp(enterpriseId: string, pubsubToken: string): Promise<AndroidApp> {
  const api = await new FakeAndroidApi(`enterprises/${enterpriseId}`).start();
  const app: Partial<AndroidApp> = { api, pubsubToken };
  const driver = new AndroidDriver({
    enterpriseId,
    auth: presetTokenAuth(api.token),
    rootUrl: api.url,
    clock: { now: () => app.t!.clock.now() },
    timeoutMs: 5_000,
    locale: "en",
  });
  app.t = await startTestApp({ env: { ANDROID_PUBSUB_TOKEN: pubsubToken }, drivers: [driver] });
  return app as AndroidApp;
}

export async function stopAndroidApp(app: AndroidApp | undefined): Promise<void> {
  await app?.t.close();
  await app?.api.stop();
}

let pushes = 0;

/** One Pub/Sub push of an Android Management notification, as Google's push subscription sends it. */
export function pubsubPush(app: AndroidApp, type: string, data: unknown, token = app.pubsubToken) {
  return postJson(`${app.t.url}/webhooks/android-pubsub?token=${encodeURIComponent(token)}`, {
    message: {
      data: Buffer.from(JSON.stringify(data)).toString("base64"),
      attributes: { notificationType: type },
      messageId: `push-${++pushes}`,
    },
    subscription: "projects/acme/subscriptions/amapi",
  });
}
