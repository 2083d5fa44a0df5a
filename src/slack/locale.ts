// The language a Slack user reads: their own setting, else their Slack locale, else APP_LOCALE.
import { pickLocale, type Locale } from "../i18n/index.js";
import type { SlackDeps } from "./app.js";

export async function localeFor(deps: SlackDeps, slackUserId: string): Promise<Locale> {
  const person = await deps.core.deps.db.person.findUnique({ where: { slackUserId }, select: { locale: true } });
  return pickLocale([person?.locale], deps.config.APP_LOCALE);
}
