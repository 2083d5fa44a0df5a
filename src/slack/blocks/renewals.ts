// Block Kit for the yearly renewal deadlines (Apple push certificate, Apple Business/School
// Manager tokens, the Android Enterprise admin Gmail's sign-in): the reminder, the "renewed"
// notice, the modal that records the new deadline, and the list `/mdm renewals` shows. Pure builders.
import type { types } from "@slack/bolt";
import type { CustodyAccount, RenewalKind } from "../../core/types.js";
import { RENEWAL_LINKS } from "../../core/renewals/kinds.js";
import { daysLeft } from "../../core/renewals/thresholds.js";
import { formatDate, t, type Locale } from "../../i18n/index.js";
import { who } from "./actor.js";
import { custodyLines } from "./custody.js";
import { button, context, escapeMrkdwn, section } from "./kit.js";

type KnownBlock = types.KnownBlock;
type View = types.View;

export const RENEWAL_GMAIL_SIGNED_IN = "renewal_gmail_signed_in";
export const RENEWAL_MARK_DONE = "renewal_mark_done";
/** The modal "Renewed" opens: the new deadline (or the Gmail's sign-in day), then confirm. */
export const RENEWAL_MARK_VIEW = "renewal_mark_renewed";
export const RENEWAL_DATE_BLOCK = "date";
/** The modal that takes a renewed Apple Business/School Manager token file. */
export const TOKEN_UPLOAD_VIEW = "renewal_token_upload";

/** What the renewal builders need of the reader and the moment. */
export interface RenewalContext {
  locale: Locale;
  timeZone: string;
  now: Date;
}
type Ctx = RenewalContext;

export interface RenewalView {
  id: string;
  kind: RenewalKind;
  expiresAt: Date | null;
  lastSignInAt: Date | null;
  topic: string | null;
  serial: string | null;
  details: unknown;
  renewedAt: Date | null;
  renewedBy: string | null;
  account: CustodyAccount | null;
}

/** The Apple ID a renewal is made with: the one recorded on it, else its custody account's; as text (an admin typed it). */
export function appleIdOf(r: RenewalView): string | null {
  const id = ((r.details as { appleId?: string } | null)?.appleId ?? null) || r.account?.address || null;
  return id && escapeMrkdwn(id);
}

export function reminderMessage(r: RenewalView, key: string, ctx: Ctx): { text: string; blocks: KnownBlock[] } {
  const { locale, timeZone } = ctx;
  const what = t(locale, `renewal.kind.${r.kind}`);
  const deadline = formatDate(r.expiresAt!, locale, timeZone);
  const left = daysLeft(r.expiresAt!, ctx.now);
  const text = key.includes("overdue:")
    ? t(locale, "renewal.reminder.overdue", { what, deadline, days: Math.max(0, -left) })
    : t(locale, "renewal.reminder.due", { what, deadline, days: left });
  const actions = [
    ...(r.kind === "ANDROID_ENTERPRISE_GMAIL"
      ? [button(t(locale, "renewal.button.signed_in"), RENEWAL_GMAIL_SIGNED_IN, r.id, "primary")]
      : []),
    button(t(locale, "renewal.button.done"), RENEWAL_MARK_DONE, r.id),
  ];
  return {
    text,
    blocks: [
      section(`${key.includes("overdue:") ? ":rotating_light:" : ":alarm_clock:"} *${text}*`),
      section(custodyLines(locale, r.account, appleIdOf(r))),
      section(
        `${t(locale, `renewal.steps.${r.kind}`, { link: RENEWAL_LINKS[r.kind], appleId: appleIdOf(r) ?? t(locale, "renewal.not_recorded") })}`,
      ),
      { type: "actions", block_id: `renewal:${r.id}`, elements: actions },
    ],
  };
}

export type RenewedHow = "renewed" | "replaced" | "installed" | "signed_in" | "marked";

/** The admin channel hears every new deadline — a replacement as the replacement it is. */
export function renewedMessage(
  r: RenewalView,
  actor: string,
  ctx: Ctx,
  how: RenewedHow = "renewed",
  previous: Date | null = null,
): { text: string; blocks: KnownBlock[] } {
  const { locale, timeZone } = ctx;
  const what = t(locale, `renewal.kind.${r.kind}`);
  const deadline = r.expiresAt ? formatDate(r.expiresAt, locale, timeZone) : "—";
  const text = t(locale, `renewal.renewed.${how}`, {
    what,
    who: who(actor),
    deadline,
    previous: previous ? formatDate(previous, locale, timeZone) : "—",
  });
  const extra =
    r.kind === "PUSH_CERTIFICATE" && r.topic
      ? `\n${t(locale, "cert.facts", { topic: escapeMrkdwn(r.topic), serial: escapeMrkdwn(r.serial ?? "—") })}`
      : "";
  const icon = how === "replaced" ? ":rotating_light:" : ":white_check_mark:";
  return { text, blocks: [section(`${icon} ${text}${extra}`)] };
}

/** "Renewed" on a reminder or `/mdm renewals done`: asks for the new date; submitting confirms. */
export function markRenewedModal(r: RenewalView, ctx: Ctx, initialDay: string, channel: string | null): View {
  const { locale, timeZone } = ctx;
  const gmail = r.kind === "ANDROID_ENTERPRISE_GMAIL";
  const what = t(locale, `renewal.kind.${r.kind}`);
  const current = r.expiresAt ? formatDate(r.expiresAt, locale, timeZone) : t(locale, "renewal.no_deadline");
  return {
    type: "modal",
    callback_id: RENEWAL_MARK_VIEW,
    private_metadata: JSON.stringify({ id: r.id, ch: channel }),
    title: { type: "plain_text", text: t(locale, "renewal.mark.title") },
    submit: { type: "plain_text", text: t(locale, "renewal.mark.submit") },
    close: { type: "plain_text", text: t(locale, "custody.modal.cancel") },
    blocks: [
      section(t(locale, gmail ? "renewal.mark.intro.gmail" : "renewal.mark.intro", { what, current })),
      {
        type: "input",
        block_id: RENEWAL_DATE_BLOCK,
        label: { type: "plain_text", text: t(locale, gmail ? "renewal.mark.date.gmail" : "renewal.mark.date") },
        element: { type: "datepicker", action_id: "value", initial_date: initialDay },
      } as KnownBlock,
      context(t(locale, "renewal.mark.confirm", { what })),
    ],
  };
}

export function renewalStatus(r: RenewalView, ctx: Ctx): string {
  const { locale, timeZone } = ctx;
  const what = t(locale, `renewal.kind.${r.kind}`);
  if (!r.expiresAt) return `• *${what}* — ${t(locale, "renewal.no_deadline")}`;
  const left = daysLeft(r.expiresAt, ctx.now);
  const state =
    left <= 0 ? t(locale, "renewal.state.overdue", { days: -left }) : t(locale, "renewal.state.left", { days: left });
  const renewed = r.renewedAt
    ? ` · ${t(locale, "renewal.state.renewed", { who: who(r.renewedBy), date: formatDate(r.renewedAt, locale, timeZone) })}`
    : "";
  const signIn = r.lastSignInAt
    ? ` · ${t(locale, "renewal.last_sign_in", { date: formatDate(r.lastSignInAt, locale, timeZone) })}`
    : "";
  const account = appleIdOf(r) ? ` · ${appleIdOf(r)}` : "";
  return `• *${what}* — ${formatDate(r.expiresAt, locale, timeZone)} (${state})${signIn}${account}${renewed}`;
}

export function renewalsList(renewals: RenewalView[], ctx: Ctx): string {
  const lines = renewals.map((r) => renewalStatus(r, ctx));
  return [
    t(ctx.locale, "renewal.list.title"),
    ...(lines.length ? lines : [t(ctx.locale, "renewal.list.empty")]),
    t(ctx.locale, "renewal.list.usage"),
  ].join("\n");
}
