// The response policy as Slack shows it: the policy card and one change in words. Pure.
import { slackMention } from "../edge.js";
import type { PolicyChangeValue, ResponsePolicy } from "../../core/brake/policy.js";
import { t, type Locale } from "../../i18n/index.js";

export const POLICY_ACTIONS = { approve: "policy_change_approve", withdraw: "policy_change_withdraw" } as const;

export function changeText(change: PolicyChangeValue, locale: Locale): string {
  if (change.kind === "wipe_limit") return t(locale, "brake.policy.change.wipe_limit", { limit: change.perHour });
  return t(locale, change.required ? "brake.policy.change.approval_on" : "brake.policy.change.approval_off", {
    type: t(locale, `command.type.${change.type}`),
  });
}

export function policyText(
  policy: ResponsePolicy,
  pending: { change: PolicyChangeValue; proposedBy: string }[],
  locale: Locale,
): string {
  const types = policy.secondAdmin.length
    ? policy.secondAdmin.map((x) => t(locale, `command.type.${x}`)).join(", ")
    : t(locale, "brake.policy.none");
  const lines = [
    t(locale, "brake.policy.title"),
    t(locale, "brake.policy.limit", { limit: policy.wipeLimitPerHour }),
    t(locale, "brake.policy.second_admin", { types }),
    ...pending.map((p) =>
      t(locale, "brake.policy.pending", {
        change: changeText(p.change, locale),
        who: p.proposedBy.startsWith("slack:") ? slackMention(p.proposedBy.slice(6)) : p.proposedBy,
      }),
    ),
  ];
  return lines.join("\n");
}
