// Owners' and department admins' own summaries, by DM. They are queued at 10:00 as compact rows
// (who, which digest window; the dedupe key names the day and the person) and built here when
// the bulk lane delivers them: from the committed alerts of that window, in the reader's language
// and time zone as they are at that moment.
import type { Core } from "../../core/index.js";
import { isPersonalDigestPayload } from "../../core/digest/index.js";
import { pickLocale, type Locale } from "../../i18n/index.js";
import { personalDigestMessage } from "../blocks/digest.js";

/** A time zone Intl knows; anything else (a hand-edited row) falls back to the company's. */
function knownZone(zone: string | null, fallback: string): string {
  if (!zone) return fallback;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return fallback;
  }
}

/**
 * The outbox delivery's hook for rows built at delivery: a queued digest DM becomes its message
 * (undefined for any other row: sent as queued; null: nobody or nothing left to tell).
 */
export function digestDmAtDelivery(core: Pick<Core, "digest">, ctx: { locale: Locale; timeZone: string }) {
  return async (
    method: string,
    payload: Record<string, unknown>,
  ): Promise<Record<string, unknown> | null | undefined> => {
    if (method !== "dm" || !isPersonalDigestPayload(payload)) return undefined;
    const ref = payload.digest;
    const s = await core.digest.personalSummary(ref);
    if (!s) return null;
    const message = personalDigestMessage(
      s,
      { at: new Date(ref.at), since: new Date(ref.since) },
      { locale: pickLocale([s.locale], ctx.locale), timeZone: knownZone(s.timeZone, ctx.timeZone), kind: ref.kind },
    );
    // To the person's Slack id as it is now (relinked since 10:00: the new one).
    return { user: s.slackUserId, ...message };
  };
}
