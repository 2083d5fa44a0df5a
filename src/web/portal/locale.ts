// The portal's language: ?lang= (the on-page switch, kept through the form as a hidden field),
// else the browser's Accept-Language, else APP_LOCALE.
import type { Request } from "express";
import { isLocale, pickLocale, type Locale } from "../../i18n/index.js";

export function portalLocale(req: Request, fallback: Locale): Locale {
  const chosen = (req.body as Record<string, unknown> | undefined)?.lang ?? req.query.lang;
  if (isLocale(chosen)) return chosen;
  return pickLocale(parseAcceptLanguage(req.headers["accept-language"]), fallback);
}

/** "en-GB,en;q=0.9,ja;q=0.8" → languages by preference. */
function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { tag: tag!.trim(), q: q ? Number(q) : 1 };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((x) => x.tag);
}
