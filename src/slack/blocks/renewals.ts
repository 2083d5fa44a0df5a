// Block Kit for renewals and custody: reminders, the certificate and renewal lists, custody
// records, the handover checklist, and the modals that take files. Pure builders.
import { slackMarkup, slackMention } from "../edge.js";
import { confirmDialog } from "./confirm.js";
import type { types } from "@slack/bolt";
import type { AccountRole, CustodyAccount, RenewalKind } from "../../core/types.js";
import type { AddressWarning } from "../../core/custody/addresses.js";
import { OPTIONAL_ITEMS, type HandoverItemView } from "../../core/custody/handover.js";
import { RENEWAL_LINKS } from "../../core/renewals/kinds.js";
import { daysLeft } from "../../core/renewals/thresholds.js";
import { formatDate, t, type Locale } from "../../i18n/index.js";
import { button, context, section } from "./kit.js";

type KnownBlock = types.KnownBlock;
type View = types.View;

export const RENEWAL_GMAIL_SIGNED_IN = "renewal_gmail_signed_in";
export const RENEWAL_MARK_DONE = "renewal_mark_done";
/** The modal "Renewed" opens: the new deadline (or the Gmail's sign-in day), then confirm. */
export const RENEWAL_MARK_VIEW = "renewal_mark_renewed";
export const RENEWAL_DATE_BLOCK = "date";
export const CERT_OVERRIDE_REQUEST = "cert_topic_override_request";
export const CERT_OVERRIDE_CONFIRM = "cert_topic_override_confirm";
export const CERT_APPLE_ID_REQUEST = "cert_apple_id_change_request";
export const CERT_APPLE_ID_CONFIRM = "cert_apple_id_change_confirm";
export const HANDOVER_CONFIRM = "handover_confirm";
export const HANDOVER_NOT_APPLICABLE = "handover_not_applicable";
export const CERT_UPLOAD_VIEW = "cert_upload";
export const TOKEN_UPLOAD_VIEW = "renewal_token_upload";
export const CUSTODY_VIEW = "custody_record";
export const FILE_BLOCK = "file";

interface Ctx {
  locale: Locale;
  timeZone: string;
  now: Date;
}

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

/** "slack:U1" → a mention; other actors as recorded. */
export function who(actor: string | null | undefined): string {
  if (!actor) return "—";
  return actor.startsWith("slack:") ? slackMention(actor.slice(6)) : actor;
}

function appleIdOf(r: RenewalView): string | null {
  return ((r.details as { appleId?: string } | null)?.appleId ?? null) || r.account?.address || null;
}

/** The custody facts a person needs to sign in: account, password holder, 2FA phone. */
export function custodyLines(locale: Locale, account: CustodyAccount | null, fallbackAddress: string | null): string {
  const none = t(locale, "renewal.not_recorded");
  return [
    `*${t(locale, "renewal.field.account")}:* ${account?.address ?? fallbackAddress ?? none}`,
    `*${t(locale, "renewal.field.password_holder")}:* ${account?.passwordHolder ?? none}${account?.passwordLocation ? ` (${account.passwordLocation})` : ""}`,
    `*${t(locale, "renewal.field.two_factor")}:* ${account?.twoFactorHolder ?? none}`,
  ].join("\n");
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
      ? `\n${t(locale, "cert.facts", { topic: r.topic, serial: r.serial ?? "—" })}`
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

export interface CertOverview {
  current: RenewalView | null;
  requests: {
    id: string;
    appleId: string | null;
    requestedBy: string | null;
    createdAt: Date;
    uploadedAt: Date | null;
    hasCertificate: boolean;
  }[];
  pendingOverrides: { requestId: string; by: string }[];
}

export function certsText(o: CertOverview, ctx: Ctx): string {
  const { locale, timeZone } = ctx;
  const lines = [t(locale, "cert.list.title")];
  if (o.current?.expiresAt) {
    lines.push(renewalStatus(o.current, ctx));
    lines.push(`    ${t(locale, "cert.facts", { topic: o.current.topic ?? "—", serial: o.current.serial ?? "—" })}`);
    lines.push(
      `    ${t(locale, "cert.apple_id", { appleId: appleIdOf(o.current) ?? t(locale, "renewal.not_recorded") })}`,
    );
  } else {
    lines.push(t(locale, "cert.none"));
  }
  if (o.requests.length) {
    lines.push(t(locale, "cert.requests"));
    for (const r of o.requests) {
      const state = r.uploadedAt
        ? t(locale, "cert.request.installed")
        : r.hasCertificate
          ? t(locale, "cert.request.held")
          : t(locale, "cert.request.waiting");
      lines.push(
        `    • ${formatDate(r.createdAt, locale, timeZone)} ${who(r.requestedBy)} — ${state}${r.appleId ? ` · ${r.appleId}` : ""}`,
      );
    }
  }
  for (const p of o.pendingOverrides) lines.push(`:warning: ${t(locale, "cert.override.pending", { who: who(p.by) })}`);
  lines.push(t(locale, "cert.usage"));
  return lines.join("\n");
}

export function certRefusalMessage(
  reason: string,
  details: Record<string, unknown>,
  locale: Locale,
): { text: string; blocks: KnownBlock[] } {
  const text = t(
    locale,
    `cert.refused.${reason}`,
    Object.fromEntries(Object.entries(details).map(([k, v]) => [k, String(v)])),
  );
  const blocks: KnownBlock[] = [section(`:no_entry: ${text}`)];
  if (reason === "topic_changed" && typeof details.requestId === "string") {
    blocks.push(context(t(locale, "cert.override.explain")));
    blocks.push({
      type: "actions",
      elements: [
        {
          ...button(t(locale, "cert.override.request"), CERT_OVERRIDE_REQUEST, details.requestId, "danger"),
          confirm: confirmDialog("cert_override_request", locale, {}, { danger: true }),
        },
      ],
    });
  }
  if (reason === "apple_id_changed" && typeof details.request === "string") {
    blocks.push(context(t(locale, "cert.appleid.explain")));
    blocks.push({
      type: "actions",
      elements: [
        {
          ...button(t(locale, "cert.appleid.request"), CERT_APPLE_ID_REQUEST, details.request, "danger"),
          confirm: confirmDialog(
            "cert_override_request",
            locale,
            {},
            { danger: true, textKey: "cert.appleid.dialog.request" },
          ),
        },
      ],
    });
  }
  return { text, blocks };
}

/** The admin channel's half of an Apple ID change: the warning and the second admin's button. */
export function appleIdChangeRequestedMessage(
  changeId: string,
  by: string,
  recorded: string,
  next: string,
  locale: Locale,
): { text: string; blocks: KnownBlock[] } {
  const text = t(locale, "cert.appleid.requested", { who: who(by), recorded, next });
  return {
    text,
    blocks: [
      section(`:rotating_light: ${text}`),
      context(t(locale, "cert.appleid.second")),
      {
        type: "actions",
        block_id: `pushcert-appleid:${changeId}`,
        elements: [
          {
            ...button(t(locale, "cert.appleid.confirm"), CERT_APPLE_ID_CONFIRM, changeId, "danger"),
            confirm: confirmDialog(
              "cert_override_confirm",
              locale,
              {},
              { danger: true, textKey: "cert.appleid.dialog.confirm" },
            ),
          },
        ],
      },
    ],
  };
}

export function overrideRequestedMessage(
  requestId: string,
  by: string,
  currentTopic: string,
  newTopic: string,
  locale: Locale,
): { text: string; blocks: KnownBlock[] } {
  const text = t(locale, "cert.override.requested", { who: who(by), current: currentTopic, next: newTopic });
  return {
    text,
    blocks: [
      section(`:rotating_light: ${text}`),
      context(t(locale, "cert.override.second")),
      {
        type: "actions",
        block_id: `pushcert-override:${requestId}`,
        elements: [
          {
            ...button(t(locale, "cert.override.confirm"), CERT_OVERRIDE_CONFIRM, requestId, "danger"),
            confirm: confirmDialog("cert_override_confirm", locale, {}, { danger: true }),
          },
        ],
      },
    ],
  };
}

const STATE_ICON = {
  missing: ":x:",
  incomplete: ":warning:",
  ready: ":large_blue_circle:",
  confirmed: ":white_check_mark:",
  not_applicable: ":heavy_minus_sign:",
} as const;

export function handoverMessage(items: HandoverItemView[], ctx: Ctx): { text: string; blocks: KnownBlock[] } {
  const { locale, timeZone } = ctx;
  const blocks: KnownBlock[] = [section(`*${t(locale, "handover.title")}*`)];
  for (const item of items) {
    const lines = [
      `${STATE_ICON[item.state]} *${t(locale, `handover.item.${item.key}`)}* — ${t(locale, `handover.state.${item.state}`)}`,
    ];
    if (item.account)
      lines.push(`${item.account.address}${item.account.isGroupAddress ? ` (${t(locale, "custody.group")})` : ""}`);
    if (item.key === "internal_rules" && item.url)
      lines.push(slackMarkup(`<${item.url}|${t(locale, "handover.policy_link")}>`)); // set by an admin
    const missing = item.missing.filter((m) => m !== "account" && m !== "policy_url");
    if (missing.length)
      lines.push(
        t(locale, "handover.missing", { list: missing.map((m) => t(locale, `handover.missing.${m}`)).join(", ") }),
      );
    if (item.state === "missing")
      lines.push(t(locale, item.key === "internal_rules" ? "handover.hint.policy" : "handover.hint.custody"));
    for (const w of item.warnings) lines.push(`:warning: ${t(locale, `custody.warning.${w}`)}`);
    if (item.confirmedAt)
      lines.push(
        t(locale, "handover.confirmed_by", {
          who: who(item.confirmedBy),
          date: formatDate(item.confirmedAt, locale, timeZone),
        }),
      );
    const block: KnownBlock = { type: "section", text: { type: "mrkdwn", text: lines.join("\n") } };
    if (item.state === "ready")
      (block as { accessory?: unknown }).accessory = {
        ...button(t(locale, "handover.confirm"), HANDOVER_CONFIRM, item.key, "primary"),
        confirm: confirmDialog("handover_confirm", locale),
      };
    else if (item.state === "missing" && OPTIONAL_ITEMS.includes(item.key))
      (block as { accessory?: unknown }).accessory = {
        ...button(t(locale, "handover.not_used"), HANDOVER_NOT_APPLICABLE, item.key),
        confirm: confirmDialog("handover_not_used", locale),
      };
    blocks.push(block);
  }
  // Items not used here are neither confirmed nor left to do: they leave the count.
  const unused = items.filter((i) => i.state === "not_applicable").length;
  const done = items.filter((i) => i.state === "confirmed").length;
  const text = unused
    ? t(locale, "handover.summary.unused", { done, total: items.length - unused, unused })
    : t(locale, "handover.summary", { done, total: items.length });
  blocks.push(context(text));
  return { text, blocks };
}

export function warningLines(warnings: AddressWarning[], locale: Locale): string[] {
  return warnings.map((w) => `:warning: ${t(locale, `custody.warning.${w}`)}`);
}

export function custodyText(entries: { account: CustodyAccount; warnings: AddressWarning[] }[], ctx: Ctx): string {
  const { locale, timeZone } = ctx;
  const lines = [t(locale, "custody.title")];
  if (!entries.length) lines.push(t(locale, "custody.empty"));
  for (const { account: a, warnings } of entries) {
    lines.push(
      `• *${t(locale, `custody.role.${a.role}`)}* — ${a.address}${a.isGroupAddress ? ` (${t(locale, "custody.group")})` : ""}`,
    );
    lines.push(
      `    ${custodyLines(locale, a, null).split("\n").slice(1).join(" · ")} · ${t(locale, "custody.verified", { date: a.lastVerifiedAt ? formatDate(a.lastVerifiedAt, locale, timeZone) : t(locale, "custody.never") })}`,
    );
    lines.push(...warningLines(warnings, locale).map((l) => `    ${l}`));
  }
  lines.push(t(locale, "custody.usage"));
  return lines.join("\n");
}

export const CUSTODY_ROLES: readonly AccountRole[] = [
  "PANEL_CONTACT",
  "PANEL_SYSTEM_ADMIN",
  "PUSH_CERT_APPLE_ID",
  "ABM_APPLE_ID",
  "ANDROID_ENTERPRISE_GMAIL",
];

const input = (block_id: string, label: string, initial: string | null | undefined, optional = true): KnownBlock => ({
  type: "input",
  block_id,
  optional,
  label: { type: "plain_text", text: label },
  element: { type: "plain_text_input", action_id: "value", ...(initial ? { initial_value: initial } : {}) },
});

/** Records who holds an account; there is deliberately no password field. */
export function custodyModal(locale: Locale, role: AccountRole, existing: CustodyAccount | null): View {
  const groupOption = { text: { type: "plain_text" as const, text: t(locale, "custody.modal.group") }, value: "group" };
  const verifiedOption = {
    text: { type: "plain_text" as const, text: t(locale, "custody.modal.verified") },
    value: "verified",
  };
  return {
    type: "modal",
    callback_id: CUSTODY_VIEW,
    private_metadata: role,
    title: { type: "plain_text", text: t(locale, "custody.modal.title") },
    submit: { type: "plain_text", text: t(locale, "custody.modal.submit") },
    close: { type: "plain_text", text: t(locale, "custody.modal.cancel") },
    blocks: [
      section(`*${t(locale, `custody.role.${role}`)}*\n${t(locale, "custody.modal.intro")}`),
      input("address", t(locale, "custody.modal.address"), existing?.address, false),
      {
        type: "input",
        block_id: "flags",
        optional: true,
        label: { type: "plain_text", text: t(locale, "custody.modal.flags") },
        element: {
          type: "checkboxes",
          action_id: "value",
          options: [groupOption, verifiedOption],
          ...(existing?.isGroupAddress ? { initial_options: [groupOption] } : {}),
        },
      },
      input("password_holder", t(locale, "custody.modal.password_holder"), existing?.passwordHolder),
      input("password_location", t(locale, "custody.modal.password_location"), existing?.passwordLocation),
      input("two_factor_holder", t(locale, "custody.modal.two_factor_holder"), existing?.twoFactorHolder),
    ],
  };
}

/** A slash command cannot carry a file: the modal's file input does. */
export function fileUploadModal(
  locale: Locale,
  callbackId: string,
  titleKey: string,
  introKey: string,
  metadata: string,
): View {
  return {
    type: "modal",
    callback_id: callbackId,
    private_metadata: metadata,
    title: { type: "plain_text", text: t(locale, titleKey) },
    submit: { type: "plain_text", text: t(locale, "upload.submit") },
    close: { type: "plain_text", text: t(locale, "custody.modal.cancel") },
    blocks: [
      section(t(locale, introKey)),
      {
        type: "input",
        block_id: FILE_BLOCK,
        label: { type: "plain_text", text: t(locale, "upload.file") },
        element: { type: "file_input", action_id: "file", max_files: 1 },
      } as unknown as KnownBlock,
    ],
  };
}
