// A form response the reporter edited after sending it (Google Forms "allow response editing"):
// the same response id arrives again, submitted later. It is the reporter correcting or adding
// facts, so the report takes the new answers and the incident says what changed — never a
// second report, never silently dropped. An older or identical submission (a re-read at the
// poll boundary, a webhook retry arriving after the edit) changes nothing.
import type { Tx } from "../audit.js";
import type { LossReport } from "../../generated/prisma/client.js";
import type { NewReport } from "./new-report.js";

/** Fields a reporter can change by editing the response, as the admin sees them. */
export const EDITABLE_FIELDS = [
  "reporterName",
  "deviceDescription",
  "lostAt",
  "location",
  "circumstances",
  "contactPhone",
  "consentLostMode",
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export interface FieldChange {
  field: EditableField;
  from: string | null;
  to: string | null;
}

type Current = Pick<LossReport, EditableField | "lostAtText">;

const clip = (v: string | null | undefined, max: number) => (v == null ? null : v.trim().slice(0, max) || null);

/** The new values, clipped as an insert clips them. */
export function editedValues(input: NewReport): Pick<LossReport, EditableField | "lostAtText"> {
  return {
    reporterName: clip(input.reporterName, 100),
    deviceDescription: input.deviceDescription.trim().slice(0, 500),
    lostAt: input.lostAt ?? null,
    lostAtText: clip(input.lostAtText, 100),
    location: clip(input.location, 300),
    circumstances: input.circumstances,
    contactPhone: clip(input.contactPhone, 30),
    consentLostMode: input.consentLostMode,
  };
}

function shown(field: EditableField, r: Current): string | null {
  switch (field) {
    case "lostAt":
      // The words the reporter typed, when they typed words; the best guess follows from them.
      return r.lostAtText ?? r.lostAt?.toISOString() ?? null;
    case "consentLostMode":
      return r.consentLostMode ? "yes" : "no";
    default:
      return (r[field] as string | null) ?? null;
  }
}

/** What differs between the report now and the edited response. */
export function diffReport(current: Current, next: Current): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of EDITABLE_FIELDS) {
    const from = shown(field, current);
    const to = shown(field, next);
    if (from !== to) changes.push({ field, from, to });
  }
  return changes;
}

/**
 * Applies a later submission of an imported response to its report, inside `tx`. Returns the
 * changes (empty when it was not later, or said the same).
 */
export async function applySourceEdit(
  tx: Tx,
  reportId: string,
  input: NewReport,
  submittedAt: Date | null,
): Promise<FieldChange[]> {
  const report = await tx.lossReport.findUnique({ where: { id: reportId } });
  if (!report) return [];
  // Without a submission time (an old script), only a real difference counts as an edit.
  if (submittedAt && report.externalSubmittedAt && submittedAt <= report.externalSubmittedAt) return [];
  const next = editedValues(input);
  const changes = diffReport(report, next);
  if (!changes.length && !submittedAt) return [];
  // Claimed atomically: two replicas reading the same edit apply it once.
  const { count } = await tx.lossReport.updateMany({
    where: {
      id: reportId,
      ...(report.externalSubmittedAt
        ? { externalSubmittedAt: report.externalSubmittedAt }
        : { externalSubmittedAt: null }),
    },
    data: { ...(changes.length ? next : {}), ...(submittedAt ? { externalSubmittedAt: submittedAt } : {}) },
  });
  return count ? changes : [];
}
