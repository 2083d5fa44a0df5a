// One environment schema, parsed once at boot. A bad value stops start-up with one line that
// names the variable (the External contract lists the public ones).
import { z } from "zod";
import { isTimeZone } from "./lib/time-zone.js";
import { parseDatabaseUrl, type DatabaseTarget } from "./db/client.js";
import cron from "node-cron";
import { isIP } from "node:net";
import { parseBusinessHours } from "./lib/business-hours.js";

const optional = z
  .string()
  .transform((v) => v.trim())
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const csv = optional.transform((v) =>
  v
    ? v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [],
);

const bool = (fallback: boolean) =>
  optional.transform((v, ctx) => {
    if (v === undefined) return fallback;
    if (/^(1|true|yes|on)$/i.test(v)) return true;
    if (/^(0|false|no|off)$/i.test(v)) return false;
    ctx.addIssue({ code: "custom", message: `expected true or false, got "${v}"` });
    return z.NEVER;
  });

const int = (fallback: number, min: number, max: number) =>
  optional.transform((v, ctx) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: "custom", message: `expected a whole number from ${min} to ${max}, got "${v}"` });
      return z.NEVER;
    }
    return n;
  });

// Which peers may tell us the client's address (X-Forwarded-For), as express's "trust proxy":
// a hop count, or addresses, subnets and express's names. Never "everyone": any client could
// then pick its own address and walk around the report form's per-address limit.
const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);
const trustProxy = optional.transform((v, ctx): number | string[] => {
  if (v === undefined) return ["loopback"];
  if (/^\d+$/.test(v) && Number(v) <= 10) return Number(v);
  const items = v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.find((i) => !PROXY_NAMES.has(i) && !isAddressOrSubnet(i));
  if (/^(true|yes|on|\*)$/i.test(v) || bad !== undefined || !items.length) {
    ctx.addIssue({
      code: "custom",
      message: `expected the number of proxies in front of the app (0–10) or their addresses, e.g. 1 or 10.0.0.0/8,loopback; got "${bad ?? v}"`,
    });
    return z.NEVER;
  }
  return items;
});

function isAddressOrSubnet(value: string): boolean {
  const [addr, bits, ...rest] = value.split("/");
  const family = isIP(addr!);
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

const url = optional.refine((v) => v === undefined || URL.canParse(v), "expected a URL such as http://host:port/path");

const schema = z.object({
  NODE_ENV: optional,
  PORT: int(3000, 0, 65535),
  TRUST_PROXY: trustProxy,
  PUBLIC_URL: url, // how employees reach the portal; used in links sent by Slack
  DATABASE_URL: optional.transform((v, ctx): DatabaseTarget => {
    try {
      return parseDatabaseUrl(v);
    } catch (err) {
      ctx.addIssue({ code: "custom", message: (err as Error).message });
      return z.NEVER;
    }
  }),
  SLACK_BOT_TOKEN: optional.refine(
    (v) => v === undefined || /^xox[a-z]-/.test(v),
    "expected a bot token starting with xoxb-",
  ),
  SLACK_SIGNING_SECRET: optional,
  SLACK_API_URL: url,
  SLACK_ADMIN_CHANNEL: optional,
  SLACK_ADMIN_USER_IDS: csv,
  /** Digest DMs and directory look-ups per minute (Slack: "several hundred a minute" per workspace). */
  SLACK_BULK_PER_MINUTE: int(240, 1, 100_000),
  AGENT_ENROLLMENT_SECRET: optional,
  // The secret before the current one, still accepted while agents move over (rotation without downtime).
  AGENT_ENROLLMENT_SECRET_PREVIOUS: optional,
  // How long a one-time enrolment code from `/mdm enroll` stays usable: long enough to reach a
  // person over a weekend, short enough that a forgotten code is not a standing way in.
  ENROLLMENT_CODE_HOURS: int(72, 1, 24 * 30),
  ALERTS_API_TOKEN: optional,
  GOOGLE_FORM_WEBHOOK_SECRET: optional,
  GOOGLE_FORM_ID: optional,
  GOOGLE_APPLICATION_CREDENTIALS: optional,
  // Loss reporting. Signs the report form's anti-forgery tokens and status links;
  // set it (same value on every replica) or it is derived from SECRET_ENCRYPTION_KEY.
  PORTAL_SECRET: optional,
  // Report submissions allowed per address in 15 minutes, counted in the database so every
  // replica shares one allowance (decision 101).
  REPORT_RATE_LIMIT: int(10, 1, 10_000),
  // JSON {"<Google Form question title>": "<field>"} added to the built-in title mapping.
  GOOGLE_FORM_FIELD_MAP: optional.refine((v) => {
    if (v === undefined) return true;
    try {
      const m = JSON.parse(v) as unknown;
      return (
        typeof m === "object" && m !== null && !Array.isArray(m) && Object.values(m).every((f) => typeof f === "string")
      );
    } catch {
      return false;
    }
  }, 'expected JSON such as {"Which device?": "device"}'),
  // The poller's own switch: GOOGLE_FORM_ID alone (the webhook's formId check) never starts it.
  GOOGLE_FORM_POLL: bool(false),
  // Where the first poll starts (RFC 3339); unset: from the moment the poller first runs, so a
  // form's whole history is not imported as new incidents.
  GOOGLE_FORM_POLL_SINCE: optional.refine(
    (v) => v === undefined || (/^\d{4}-\d\d-\d\dT/.test(v) && !Number.isNaN(Date.parse(v))),
    "expected an RFC 3339 time such as 2026-12-01T00:00:00Z",
  ),
  GOOGLE_FORM_POLL_CRON: optional
    .transform((v) => v ?? "*/2 * * * *")
    .refine((v) => cron.validate(v), "expected a cron expression such as */2 * * * *"),
  GOOGLE_API_URL: url, // another Google API root (a local fake in tests)
  // The Google Cloud project's quota (queries per 100 s; Google's default 1,000), shared by the
  // Android import, the command sweep and the Form poller; each replica spends its share.
  GOOGLE_API_QUOTA_PER_100S: int(1000, 1, 1_000_000),
  APP_LOCALE: optional.pipe(z.enum(["ja", "en"]).optional()).transform((v) => v ?? "ja"),
  APP_TIMEZONE: optional.transform((v) => v ?? "Asia/Tokyo"),
  DIGEST_CRON: optional
    .transform((v) => v ?? "0 10 * * *")
    .refine((v) => cron.validate(v), "expected a cron expression such as 0 10 * * *"),
  DIGEST_TZ: optional.transform((v) => v ?? "Asia/Tokyo"),
  IMMEDIATE_ALERTS: bool(true),
  // Alerts older than this many days are deleted by the daily housekeeping (1,000,000 a day on
  // a large fleet: the table and its indexes stay a few weeks deep, not years).
  ALERT_RETENTION_DAYS: int(90, 7, 3650),
  // Incident response: where wipes past the limit and bulk requests are also posted,
  // and the company-wide wipe limit per rolling hour (two admins can change it from Slack).
  SLACK_SECURITY_CHANNEL: optional,
  WIPE_LIMIT_PER_HOUR: int(3, 1, 1000),
  // Escalation when nobody acts: the on-call Slack user group (S…), minutes before it is
  // mentioned in and out of business hours (Japanese working days, 年末年始 off), and how long
  // lost mode may stay on before the thread asks whether to wipe.
  ESCALATION_USERGROUP: optional.refine(
    (v) => v === undefined || /^S[A-Z0-9]{2,}$/.test(v),
    "expected a Slack user group id such as S0123ABCD",
  ),
  ESCALATION_MINUTES: int(15, 1, 24 * 60),
  ESCALATION_MINUTES_OFF_HOURS: int(15, 1, 24 * 60),
  BUSINESS_HOURS: optional.refine(
    (v) => v === undefined || parseBusinessHours(v) !== null,
    "expected hours such as 09:00-18:00",
  ),
  LOST_MODE_WIPE_AFTER_HOURS: int(24, 1, 24 * 30),
  // 32-byte key (base64 or hex) that encrypts private keys at rest.
  SECRET_ENCRYPTION_KEY: optional,
  // Renewals: the MDM vendor certificate and key that sign push-certificate requests.
  MDM_VENDOR_CERT_PATH: optional,
  MDM_VENDOR_KEY_PATH: optional,
  RENEWAL_REMINDER_DAYS: optional.transform((v, ctx) => {
    if (v === undefined) return [60, 30, 14, 7, 3, 1];
    const days = v.split(",").map((s) => Number(s.trim()));
    if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 365)) {
      ctx.addIssue({ code: "custom", message: `expected days before a deadline such as 60,30,14,7,3,1, got "${v}"` });
      return z.NEVER;
    }
    return [...new Set(days)].sort((a, b) => b - a);
  }),
  GMAIL_SIGNIN_MONTHS: int(12, 1, 24),
  LOST_DEVICE_POLICY_URL: url,
  // Real MDM drivers. Which driver new devices of each platform get:
  MDM_DRIVER_APPLE: optional.pipe(z.enum(["agent", "nanomdm"]).optional()).transform((v) => v ?? "agent"),
  MDM_DRIVER_ANDROID: optional.pipe(z.enum(["agent", "android"]).optional()).transform((v) => v ?? "agent"),
  // How long a call to NanoMDM or Google may take before it is retried later.
  MDM_REQUEST_TIMEOUT_MS: int(15_000, 100, 120_000),
  // A command sent with no answer after this long is re-checked (NanoMDM never retries a webhook).
  COMMAND_RECHECK_AFTER_MINUTES: int(60, 1, 10_080),
  NANOMDM_URL: url,
  NANOMDM_API_KEY: optional,
  // NanoMDM's -webhook-hmac-key: results are accepted only with a valid X-Hmac-Signature.
  NANOMDM_WEBHOOK_HMAC_KEY: optional,
  // PayloadIdentifier of the MDM enrolment profile devices install: removing company data from a
  // personal Apple device is RemoveProfile of this profile (incident response).
  APPLE_MDM_PROFILE_IDENTIFIER: optional,
  ANDROID_ENTERPRISE_ID: optional,
  // Service-account key file; GOOGLE_APPLICATION_CREDENTIALS is used when this is unset.
  ANDROID_SERVICE_ACCOUNT_JSON: optional,
  ANDROID_API_URL: url, // another API root (a proxy, or a local fake in tests)
  // Shared token Pub/Sub push requests carry (?token=…) on POST /webhooks/android-pubsub.
  ANDROID_PUBSUB_TOKEN: optional,
  // Pub/Sub's OIDC push authentication: the subscription's service account (the token's verified
  // email), its audience (default: PUBLIC_URL + /webhooks/android-pubsub), and where Google's
  // token-signing certificates are published (a local fake in tests).
  ANDROID_PUBSUB_SERVICE_ACCOUNT: optional.refine(
    (v) => v === undefined || /^[^@\s]+@[^@\s]+$/.test(v),
    "expected a service-account e-mail such as pubsub-push@my-project.iam.gserviceaccount.com",
  ),
  ANDROID_PUBSUB_AUDIENCE: optional,
  GOOGLE_OIDC_CERTS_URL: url,
  ANDROID_IMPORT_CRON: optional
    .transform((v) => v ?? "*/30 * * * *")
    .refine((v) => cron.validate(v), "expected a cron expression such as */30 * * * *"),
  // First run and diagnosis: how many replicas share the database (the doctor checks
  // PostgreSQL's max_connections against them), and a token that shows the setup state on / to
  // a browser that is not on this machine.
  APP_REPLICAS: int(1, 1, 1000),
  SETUP_TOKEN: optional,
  LOG_LEVEL: optional.pipe(z.enum(["debug", "info", "warn", "error"]).optional()).transform((v) => v ?? "info"),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  readonly code = "config_invalid";
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (parsed.success) {
    const zones = { DIGEST_TZ: parsed.data.DIGEST_TZ, APP_TIMEZONE: parsed.data.APP_TIMEZONE };
    for (const [name, zone] of Object.entries(zones)) {
      if (!isTimeZone(zone)) throw new ConfigError(`${name}: unknown time zone "${zone}" (e.g. Asia/Tokyo)`);
    }
    const c = parsed.data;
    if (c.MDM_DRIVER_APPLE === "nanomdm" && !(c.NANOMDM_URL && c.NANOMDM_API_KEY)) {
      throw new ConfigError("MDM_DRIVER_APPLE: nanomdm needs NANOMDM_URL and NANOMDM_API_KEY");
    }
    if (c.GOOGLE_FORM_POLL) {
      if (!c.GOOGLE_FORM_ID)
        throw new ConfigError("GOOGLE_FORM_POLL: the poller needs GOOGLE_FORM_ID (the id in the form's edit URL)");
      if (!c.GOOGLE_APPLICATION_CREDENTIALS)
        throw new ConfigError(
          "GOOGLE_FORM_POLL: the poller needs GOOGLE_APPLICATION_CREDENTIALS (a service-account key the form is shared with)",
        );
      // Apps Script's FormResponse.getId() ("2_ABaOnu…") is not the Forms API responseId
      // ("ACYDBN…"): a response arriving both ways cannot be recognised as one (decision 0130).
      if (c.GOOGLE_FORM_WEBHOOK_SECRET) {
        throw new ConfigError(
          "GOOGLE_FORM_POLL and GOOGLE_FORM_WEBHOOK_SECRET are both set: every response would arrive twice under two different ids and become two reports. Use one way in: unset GOOGLE_FORM_POLL (the Apps Script pushes) or GOOGLE_FORM_WEBHOOK_SECRET (the poller pulls)",
        );
      }
    }
    if (c.ANDROID_PUBSUB_SERVICE_ACCOUNT && !c.ANDROID_PUBSUB_AUDIENCE && !c.PUBLIC_URL)
      throw new ConfigError(
        "ANDROID_PUBSUB_SERVICE_ACCOUNT: set ANDROID_PUBSUB_AUDIENCE (the push subscription's audience) or PUBLIC_URL (the audience is then PUBLIC_URL/webhooks/android-pubsub)",
      );
    if (c.MDM_DRIVER_ANDROID === "android" && !c.ANDROID_ENTERPRISE_ID) {
      throw new ConfigError("MDM_DRIVER_ANDROID: android needs ANDROID_ENTERPRISE_ID (and a service-account key)");
    }
    return parsed.data;
  }
  const issue = parsed.error.issues[0]!;
  throw new ConfigError(`${issue.path.join(".")}: ${issue.message}`);
}

/** Slack is on only with both credentials; without them messages wait in the outbox. */
export const slackEnabled = (c: Config) => Boolean(c.SLACK_BOT_TOKEN && c.SLACK_SIGNING_SECRET);
