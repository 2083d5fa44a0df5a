// The report form with the person's input and one message per bad field. Every value goes
// back through the template's escaping: nothing typed is ever inserted raw.
import type { FieldErrors } from "../../core/reports/input.js";
import { t, type Locale } from "../../i18n/index.js";
import { escapeHtml, page } from "./templates.js";

const TEXT_FIELDS = ["reporterEmail", "reporterName", "device", "lostAt", "location", "contactPhone"] as const;

export interface FormState {
  values: Record<string, string>;
  errors: FieldErrors;
  csrf: string;
  /** A message above the form (expired token). */
  notice?: string;
  /** Latest selectable lost-at time, "YYYY-MM-DDTHH:mm" in the portal's zone. */
  maxLostAt: string;
}

export function reportFormPage(locale: Locale, s: FormState): string {
  const vars: Record<string, string> = { csrf: s.csrf, maxLostAt: s.maxLostAt };
  for (const f of TEXT_FIELDS) {
    const key = s.errors[f];
    vars[`${f}.value`] = (s.values[f] ?? "").slice(0, 400);
    vars[`${f}.class`] = key ? " invalid" : "";
    vars[`${f}.error`] = key ? `<p class="error" id="${f}-error">${escapeHtml(t(locale, key))}</p>` : "";
    vars[`${f}.describedby`] = key ? ` ${f}-error` : "";
    vars[`${f}.invalid`] = key ? ` aria-invalid="true"` : "";
    vars[`${f}.aria`] = key ? ` aria-invalid="true" aria-describedby="${f}-error"` : "";
  }
  const c = s.values.circumstances;
  for (const option of ["lost", "stolen", "left_behind"])
    vars[`circumstances.${option}`] = c === option ? " checked" : "";
  const cKey = s.errors.circumstances;
  vars["circumstances.class"] = cKey ? " invalid" : "";
  vars["circumstances.error"] = cKey
    ? `<p class="error" id="circumstances-error">${escapeHtml(t(locale, cKey))}</p>`
    : "";
  vars["circumstances.aria"] = cKey ? ` aria-describedby="circumstances-error"` : "";
  vars["consent.checked"] = s.values.consent === "on" ? " checked" : "";

  const notices = [s.notice, Object.keys(s.errors).length ? t(locale, "portal.errors_summary") : undefined].filter(
    Boolean,
  ) as string[];
  vars.notice = notices.map((n) => `<p class="notice" role="alert">${escapeHtml(n)}</p>`).join("\n");
  return page("report", locale, {
    ...vars,
    title: t(locale, "portal.title"),
    langSwitchHref: `/report?lang=${locale === "ja" ? "en" : "ja"}`,
  });
}

export function messagePage(locale: Locale, heading: string, text: string): string {
  return page("message", locale, {
    title: heading,
    heading,
    text,
    langSwitchHref: `/report?lang=${locale === "ja" ? "en" : "ja"}`,
  });
}

/** "YYYY-MM-DDTHH:mm" for a datetime-local field, in `timeZone`. */
export function localDateTime(d: Date, timeZone: string): string {
  const p = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(d);
  const g = (k: string) => p.find((x) => x.type === k)!.value;
  return `${g("year")}-${g("month")}-${g("day")}T${g("hour")}:${g("minute")}`;
}
