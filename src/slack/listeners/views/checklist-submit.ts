// The checklist form saved: only the answers given are recorded (an empty field leaves what was
// there), each with who and when; the thread shows the updated checklist.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { ChecklistKey } from "../../../core/response/checklist.js";
import { t, type MessageKey } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { ackSafely, refusalText } from "../../button.js";
import { whoIsActing } from "../../locale.js";
import { tellAdmin } from "./command-modal-support.js";

type Raw = Record<string, { value?: { value?: string | null; selected_option?: { value: string } | null } }>;
const YES_NO = [
  "carrier_suspended",
  "personal_data",
  "encrypted",
  "sensitive",
  "financial",
  "wrongful",
  "ppc_preliminary_filed",
  "ppc_final_filed",
] as const;

export function checklistValues(v: Raw): {
  values: Partial<Record<ChecklistKey, unknown>>;
  error?: [string, MessageKey];
} {
  const values: Partial<Record<ChecklistKey, unknown>> = {};
  for (const key of YES_NO) {
    const picked = v[key]?.value?.selected_option?.value;
    if (picked) values[key] = picked === "yes";
  }
  const kind = v.police_kind?.value?.selected_option?.value;
  const number = (v.police_number?.value?.value ?? "").trim();
  if (kind) values.police_report = { kind, number };
  else if (number) return { values, error: ["police_kind", "checklist.police.kind_needed"] };
  const count = (v.people_count?.value?.value ?? "").trim();
  if (count) {
    if (!/^\d+$/.test(count)) return { values, error: ["people_count", "checklist.count_invalid"] };
    values.people_count = Number(count);
  }
  return { values };
}

export const checklistSubmitted =
  (deps: SlackDeps) =>
  async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const {
      actor,
      reader: { locale },
    } = await whoIsActing(deps, body.user.id);
    const { values, error } = checklistValues(view.state.values as unknown as Raw);
    if (error) return void (await ack({ response_action: "errors", errors: { [error[0]]: t(locale, error[1]) } }));
    await ackSafely(() => ack());
    let reportId = "";
    try {
      reportId = (JSON.parse(view.private_metadata) as { r: string }).r;
      await deps.core.checklist.record(actor, reportId, values);
    } catch (err) {
      await tellAdmin(client, {}, body.user.id, refusalText(err, locale));
    }
  };
