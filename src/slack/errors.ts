// Errors → what a person reads in Slack, translated once here for every listener.
import type { RespondFn } from "@slack/bolt";
import { DomainError } from "../core/errors.js";
import { t, textOr, type Locale } from "../i18n/index.js";
import { log } from "../log.js";
import { slackText } from "./edge.js";

export function errorText(err: unknown, locale: Locale): string {
  if (err instanceof DomainError) {
    // Domain messages are written for people, and may quote what they typed: shown as text.
    // The prefix says what kind of problem it is.
    const message = reasonText(err, locale);
    return `:warning: ${textOr(locale, `error.${err.code}`, message, { reason: message, what: message })}`;
  }
  // A modal opened after Slack's 3-second trigger window (a busy replica): only a new click helps.
  if ((err as { data?: { error?: string } })?.data?.error === "expired_trigger_id") {
    log.warn("modal trigger expired before views.open");
    return `:hourglass: ${t(locale, "error.trigger_expired")}`;
  }
  log.error("slack handler failed", { err: err instanceof Error ? err.message : String(err) });
  return `:warning: ${t(locale, "error.generic")}`;
}

/**
 * Why the core refused, in the reader's language: its reason from the catalog (`error.reason.<reason>`,
 * or the full key some refusals name in `details.reasonKey`), the values it names shown as text.
 * A refusal the catalog cannot name falls back to the core's English rather than a raw key.
 */
export function reasonText(err: DomainError, locale: Locale): string {
  const reasonKey = err.details.reasonKey;
  const key = err.reason ? `error.reason.${err.reason}` : typeof reasonKey === "string" ? reasonKey : undefined;
  if (!key) return slackText(err.message);
  const params = Object.fromEntries(
    Object.entries(err.params).map(([k, v]) => [k, typeof v === "string" ? slackText(v) : v]),
  );
  return textOr(locale, key, slackText(err.message), params);
}

export async function replyWithError(respond: RespondFn, err: unknown, locale: Locale): Promise<void> {
  await respond({ response_type: "ephemeral", replace_original: false, text: errorText(err, locale) }).catch(() => {});
}
