// NanoMDM, the Android Management API and the Google Form: each checked with the driver's (or
// poller's) own client, so the doctor sees exactly what the app will see when it sends.
import type { Config } from "../config.js";
import type { Clock } from "../core/clock.js";
import { AndroidDriver, androidFromConfig } from "../drivers/android.js";
import type { AndroidAuth } from "../drivers/android/client.js";
import { nanoMdmFromConfig } from "../drivers/nanomdm.js";
import { probeForm } from "../google/probe.js";
import { check, type CheckResult } from "./types.js";

const NANO_FIX = "apple-devices-through-nanomdm";
const ANDROID_FIX = "android-devices-through-the-android-management-api";
const FORM_FIX = "google-form-setup";

export async function nanoMdmCheck(config: Config, clock: Clock): Promise<CheckResult> {
  if (!config.NANOMDM_URL && !config.NANOMDM_API_KEY)
    return check("nanomdm", "not_configured", "setup.nanomdm.off", undefined, NANO_FIX);
  const driver = nanoMdmFromConfig(config, clock);
  if (!driver)
    return check(
      "nanomdm",
      "failing",
      "setup.nanomdm.half",
      { missing: config.NANOMDM_URL ? "NANOMDM_API_KEY" : "NANOMDM_URL" },
      NANO_FIX,
    );
  const probe = await driver.probe();
  if (!probe.ok)
    return check(
      "nanomdm",
      "failing",
      `setup.nanomdm.${probe.problem}`,
      { url: config.NANOMDM_URL!, reason: probe.reason },
      NANO_FIX,
    );
  // Without the key every result NanoMDM posts is refused: commands go out and never come back.
  if (!config.NANOMDM_WEBHOOK_HMAC_KEY)
    return check("nanomdm", "failing", "setup.nanomdm.no_webhook_key", { url: config.NANOMDM_URL! }, NANO_FIX);
  return check("nanomdm", "ok", "setup.nanomdm.ok", { url: config.NANOMDM_URL!, version: probe.version ?? "?" });
}

export async function androidCheck(config: Config, clock: Clock, auth?: AndroidAuth): Promise<CheckResult> {
  if (!config.ANDROID_ENTERPRISE_ID)
    return check("android", "not_configured", "setup.android.off", undefined, ANDROID_FIX);
  const driver = auth
    ? new AndroidDriver({
        enterpriseId: config.ANDROID_ENTERPRISE_ID,
        auth,
        clock,
        rootUrl: config.ANDROID_API_URL,
        timeoutMs: config.MDM_REQUEST_TIMEOUT_MS,
      })
    : androidFromConfig(config, clock);
  if (!driver) return check("android", "failing", "setup.android.no_key", undefined, ANDROID_FIX);
  let probe;
  try {
    probe = await driver.probe();
  } catch (err) {
    // A key file that is missing or not JSON fails while the client gets its token.
    probe = { ok: false as const, status: null, reason: (err as Error).message };
  }
  if (probe.ok) return check("android", "ok", "setup.android.ok", { enterprise: probe.name });
  const key =
    probe.status === 403
      ? "setup.android.denied"
      : probe.status === 404
        ? "setup.android.not_found"
        : probe.status === 401
          ? "setup.android.unauthenticated"
          : "setup.android.error";
  return check(
    "android",
    "failing",
    key,
    { enterprise: config.ANDROID_ENTERPRISE_ID, reason: probe.reason.slice(0, 300) },
    ANDROID_FIX,
  );
}

export async function googleFormCheck(config: Config, auth?: unknown): Promise<CheckResult> {
  if (!config.GOOGLE_FORM_ID) {
    return config.GOOGLE_FORM_WEBHOOK_SECRET
      ? check("google_form", "ok", "setup.google_form.webhook_only")
      : check("google_form", "not_configured", "setup.google_form.off", undefined, FORM_FIX);
  }
  if (!auth && !config.GOOGLE_APPLICATION_CREDENTIALS)
    return check("google_form", "failing", "setup.google_form.no_key", undefined, FORM_FIX);
  let probe;
  try {
    probe = await probeForm(config, auth);
  } catch (err) {
    probe = { ok: false as const, status: null, reason: (err as Error).message };
  }
  if (probe.ok) return check("google_form", "ok", "setup.google_form.ok", { title: probe.title });
  const key =
    probe.status === 403
      ? "setup.google_form.denied"
      : probe.status === 404
        ? "setup.google_form.not_found"
        : "setup.google_form.error";
  return check(
    "google_form",
    "failing",
    key,
    { form: config.GOOGLE_FORM_ID, reason: probe.reason.slice(0, 300) },
    FORM_FIX,
  );
}
