// Block Kit for the Apple MDM push certificate: the `/mdm certs` overview, a refused upload
// (and the two-administrator override it may offer), and the admin channel's notices of a topic
// or Apple ID change waiting for the second administrator. Renewed, never replaced: a new topic
// or another Apple ID cuts every enrolled Apple device off. Pure builders.
import type { types } from "@slack/bolt";
import type { RefusalReason } from "../../core/certificates/refusal.js";
import { formatDate, keyOf, t, type Locale } from "../../i18n/index.js";
import { who } from "./actor.js";
import { confirmDialog } from "./confirm.js";
import { button, context, escapeMrkdwn, section } from "./kit.js";
import { appleIdOf, renewalStatus, type RenewalContext, type RenewalView } from "./renewals.js";

type KnownBlock = types.KnownBlock;

export const CERT_OVERRIDE_REQUEST = "cert_topic_override_request";
export const CERT_OVERRIDE_CONFIRM = "cert_topic_override_confirm";
export const CERT_APPLE_ID_REQUEST = "cert_apple_id_change_request";
export const CERT_APPLE_ID_CONFIRM = "cert_apple_id_change_confirm";
export const CERT_UPLOAD_VIEW = "cert_upload";

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

export function certsText(o: CertOverview, ctx: RenewalContext): string {
  const { locale, timeZone } = ctx;
  const lines = [t(locale, "cert.list.title")];
  if (o.current?.expiresAt) {
    lines.push(renewalStatus(o.current, ctx));
    lines.push(
      `    ${t(locale, "cert.facts", { topic: escapeMrkdwn(o.current.topic ?? "—"), serial: escapeMrkdwn(o.current.serial ?? "—") })}`,
    );
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
        `    • ${formatDate(r.createdAt, locale, timeZone)} ${who(r.requestedBy)} — ${state}${r.appleId ? ` · ${escapeMrkdwn(r.appleId)}` : ""}`,
      );
    }
  }
  for (const p of o.pendingOverrides) lines.push(`:warning: ${t(locale, "cert.override.pending", { who: who(p.by) })}`);
  lines.push(t(locale, "cert.usage"));
  return lines.join("\n");
}

export function certRefusalMessage(
  reason: RefusalReason,
  details: Record<string, unknown>,
  locale: Locale,
): { text: string; blocks: KnownBlock[] } {
  const text = t(
    locale,
    keyOf("cert.refused.", reason),
    // Every detail is a value someone typed or a certificate carried (an Apple ID, a topic).
    Object.fromEntries(Object.entries(details).map(([k, v]) => [k, escapeMrkdwn(String(v))])),
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
  const text = t(locale, "cert.appleid.requested", {
    who: who(by),
    recorded: escapeMrkdwn(recorded),
    next: escapeMrkdwn(next),
  });
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
  const text = t(locale, "cert.override.requested", {
    who: who(by),
    current: escapeMrkdwn(currentTopic),
    next: escapeMrkdwn(newTopic),
  });
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
