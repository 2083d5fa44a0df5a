// The admin channel's question when a known device enrolled again without proving it is that
// device: what it is now and what the claim would make it (platform, supervision, owner,
// department), and the two buttons. Values people or devices sent are escaped.
import type { types } from "@slack/bolt";
import { t, type Locale, keyOf, type MessageKey } from "../../i18n/index.js";
import type { Platform } from "../../core/types.js";
import { escapeMrkdwn } from "./kit.js";

type KnownBlock = types.KnownBlock;

export const ENROLLMENT_CLAIM_ACTIONS = {
  approve: "enrollment_claim_approve",
  reject: "enrollment_claim_reject",
} as const;

export interface ClaimSide {
  platform: Platform;
  supervised: boolean;
  owner: string | null;
  department: string | null;
}

export function enrollmentClaimMessage(
  claim: { id: string; deviceName: string; serial: string | null; udid: string | null; imei: string | null },
  before: ClaimSide,
  after: ClaimSide,
  locale: Locale,
  /** Once decided: who and when, in place of the buttons (they cannot be clicked again). */
  decided?: { approved: boolean; who: string; at: string },
): { text: string; blocks: KnownBlock[] } {
  const side = (s: ClaimSide) =>
    [
      `${t(locale, "enroll.claim.platform")}: ${t(locale, keyOf("incident.platform.", s.platform))}`,
      `${t(locale, "enroll.claim.supervised")}: ${t(locale, s.supervised ? "enroll.claim.yes" : "enroll.claim.no")}`,
      `${t(locale, "enroll.claim.owner")}: ${escapeMrkdwn(s.owner ?? "—")}`,
      `${t(locale, "enroll.claim.department")}: ${escapeMrkdwn(s.department ?? "—")}`,
    ].join("\n");
  const ids = [claim.serial, claim.udid, claim.imei]
    .filter(Boolean)
    .map((x) => escapeMrkdwn(x!))
    .join(" / ");
  const text = t(locale, "enroll.claim.text", { device: escapeMrkdwn(claim.deviceName), ids });
  const button = (action: string, label: MessageKey, style?: "primary" | "danger") => ({
    type: "button" as const,
    action_id: action,
    value: claim.id,
    text: { type: "plain_text" as const, text: t(locale, label) },
    ...(style ? { style } : {}),
  });
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `:warning: ${text}` } },
      {
        type: "section",
        fields: [
          { type: "mrkdwn", text: `*${t(locale, "enroll.claim.now")}*\n${side(before)}` },
          { type: "mrkdwn", text: `*${t(locale, "enroll.claim.claimed")}*\n${side(after)}` },
        ],
      },
      ...(decided
        ? [
            {
              type: "context" as const,
              elements: [
                {
                  type: "mrkdwn" as const,
                  text: t(
                    locale,
                    decided.approved ? "enroll.claim.decided.approved" : "enroll.claim.decided.rejected",
                    {
                      who: decided.who,
                      at: decided.at,
                    },
                  ),
                },
              ],
            },
          ]
        : [
            { type: "context" as const, elements: [{ type: "mrkdwn" as const, text: t(locale, "enroll.claim.help") }] },
            {
              type: "actions" as const,
              block_id: `enrollment-claim:${claim.id}`,
              elements: [
                button(ENROLLMENT_CLAIM_ACTIONS.approve, "enroll.claim.approve", "danger"),
                button(ENROLLMENT_CLAIM_ACTIONS.reject, "enroll.claim.reject"),
              ],
            },
          ]),
    ],
  };
}
