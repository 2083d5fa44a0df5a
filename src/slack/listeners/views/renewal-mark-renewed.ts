// The "record a renewal" form: opened from a reminder's button or `/mdm renewals done <kind>`;
// submitted, the core records the new deadline only if it is later than the current one (else
// the form stays open saying why). The outcome goes to the admin privately; the channel hears
// the renewal from the core's event.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../../core/actors.js";
import { InvalidInputError } from "../../../core/errors.js";
import { addMonths, parseDay } from "../../../core/renewals/thresholds.js";
import { dayIn } from "../../../core/digest/index.js";
import { formatDate, t, textOr, type Locale } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { markRenewedModal, RENEWAL_DATE_BLOCK } from "../../blocks/renewals.js";
import { ackSafely, refusalText } from "../../button.js";
import { whoIsActing } from "../../locale.js";
import { modalContext, tellAdmin } from "./command-modal-support.js";

export async function openMarkRenewed(
  deps: SlackDeps,
  o: {
    actor: Actor;
    locale: Locale;
    renewalId: string;
    triggerId: string;
    channel: string | null;
    client: WebClient;
    day?: string;
  },
) {
  deps.core.actors.requireAdmin(o.actor);
  const renewal = await deps.core.renewals.get(o.renewalId);
  const tz = deps.config.APP_TIMEZONE;
  const now = deps.core.clock.now();
  // A guess to correct, never to accept blindly: a year after the current deadline (Apple), today (Gmail).
  const guess =
    o.day ??
    (renewal.kind === "ANDROID_ENTERPRISE_GMAIL" || !renewal.expiresAt
      ? dayIn(now, tz)
      : dayIn(addMonths(renewal.expiresAt, 12), tz));
  const view = markRenewedModal(
    { ...renewal, account: null },
    { locale: o.locale, timeZone: tz, now },
    guess,
    o.channel,
  );
  await o.client.views.open({ trigger_id: o.triggerId, view });
}

export function renewalMarkRenewedSubmitted(deps: SlackDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const {
      actor,
      reader: { locale, timeZone },
    } = await whoIsActing(deps, body.user.id);
    const meta = modalContext(view.private_metadata) as { id?: string; ch?: string };
    const values = view.state.values as Record<string, Record<string, { selected_date?: string | null }>>;
    const picked = values[RENEWAL_DATE_BLOCK]?.value?.selected_date ?? "";
    const date = picked ? parseDay(picked, deps.config.APP_TIMEZONE) : null;
    if (!date)
      return void (await ack({
        response_action: "errors",
        errors: { [RENEWAL_DATE_BLOCK]: t(locale, "renewal.mark.date_required") },
      }));
    try {
      // A short transaction, so the form can stay open with the reason next to the date.
      const current = await deps.core.renewals.get(meta.id ?? "");
      const input = current.kind === "ANDROID_ENTERPRISE_GMAIL" ? { signedInAt: date } : { newDeadline: date };
      const r = await deps.core.renewals.markRenewed(actor, current.id, input);
      await ackSafely(() => ack());
      const text = t(locale, "renewal.done_ack", {
        what: t(locale, `renewal.kind.${r.kind}`),
        deadline: formatDate(r.expiresAt!, locale, timeZone),
      });
      await tellAdmin(client, { ch: meta.ch }, body.user.id, `:white_check_mark: ${text}`);
    } catch (err) {
      if (err instanceof InvalidInputError && typeof err.details.reason === "string") {
        return void (await ack({
          response_action: "errors",
          errors: { [RENEWAL_DATE_BLOCK]: textOr(locale, `renewal.mark.${err.details.reason}`, err.message) },
        }));
      }
      await ackSafely(() => ack());
      await tellAdmin(client, { ch: meta.ch }, body.user.id, refusalText(err, locale));
    }
  };
}
