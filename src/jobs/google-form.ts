// The scheduled pull of Google Form responses, on only with its own switch GOOGLE_FORM_POLL
// (config.ts checks it has GOOGLE_FORM_ID and a service-account key, and that the Apps Script
// webhook is not also on). Runs once per fire across replicas.
import type { JobContext } from "./context.js";
import type { Job } from "./scheduler.js";
import { titleMap } from "../google/mapping.js";
import { FORMS_SCOPES, GoogleFormPoller } from "../google/poller.js";
import { googleQuota } from "../lib/quota.js";

export function googleFormJobs(ctx: Pick<JobContext, "core" | "config">, opts: { auth?: unknown } = {}): Job[] {
  const { config, core } = ctx;
  const formId = config.GOOGLE_FORM_ID;
  if (!config.GOOGLE_FORM_POLL || !formId || !(opts.auth || config.GOOGLE_APPLICATION_CREDENTIALS)) return [];
  let poller: GoogleFormPoller | null = null;
  const get = async () => {
    if (poller) return poller;
    let auth = opts.auth;
    if (!auth) {
      const { GoogleAuth } = await import("google-auth-library");
      auth = new GoogleAuth({ keyFile: config.GOOGLE_APPLICATION_CREDENTIALS, scopes: FORMS_SCOPES });
    }
    poller = new GoogleFormPoller({
      core,
      formId,
      auth,
      rootUrl: config.GOOGLE_API_URL,
      titles: titleMap(config.GOOGLE_FORM_FIELD_MAP),
      timeZone: config.APP_TIMEZONE,
      fallbackLocale: config.APP_LOCALE,
      since: config.GOOGLE_FORM_POLL_SINCE,
      quota: googleQuota({ queriesPer100s: config.GOOGLE_API_QUOTA_PER_100S, replicas: config.APP_REPLICAS }, () =>
        Date.now(),
      ),
    });
    return poller;
  };
  return [
    { name: "google-form-poll", cron: config.GOOGLE_FORM_POLL_CRON, run: async (now) => (await get()).poll(now) },
  ];
}
