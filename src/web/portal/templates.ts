// The portal's HTML templates (forms/*.html), read once. Deliberately tiny: {{name}} is
// HTML-escaped, {{{name}}} is inserted as is (fragments this code built and escaped itself),
// {{t:key}} is translated. No logic in templates, no dependency.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { t, type Locale, textOr } from "../../i18n/index.js";

export const FORMS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../forms");

const cache = new Map<string, string>();

function load(name: string): string {
  let tpl = cache.get(name);
  if (tpl === undefined) {
    tpl = readFileSync(path.join(FORMS_DIR, `${name}.html`), "utf8");
    cache.set(name, tpl);
  }
  return tpl;
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

export function render(name: string, locale: Locale, vars: Record<string, string>): string {
  return load(name)
    .replace(/\{\{\{\s*([\w.:-]+)\s*\}\}\}/g, (_m, k: string) => vars[k] ?? "")
    .replace(/\{\{\s*([\w.:-]+)\s*\}\}/g, (_m, k: string) =>
      escapeHtml(k.startsWith("t:") ? textOr(locale, k.slice(2), k.slice(2)) : (vars[k] ?? "")),
    );
}

/** A whole page: the body template inside the layout, with the language switch. */
export function page(
  name: string,
  locale: Locale,
  vars: Record<string, string> & { title: string; langSwitchHref: string },
): string {
  const body = render(name, locale, { ...vars, lang: locale });
  const other = locale === "ja" ? "en" : "ja";
  return render("layout", locale, { ...vars, body, lang: locale, otherLang: other });
}
