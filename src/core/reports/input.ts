// The loss-report fields as a person fills them in (web form, Slack modal), validated once here
// so both give the same answer. Each issue's message is an i18n key the adapter shows next to
// the field. The Google Form path is lenient instead (see src/google/mapping.ts): a response
// already sent can't be corrected, so it is never refused for a missing answer.
import { z } from "zod";
import { cleanDeep } from "../text/unstorable.js";
import type { NewReport } from "./new-report.js";

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

/** Digits, spaces, +, -, (), at least 7 digits: what people type as a phone number. */
const PHONE = /^\+?[0-9()\-\s.]{7,24}$/;

export const reportFormSchema = z.object({
  reporterEmail: z
    .string({ error: "report.error.reporterEmail" })
    .transform((v) => v.trim().toLowerCase())
    .pipe(z.email({ error: "report.error.reporterEmail" }).max(254, { error: "report.error.reporterEmail" })),
  reporterName: text(100, "report.error.reporterName"),
  device: text(300, "report.error.device"),
  lostAt: text(100, "report.error.lostAt"),
  location: text(300, "report.error.location"),
  circumstances: z.enum(CIRCUMSTANCES, { error: "report.error.circumstances" }),
  contactPhone: z
    .string({ error: "report.error.contactPhone" })
    .transform((v) => v.trim())
    .pipe(z.string().regex(PHONE, { error: "report.error.contactPhone" }))
    .refine((v) => v.replace(/\D/g, "").length >= 7, { error: "report.error.contactPhone" }),
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

export interface ParsedLostAt {
  lostAt: Date | null;
  /** As typed, when it is not a date and time we can read ("this morning", "昨日の夜"). */
  lostAtText: string | null;
  future: boolean;
}

/**
 * "2026-11-20T09:30" (a datetime-local field, in the portal's time zone), a full ISO time, or
 * free text. Free text is kept as typed: a stressed person's "yesterday evening" is still useful.
 */
export function parseLostAt(input: string, timeZone: string, now: Date): ParsedLostAt {
  const v = input.trim();
  if (!v) return { lostAt: null, lostAtText: null, future: false };
  let at: Date | null = null;
  const local = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(v);
  if (local) {
    const [y, mo, d, h, mi, s] = local.slice(1).map((x) => Number(x ?? 0));
    at = zonedTimeToUtc({ y: y!, mo: mo!, d: d!, h: h!, mi: mi!, s: s! }, timeZone);
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v)) {
    at = new Date(v);
  }
  if (at && !Number.isNaN(at.getTime())) {
    // A few minutes of slack for clocks that disagree.
    return { lostAt: at, lostAtText: null, future: at.getTime() > now.getTime() + 10 * 60_000 };
  }
  return { lostAt: null, lostAtText: v.slice(0, 100), future: false };
}

/** A wall-clock time in `timeZone` → the instant. */
export function zonedTimeToUtc(
  p: { y: number; mo: number; d: number; h: number; mi: number; s: number },
  timeZone: string,
): Date {
  const guess = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s);
  const first = guess - offsetMs(new Date(guess), timeZone);
  // Twice, so a time next to a DST change lands on the right side.
  return new Date(guess - offsetMs(new Date(first), timeZone));
}

function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const n = (t: string) => Number(parts.find((x) => x.type === t)!.value);
  const asUtc = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
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
