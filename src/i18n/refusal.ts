// Why the core refused, in the reader's language: one translation for every edge (Slack, the
// portal pages). The shape is the core's DomainError, named structurally since i18n sits below it.
import { textOr, type Locale } from "./index.js";

export interface RefusalFacts {
  message: string;
  reason?: string | undefined;
  params: Record<string, string | number>;
  details: Record<string, unknown>;
}

/**
 * Its reason from the catalog (`error.reason.<reason>`, or the full key some refusals name in
 * `details.reasonKey`), the values it names passed through `asText` (each edge's own escaping); a
 * param named `…Key` is a catalog key, shown translated under the name without `Key`. A refusal the
 * catalog cannot name falls back to the core's English rather than a raw key.
 */
export function refusalText(err: RefusalFacts, locale: Locale, asText: (s: string) => string): string {
  const reasonKey = err.details.reasonKey;
  const key = err.reason ? `error.reason.${err.reason}` : typeof reasonKey === "string" ? reasonKey : undefined;
  if (!key) return asText(err.message);
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(err.params)) {
    if (k.endsWith("Key") && typeof v === "string") params[k.slice(0, -3)] = textOr(locale, v, v);
    else params[k] = typeof v === "string" ? asText(v) : v;
  }
  return textOr(locale, key, asText(err.message), params);
}
