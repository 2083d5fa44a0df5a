// Errors → what a person reads in Slack, translated once here for every listener.
import type { RespondFn } from "@slack/bolt";
import { DomainError } from "../core/errors.js";
import { t, textOr, type Locale } from "../i18n/index.js";
import { refusalText } from "../i18n/refusal.js";
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

/** Why the core refused, in the reader's language (see refusalText), values shown as Slack text. */
export function reasonText(err: DomainError, locale: Locale): string {
  return refusalText(err, locale, slackText);
}

export async function replyWithError(respond: RespondFn, err: unknown, locale: Locale): Promise<void> {
  await respond({ response_type: "ephemeral", replace_original: false, text: errorText(err, locale) }).catch(() => {});
}
