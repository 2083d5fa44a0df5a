// The loss-report fields as a person fills them in (web form, Slack modal), validated once here
// so both give the same answer. Each issue's message is an i18n key the adapter shows next to
// the field. The Google Form path is lenient instead (see src/google/mapping.ts): a response
// already sent can't be corrected, so it is never refused for a missing answer.
import { z } from "zod";
import { cleanDeep } from "../text/unstorable.js";
import { parseLostAt, type ParsedLostAt } from "./lost-at.js";
import type { NewReport } from "./new-report.js";
import { normalisePhone } from "./phone.js";

export { parseLostAt, type ParsedLostAt } from "./lost-at.js";

export const CIRCUMSTANCES = ["lost", "stolen", "left_behind"] as const;
export type CircumstancesInput = (typeof CIRCUMSTANCES)[number];

const text = (max: number, key: string) =>
  z
    .string({ error: key })
    .transform((v) => v.trim())
    .pipe(
      z
        .string()
        .min(1, { error: key })
        .max(max, { error: `${key}_long` }),
    );

export const reportFormSchema = z.object({
  // Empty says "enter it"; typed but wrong says what is wrong (「形式が正しくありません」).
  // A full-width ＠ or letters from a Japanese keyboard read as their ASCII twins.
  reporterEmail: z
    .string({ error: "report.error.reporterEmail" })
    .transform((v) => v.normalize("NFKC").trim().toLowerCase())
    .pipe(
      z
        .string()
        .min(1, { error: "report.error.reporterEmail" })
        .pipe(
          z
            .email({ error: "report.error.reporterEmail_format" })
            .max(254, { error: "report.error.reporterEmail_format" }),
        ),
    ),
  reporterName: text(100, "report.error.reporterName"),
  device: text(300, "report.error.device"),
  lostAt: text(100, "report.error.lostAt"),
  location: text(300, "report.error.location"),
  circumstances: z.enum(CIRCUMSTANCES, { error: "report.error.circumstances" }),
  contactPhone: z
    .string({ error: "report.error.contactPhone" })
    .transform((v) => v.trim())
    .pipe(z.string().min(1, { error: "report.error.contactPhone" }))
    .transform((v, ctx) => {
      const phone = normalisePhone(v);
      if (phone) return phone;
      ctx.addIssue({ code: "custom", message: "report.error.contactPhone_format" });
      return z.NEVER;
    }),
  consent: z
    .enum(["on", "true", ""], { error: "report.error.consent" })
    .optional()
    .transform((v) => v === "on" || v === "true"),
});

export type ReportForm = z.output<typeof reportFormSchema>;
export type ReportFormField = keyof z.input<typeof reportFormSchema>;
export const REPORT_FORM_FIELDS: readonly ReportFormField[] = [
  "reporterEmail",
  "reporterName",
  "device",
  "lostAt",
  "location",
  "circumstances",
  "contactPhone",
  "consent",
];

export type FieldErrors = Partial<Record<ReportFormField, string>>;

/** Validates raw form values; on failure, one i18n key per bad field. */
export function parseReportForm(
  raw: Record<string, unknown>,
  opts: { timeZone: string; now: Date },
): { ok: true; value: ReportForm; lostAt: ParsedLostAt } | { ok: false; errors: FieldErrors } {
  // NUL and lone surrogates cannot be stored; the rest of what the person typed is kept.
  raw = cleanDeep(raw);
  const parsed = reportFormSchema.safeParse(raw);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as ReportFormField;
      errors[field] ??= issue.message.startsWith("report.error.") ? issue.message : `report.error.${field}`;
    }
  }
  const lostAtRaw = typeof raw.lostAt === "string" ? raw.lostAt : "";
  const lostAt = parseLostAt(lostAtRaw, opts.timeZone, opts.now);
  if (!errors.lostAt && lostAt.future) errors.lostAt = "report.error.lostAt_future";
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: parsed.data, lostAt };
}

export const CIRCUMSTANCES_ENUM = { lost: "LOST", stolen: "STOLEN", left_behind: "LEFT_BEHIND" } as const;

/** A validated form as the report fields every way in shares (the caller adds channel, ids, locale). */
export function reportFields(form: ReportForm, lostAt: ParsedLostAt) {
  return {
    reporterEmail: form.reporterEmail,
    reporterName: form.reporterName,
    deviceDescription: form.device,
    lostAt: lostAt.lostAt,
    lostAtText: lostAt.lostAtText,
    location: form.location,
    circumstances: CIRCUMSTANCES_ENUM[form.circumstances],
    contactPhone: form.contactPhone,
    consentLostMode: form.consent,
  } satisfies Partial<NewReport>;
}
