// What the reporter is told by DM as their case moves on, in the language they reported in:
// lost mode on, located, found, wiped (and what that meant for their data — a personal Android
// loses only its work profile, any other erased device loses everything), closed. Pure.
import type { Incident } from "../../core/reports/incident.js";
import type { ReportStatus } from "../../core/types.js";
import { keyOf, t, type Locale, type MessageKey } from "../../i18n/index.js";
import { confirmDialog } from "./confirm.js";

/** The DM's and the thread's button: the reporter says they found it. */
export const REPORTER_FOUND_ACTION = "reporter_found";

type Block = Record<string, unknown>;

/** 「見つかりました」: the same button in the reporter's DM and on their App Home. */
export function reporterFoundButton(reportId: string, locale: Locale): Block {
  return {
    type: "button",
    action_id: REPORTER_FOUND_ACTION,
    style: "primary",
    text: { type: "plain_text", text: t(locale, "reporter.button.found"), emoji: true },
    value: reportId,
    confirm: confirmDialog("reporter_found", locale),
  };
}
const STEPS = [
  "LOST_MODE_ENABLED",
  "LOCATED",
  "WIPED",
  "FOUND",
  "DISMISSED",
  "CLOSED",
] as const satisfies ReportStatus[];
const isStep = (s: ReportStatus): s is (typeof STEPS)[number] => (STEPS as readonly ReportStatus[]).includes(s);
const OPEN_WITH_BUTTON = new Set(["LOST_MODE_ENABLED", "LOCATED"]);

/** The step's DM, or null when this status is not one the reporter hears about. */
export function reporterStepMessage(incident: Incident, locale: Locale): { text: string; blocks: Block[] } | null {
  const { report: r, devices } = incident;
  const status = r.status;
  if (!isStep(status)) return null;
  const tr = (key: MessageKey, vars: Record<string, string> = {}) =>
    t(locale, key, { reference: r.reference, ...vars });
  const lines = [tr(keyOf("reporter.step.", status))];
  if (r.status === "WIPED" || r.status === "CLOSED") {
    const wiped = devices.filter((d) => d.state === "WIPED" || d.commands.some((c) => c.type === "ERASE_DEVICE"));
    for (const d of wiped) {
      const workProfileOnly = d.platform === "ANDROID" && d.ownership === "personal";
      const key = workProfileOnly
        ? "reporter.data.work_profile"
        : d.ownership === "personal"
          ? "reporter.data.personal_erased"
          : "reporter.data.company_erased";
      lines.push(tr(key, { name: d.name }));
    }
  }
  const text = lines.join("\n");
  const blocks: Block[] = [{ type: "section", text: { type: "mrkdwn", text } }];
  if (OPEN_WITH_BUTTON.has(r.status)) {
    blocks.push({
      type: "actions",
      block_id: `reporter:${r.id}`,
      elements: [reporterFoundButton(r.id, locale)],
    });
  }
  return { text, blocks };
}
