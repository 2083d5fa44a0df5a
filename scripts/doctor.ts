// npm run doctor — checks every configured integration for real and prints one line each, with
// the README section that fixes what fails: the database (version, max_connections against
// APP_REPLICAS), Slack (token, scopes against slack-app-manifest.yml, the bot in
// SLACK_ADMIN_CHANNEL, e-mail addresses from users.info), NanoMDM (reachable, API key, webhook
// key), the Android Management API (enterprise readable), the Google Form (readable by the
// service account), the digest schedule and the push certificate's expiry.
// Exit status 1 when something configured fails, 0 otherwise (warnings included).
//   npm run doctor            (APP_LOCALE decides the language; --lang en|ja to choose; --json)
import { parseArgs } from "node:util";
import { ConfigError } from "../src/config.js";
import { systemClock } from "../src/core/clock.js";
import { isLocale, keyOf, t, type Locale } from "../src/i18n/index.js";
import { configureLog } from "../src/log.js";
import { runChecks, type CheckResult } from "../src/setup/index.js";
import { readmeSection } from "../src/web/routes/landing.js";
import { withCliCore } from "./cli-core.js";

const { values: args } = parseArgs({ options: { lang: { type: "string" }, json: { type: "boolean" } } });
configureLog({ level: "error" });

const MARK: Record<CheckResult["status"], string> = { ok: "✔", not_configured: "–", warning: "!", failing: "✘" };

export function formatLine(r: CheckResult, locale: Locale): string {
  const head = `${MARK[r.status]} ${t(locale, keyOf("setup.title.", r.id))}: ${t(locale, `setup.status.${r.status}`)} — ${t(locale, r.detail, r.vars)}`;
  return r.fix && r.status !== "ok" ? `${head}\n    → README § ${readmeSection(r.fix)}` : head;
}

try {
  const results = await withCliCore(async ({ core, db, config }) =>
    runChecks({ config, db, core, clock: systemClock }),
  );
  const locale: Locale = isLocale(args.lang)
    ? args.lang
    : isLocale(process.env.APP_LOCALE)
      ? process.env.APP_LOCALE
      : "ja";
  if (args.json)
    console.log(
      JSON.stringify(
        results.map((r) => ({ ...r, text: t(locale, r.detail, r.vars) })),
        null,
        2,
      ),
    );
  else for (const r of results) console.log(formatLine(r, locale));
  const failing = results.filter((r) => r.status === "failing").length;
  if (!args.json) console.log(failing ? `\n${failing} ✘` : "");
  process.exitCode = failing ? 1 : 0;
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`Configuration error: ${err.message}`);
    process.exit(2);
  }
  console.error(`doctor could not run: ${(err as Error).message}`);
  process.exit(2);
}
