// The report form with the person's input and one message per bad field. Every value goes
// back through the template's escaping: nothing typed is ever inserted raw.
import type { FieldErrors } from "../../core/reports/input.js";
import { t, type Locale, textOr } from "../../i18n/index.js";
import { escapeHtml, page } from "./templates.js";

const TEXT_FIELDS = ["reporterEmail", "reporterName", "device", "lostAt", "location", "contactPhone"] as const;

export interface FormState {
  values: Record<string, string>;
  errors: FieldErrors;
  csrf: string;
  /** A message above the form: an expired token, the allowance used up, the database away. */
  notice?: string;
}

/** Where a field's error in the summary links to: the control itself (the first radio of a group). */
const CONTROL_ID: Partial<Record<keyof FieldErrors, string>> = { circumstances: "circumstances-lost" };
const SUMMARY_ORDER = [...TEXT_FIELDS.slice(0, 5), "circumstances", "contactPhone", "consent"] as const;

// The form's rules (the core's) name each field's error by its catalog key: asked at run time.
const fieldError = (locale: Locale, key: string) => textOr(locale, key, key);

export function reportFormPage(locale: Locale, s: FormState): string {
  const vars: Record<string, string> = { csrf: s.csrf };
  for (const f of TEXT_FIELDS) {
    const key = s.errors[f];
    vars[`${f}.value`] = (s.values[f] ?? "").slice(0, 400);
    vars[`${f}.class`] = key ? " invalid" : "";
    vars[`${f}.error`] = key ? `<p class="error" id="${f}-error">${escapeHtml(fieldError(locale, key))}</p>` : "";
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
    ? `<p class="error" id="circumstances-error">${escapeHtml(fieldError(locale, cKey))}</p>`
    : "";
  vars["circumstances.aria"] = cKey ? ` aria-describedby="circumstances-error"` : "";
  vars["consent.checked"] = s.values.consent === "on" ? " checked" : "";

  const failed = Boolean(s.notice) || Object.keys(s.errors).length > 0;
  vars.notice = failed ? errorSummary(locale, s) : "";
  const title = t(locale, "portal.title");
  return page("report", locale, {
    ...vars,
    // The title is the first thing a screen reader says on the new page: it says "error" first.
    title: failed ? t(locale, "portal.error_page_title", { title }) : title,
    langSwitchHref: `/report?lang=${locale === "ja" ? "en" : "ja"}`,
  });
}

/**
 * The box above the form after a failed send: the reason, and one link per bad field to the
 * field itself. It takes the focus when the page loads (autofocus, no script needed), so
 * keyboard and screen-reader users start where the problem is.
 */
function errorSummary(locale: Locale, s: FormState): string {
  const links = SUMMARY_ORDER.filter((f) => s.errors[f]).map((f) => {
    const target = CONTROL_ID[f] ?? f;
    return `<li><a href="#${target}">${escapeHtml(fieldError(locale, s.errors[f]!))}</a></li>`;
  });
  const lines = [
    `<div class="error-summary" id="error-summary" tabindex="-1" autofocus aria-labelledby="error-summary-title">`,
    `<h2 id="error-summary-title">${escapeHtml(t(locale, "portal.errors_summary_title"))}</h2>`,
    s.notice ? `<p class="notice-text">${escapeHtml(s.notice)}</p>` : "",
    links.length ? `<p>${escapeHtml(t(locale, "portal.errors_summary"))}</p>\n<ul>${links.join("")}</ul>` : "",
    `</div>`,
  ];
  return lines.filter(Boolean).join("\n");
}

export function messagePage(locale: Locale, heading: string, text: string): string {
  return page("message", locale, {
    title: heading,
    heading,
    text,
    langSwitchHref: `/report?lang=${locale === "ja" ? "en" : "ja"}`,
  });
}
