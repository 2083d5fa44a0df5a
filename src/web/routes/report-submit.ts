// POST /report: a person sends the form. In order: what they typed is kept whatever happens;
// a used-up allowance or an expired token brings the form back with it; a bad field brings it
// back with a message; a good one is stored once and answered with the receipt.
import type { Request, RequestHandler, Response } from "express";
import { DomainError } from "../../core/errors.js";
import { type FieldErrors, parseReportForm, REPORT_FORM_FIELDS, reportFields } from "../../core/reports/input.js";
import { cleanDeep } from "../../core/text/unstorable.js";
import { isDatabaseUnreachable } from "../../db/unreachable.js";
import { t, type Locale } from "../../i18n/index.js";
import { log } from "../../log.js";
import type { WebDeps } from "../deps.js";
import { CSRF_COOKIE, type FormTokens, readCookie } from "../portal/csrf.js";
import { portalLocale } from "../portal/locale.js";
import type { PortalPages } from "../portal/pages.js";
import type { RateLimiter } from "../portal/rate-limit.js";
import { escapeHtml, page } from "../portal/templates.js";

interface SubmitDeps extends Pick<WebDeps, "config" | "core"> {
  pages: PortalPages;
  tokens: FormTokens;
  limiter: RateLimiter;
}

export function submitReport(deps: SubmitDeps): RequestHandler {
  const { config, core, pages, tokens, limiter } = deps;
  return async (req, res) => {
    const locale = portalLocale(req, config.APP_LOCALE);
    const { values, csrf } = typedInput(req);

    // Only accepted reports use up the allowance (a mistyped field must not lock someone out).
    const address = req.ip ?? "unknown";
    const allowed = await limiter.allows(address).catch((err: unknown) => {
      if (isDatabaseUnreachable(err)) return null;
      throw err;
    });
    if (allowed === null) return pages.formUnavailable(res, locale, values, csrf);
    if (!allowed) {
      res.set("Retry-After", "900");
      const notice = `${t(locale, "portal.rate_limited_title")}: ${t(locale, "portal.rate_limited")}`;
      return pages.form(res, 429, locale, { values, notice, csrf });
    }

    const now = core.clock.now();
    const nonce = tokens.verify(csrf, readCookie(req.headers.cookie, CSRF_COOKIE), now);
    if (!nonce) return pages.form(res, 403, locale, { values, notice: t(locale, "portal.csrf") });

    const parsed = parseReportForm(values, { timeZone: config.APP_TIMEZONE, now });
    if (!parsed.ok) return pages.form(res, 400, locale, { values, errors: parsed.errors, csrf });

    try {
      const result = await core.reports.create({
        channel: "WEB",
        receiptKey: `form:${nonce}`,
        statusToken: tokens.statusToken(nonce),
        ...reportFields(parsed.value, parsed.lostAt),
        locale,
      });
      // Counted once stored; a replay of the same form is not a second report.
      if (result.created)
        await limiter.take(address).catch((err: unknown) => log.warn("report allowance not counted", { err }));
      return receipt(res, locale, result.report.reference, tokens.statusToken(nonce), !result.created);
    } catch (err) {
      if (err instanceof DomainError && err.code === "invalid_input") {
        const field = (err.details.field as keyof FieldErrors | undefined) ?? "device";
        return pages.form(res, 400, locale, { values, errors: { [field]: `report.error.${field}` }, csrf });
      }
      if (isDatabaseUnreachable(err)) return pages.formUnavailable(res, locale, values, csrf);
      return pages.failure(res, locale, err, "report could not be saved");
    }
  };

  /** The reference and the status link. A replay (double click, back + resend) finds the first report. */
  function receipt(res: Response, locale: Locale, reference: string, statusToken: string, replay: boolean) {
    const statusPath = `/report/status/${statusToken}`;
    const notice = replay ? `<p class="notice ok" role="status">${escapeHtml(t(locale, "receipt.duplicate"))}</p>` : "";
    return pages.send(
      res,
      200,
      page("receipt", locale, {
        title: t(locale, "receipt.title"),
        reference,
        statusPath,
        statusUrl: `${core.publicUrl.replace(/\/$/, "")}${statusPath}`,
        notice,
        langSwitchHref: `/report?lang=${locale === "ja" ? "en" : "ja"}`,
      }),
    );
  }
}

/** The form's fields as typed: everything but NUL (a browser never sends one; a paste may). */
function typedInput(req: Request): { values: Record<string, string>; csrf: unknown } {
  const body = cleanDeep((req.body ?? {}) as Record<string, unknown>);
  const values: Record<string, string> = {};
  for (const f of REPORT_FORM_FIELDS) if (typeof body[f] === "string") values[f] = body[f] as string;
  return { values, csrf: body._csrf };
}
