// The theft and loss checklist as Slack shows it: the answers with who and when, what they mean
// for a report to the Personal Information Protection Commission, and the form to record them.
// Pure: data in, Block Kit out.
import { slackMention, slackText } from "../edge.js";
import type { Assessment } from "../../core/response/appi.js";
import type { ChecklistState } from "../../core/response/checklist.js";
import { formatDateTime, t, type Locale, textOr } from "../../i18n/index.js";
import { mrkdwn, plain } from "./kit.js";

export const CHECKLIST_ACTIONS = { open: "checklist_open" } as const;
export const CHECKLIST_VIEW = "checklist_submit";
type Block = Record<string, unknown>;
const plainText = (text: string) => plain(text, 150);
const SHOWN = [
  "carrier_suspended",
  "police_report",
  "personal_data",
  "encrypted",
  "people_count",
  "sensitive",
  "financial",
  "wrongful",
  "ppc_preliminary_filed",
  "ppc_final_filed",
] as const;

function valueText(key: string, value: unknown, locale: Locale): string {
  if (value === true) return t(locale, "checklist.yes");
  if (value === false) return t(locale, "checklist.no");
  if (key === "police_report" && value && typeof value === "object") {
    // The receipt number is typed by an administrator: a value, shown as text.
    const v = value as { kind: string; number?: string };
    return `${textOr(locale, `checklist.police.${v.kind}`, slackText(v.kind))}${v.number ? ` · ${t(locale, "checklist.police.number")} ${slackText(v.number)}` : ""}`;
  }
  return String(value);
}

export function assessmentText(a: Assessment, locale: Locale, timeZone: string): string {
  if (a.verdict !== "likely_required") return t(locale, `checklist.verdict.${a.verdict}`);
  return t(locale, "checklist.verdict.likely_required", {
    reasons: a.reasons.map((r) => t(locale, `checklist.reason.${r}`)).join(", "),
    preliminary: formatDateTime(a.preliminaryDue!, locale, timeZone, { year: true }),
    final: formatDateTime(a.finalDue!, locale, timeZone, { year: true }),
    days: a.finalDays!,
  });
}

export function checklistMessage(
  s: ChecklistState,
  locale: Locale,
  timeZone: string,
): { text: string; blocks: Block[] } {
  const byKey = new Map(s.items.map((i) => [i.key, i]));
  const lines = SHOWN.map((key) => {
    const item = byKey.get(key);
    const label = t(locale, `checklist.item.${key}`);
    if (!item) return `:white_square: ${label}`;
    const who = item.checkedBy.startsWith("slack:") ? slackMention(item.checkedBy.slice(6)) : slackText(item.checkedBy);
    return `:ballot_box_with_check: ${label}: *${valueText(key, item.value, locale)}* — ${who}, ${formatDateTime(item.checkedAt, locale, timeZone)}`;
  });
  const title = t(locale, "checklist.title", { reference: s.reference });
  const verdict = assessmentText(s.assessment, locale, timeZone);
  return {
    text: `${title}\n${verdict}`,
    blocks: [
      { type: "section", text: mrkdwn(`*${title}*\n${lines.join("\n")}`) },
      { type: "section", text: mrkdwn(verdict) },
      {
        type: "actions",
        block_id: `checklist:${s.reportId}`,
        elements: [
          {
            type: "button",
            action_id: CHECKLIST_ACTIONS.open,
            text: plainText(t(locale, "checklist.button")),
            value: s.reportId,
          },
        ],
      },
    ],
  };
}

const yesNo = (key: (typeof SHOWN)[number], locale: Locale, current: unknown): Block => {
  const options = [
    { text: plainText(t(locale, "checklist.yes")), value: "yes" },
    { text: plainText(t(locale, "checklist.no")), value: "no" },
  ];
  const initial = current === true ? options[0] : current === false ? options[1] : undefined;
  return {
    type: "input",
    block_id: key,
    optional: true,
    label: plainText(t(locale, `checklist.item.${key}`)),
    element: { type: "static_select", action_id: "value", options, ...(initial ? { initial_option: initial } : {}) },
  };
};

export function checklistModal(s: ChecklistState, locale: Locale): Block {
  const a = s.answers as Record<string, unknown>;
  const police = a.police_report as { kind?: string; number?: string } | undefined;
  const kinds = (["lost", "theft"] as const).map((k) => ({
    text: plainText(t(locale, `checklist.police.${k}`)),
    value: k,
  }));
  return {
    type: "modal",
    callback_id: CHECKLIST_VIEW,
    private_metadata: JSON.stringify({ r: s.reportId }),
    title: plainText(t(locale, "checklist.modal_title")),
    submit: plainText(t(locale, "checklist.save")),
    close: plainText(t(locale, "commands.modal.cancel")),
    blocks: [
      yesNo("carrier_suspended", locale, a.carrier_suspended),
      {
        type: "input",
        block_id: "police_kind",
        optional: true,
        label: plainText(t(locale, "checklist.item.police_report")),
        element: {
          type: "static_select",
          action_id: "value",
          options: kinds,
          ...(police?.kind ? { initial_option: kinds.find((k) => k.value === police.kind) } : {}),
        },
      },
      {
        type: "input",
        block_id: "police_number",
        optional: true,
        label: plainText(t(locale, "checklist.police.number")),
        element: {
          type: "plain_text_input",
          action_id: "value",
          max_length: 60,
          ...(police?.number ? { initial_value: police.number } : {}),
        },
      },
      yesNo("personal_data", locale, a.personal_data),
      yesNo("encrypted", locale, a.encrypted),
      {
        type: "input",
        block_id: "people_count",
        optional: true,
        label: plainText(t(locale, "checklist.item.people_count")),
        element: {
          type: "number_input",
          is_decimal_allowed: false,
          action_id: "value",
          min_value: "0",
          ...(typeof a.people_count === "number" ? { initial_value: String(a.people_count) } : {}),
        },
      },
      yesNo("sensitive", locale, a.sensitive),
      yesNo("financial", locale, a.financial),
      yesNo("wrongful", locale, a.wrongful),
      yesNo("ppc_preliminary_filed", locale, a.ppc_preliminary_filed),
      yesNo("ppc_final_filed", locale, a.ppc_final_filed),
      { type: "context", elements: [mrkdwn(t(locale, "checklist.modal_note"))] },
    ],
  };
}
