// The self-service portal: GET/POST /report (the loss-report form) and the public status page
// GET /report/status/:token. People get pages, never JSON or a stack trace: a bad field
// re-renders the form with their input and a message next to it.
import { readFileSync } from "node:fs";
import path from "node:path";
import express, { Router, type ErrorRequestHandler, type Response } from "express";
import { DomainError } from "../../core/errors.js";
import { isDatabaseUnreachable, RETRY_AFTER_S } from "../../db/unreachable.js";
import { parseReportForm, reportFields, type FieldErrors } from "../../core/reports/input.js";
import { cleanDeep } from "../../core/text/unstorable.js";
import { formatDateTime, isLocale, t, type Locale } from "../../i18n/index.js";
import { log } from "../../log.js";
import type { WebDeps } from "../deps.js";
import { CSRF_COOKIE, FormTokens, readCookie } from "../portal/csrf.js";
import { portalLocale } from "../portal/locale.js";
import { RateLimiter } from "../portal/rate-limit.js";
import { localDateTime, messagePage, reportFormPage } from "../portal/report-page.js";
import { portalSecret } from "../portal/secret.js";
import { FORMS_DIR, escapeHtml, page } from "../portal/templates.js";

const FIELDS = [
  "reporterEmail",
  "reporterName",
  "device",
  "lostAt",
  "location",
  "circumstances",
  "contactPhone",
  "consent",
];

export function reportRoutes({ config, core }: WebDeps): Router {
  const { clock } = core;
  const timeZone = config.APP_TIMEZONE;
  const secret = portalSecret(config);
  const tokens = new FormTokens(secret);
  const limiter = new RateLimiter(
    { limits: core.rateLimits, clock, secret },
    "report",
    config.REPORT_RATE_LIMIT,
    15 * 60_000,
  );
  const secure = (core.publicUrl ?? "").startsWith("https:");
  const css = readFileSync(path.join(FORMS_DIR, "static/portal.css"));
  const r = Router();

  // Every page names the company's help desk when one is set (/mdm company phone): the last
  // number read is kept, so a page served while the database is away still has it.
  let helpDeskPhone: string | null = null;
  const sendPage = async (res: Response, status: number, html: string) => {
    helpDeskPhone = await core.companyContact.get().then(
      (c) => c.helpDeskPhone,
      () => helpDeskPhone,
    );
    const locale: Locale = /^<!doctype html>\s*<html lang="en"/i.test(html) ? "en" : "ja";
    const body = helpDeskPhone ? html.replace("</main>", `${helpDeskLine(locale, helpDeskPhone)}\n</main>`) : html;
    res.status(status).set({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" }).send(body);
  };
  /** The page for a request that failed on our side: 503 with Retry-After while the database is away, else 500. */
  const failurePage = (res: Response, locale: Locale, err: unknown, what: string) => {
    if (isDatabaseUnreachable(err)) {
      res.set("Retry-After", String(RETRY_AFTER_S));
      return sendPage(
        res,
        503,
        messagePage(locale, t(locale, "portal.unavailable_title"), t(locale, "portal.unavailable_body")),
      );
    }
    log.error(what, { err: err instanceof Error ? err.message : String(err) });
    return sendPage(res, 500, messagePage(locale, t(locale, "portal.error_title"), t(locale, "portal.error_body")));
  };
  const showForm = (
    res: Response,
    status: number,
    locale: Locale,
    values: Record<string, string>,
    errors: FieldErrors,
    notice?: string,
    csrf?: string,
  ) => {
    const token = csrf ?? tokens.issue(clock.now());
    res.cookie(CSRF_COOKIE, token, { httpOnly: true, sameSite: "lax", secure, path: "/report", maxAge: 4 * 3_600_000 });
    sendPage(
      res,
      status,
      reportFormPage(locale, { values, errors, csrf: token, notice, maxLostAt: localDateTime(clock.now(), timeZone) }),
    );
  };

  /** The database is away: nothing was stored; the form comes back with the input, to send again. */
  const unavailable = (res: Response, locale: Locale, values: Record<string, string>, csrf: unknown) => {
    res.set("Retry-After", String(RETRY_AFTER_S));
    return showForm(
      res,
      503,
      locale,
      values,
      {},
      t(locale, "portal.unavailable"),
      typeof csrf === "string" ? csrf : undefined,
    );
  };

  r.get("/report/assets/portal.css", (_req, res) => {
    res.set({ "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=3600" }).send(css);
  });

  r.get("/report", (req, res) => showForm(res, 200, portalLocale(req, config.APP_LOCALE), {}, {}));

  r.post("/report", express.urlencoded({ extended: false, limit: "16kb", parameterLimit: 40 }), async (req, res) => {
    // What a person typed keeps everything but NUL (a browser never sends one; a paste may).
    const body = cleanDeep((req.body ?? {}) as Record<string, unknown>);
    const locale = portalLocale(req, config.APP_LOCALE);
    const values: Record<string, string> = {};
    for (const f of FIELDS) if (typeof body[f] === "string") values[f] = body[f] as string;

    // Only accepted reports use up the allowance (a mistyped field must not lock someone out);
    // the form comes back with what was typed, and the help-desk number (sendPage).
    const address = req.ip ?? "unknown";
    const allowed = await limiter.allows(address).catch((err: unknown) => {
      if (isDatabaseUnreachable(err)) return null;
      throw err;
    });
    if (allowed === null) return unavailable(res, locale, values, body._csrf);
    if (!allowed) {
      res.set("Retry-After", "900");
      return showForm(
        res,
        429,
        locale,
        values,
        {},
        `${t(locale, "portal.rate_limited_title")}: ${t(locale, "portal.rate_limited")}`,
        typeof body._csrf === "string" ? body._csrf : undefined,
      );
    }
    const now = clock.now();
    const nonce = tokens.verify(body._csrf, readCookie(req.headers.cookie, CSRF_COOKIE), now);
    if (!nonce) return showForm(res, 403, locale, values, {}, t(locale, "portal.csrf"));

    const parsed = parseReportForm(values, { timeZone, now });
    if (!parsed.ok) return showForm(res, 400, locale, values, parsed.errors, undefined, body._csrf as string);

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
      // A replay (double click, back + resend) finds the first report: same reference, same link.
      const token = tokens.statusToken(nonce);
      const statusPath = `/report/status/${token}`;
      const notice = result.created
        ? ""
        : `<p class="notice ok" role="status">${escapeHtml(t(locale, "receipt.duplicate"))}</p>`;
      return sendPage(
        res,
        200,
        page("receipt", locale, {
          title: t(locale, "receipt.title"),
          reference: result.report.reference,
          statusPath,
          statusUrl: `${core.publicUrl.replace(/\/$/, "")}${statusPath}`,
          notice,
          langSwitchHref: `/report?lang=${locale === "ja" ? "en" : "ja"}`,
        }),
      );
    } catch (err) {
      if (err instanceof DomainError && err.code === "invalid_input") {
        const field = (err.details.field as keyof FieldErrors | undefined) ?? "device";
        return showForm(
          res,
          400,
          locale,
          values,
          { [field]: `report.error.${field}` },
          undefined,
          body._csrf as string,
        );
      }
      if (isDatabaseUnreachable(err)) return unavailable(res, locale, values, body._csrf);
      log.error("report could not be saved", { err: err instanceof Error ? err.message : String(err) });
      return sendPage(res, 500, messagePage(locale, t(locale, "portal.error_title"), t(locale, "portal.error_body")));
    }
  });

  r.get("/report/status/:token", async (req, res) => {
    let locale = portalLocale(req, config.APP_LOCALE);
    try {
      const view = await core.reports.statusView(req.params.token);
      // Without ?lang, the page speaks the language the report was made in.
      if (view && !isLocale(req.query.lang) && isLocale(view.locale)) locale = view.locale;
      const switchHref = `?lang=${locale === "ja" ? "en" : "ja"}`;
      if (!view) {
        return sendPage(
          res,
          404,
          page("message", locale, {
            title: t(locale, "status.not_found_title"),
            heading: t(locale, "status.not_found_title"),
            text: t(locale, "status.not_found_body"),
            langSwitchHref: switchHref,
          }),
        );
      }
      // A personal device kept the owner's data: the step says what was removed, not "erased".
      const companyData = (status: string) => status === "WIPED" && view.companyDataOnly;
      const steps = view.steps
        .map((s) => {
          const label = companyData(s.status) ? "report.status.company_data_removed" : `report.status.${s.status}`;
          const detail = companyData(s.status)
            ? `<p>${escapeHtml(t(locale, "report.status.company_data_removed_detail"))}</p>`
            : "";
          return `<li><strong>${escapeHtml(t(locale, label))}</strong><time datetime="${s.at.toISOString()}">${escapeHtml(formatDateTime(s.at, locale, timeZone))}</time>${detail}</li>`;
        })
        .join("\n");
      const footer = view.closed
        ? t(locale, "status.closed")
        : view.status === "RECEIVED"
          ? t(locale, "status.waiting")
          : "";
      // What the reporter does now, and their "I found it" while the case is open.
      const found = view.closed
        ? ""
        : view.reporterFound
          ? `<p class="told" role="status">${escapeHtml(t(locale, "reporter.page.found_told"))}</p>`
          : `<form method="post" action="/report/status/${encodeURIComponent(req.params.token)}/found?lang=${locale}"><button type="submit">${escapeHtml(t(locale, "reporter.page.found_button"))}</button></form>`;
      return sendPage(
        res,
        200,
        page("status", locale, {
          next: t(locale, nextStepKey(view.status, view.closed)),
          found,
          title: t(locale, "status.title", { reference: view.reference }),
          receivedAt: t(locale, "status.received_at", { at: formatDateTime(view.receivedAt, locale, timeZone) }),
          steps,
          footer,
          footerClass: view.closed ? "closed" : "hint",
          langSwitchHref: switchHref,
        }),
      );
    } catch (err) {
      return failurePage(res, locale, err, "status page failed");
    }
  });

  // The reporter found their device. The unguessable token in the path is the credential (a
  // forged cross-site post would need it), and the answer is the status page again.
  r.post("/report/status/:token/found", async (req, res) => {
    const locale = portalLocale(req, config.APP_LOCALE);
    try {
      await core.reports.reporterFound({ statusToken: req.params.token });
      return res.redirect(303, `/report/status/${encodeURIComponent(req.params.token)}?lang=${locale}`);
    } catch (err) {
      if (err instanceof DomainError && err.code === "not_found")
        return sendPage(
          res,
          404,
          messagePage(locale, t(locale, "status.not_found_title"), t(locale, "status.not_found_body")),
        );
      return failurePage(res, locale, err, "reporter found failed");
    }
  });

  // A body too large or badly encoded: a person still gets a page, not JSON.
  const pageErrors: ErrorRequestHandler = (err, req, res, next) => {
    if (!req.path.startsWith("/report") || res.headersSent) return next(err);
    const locale = portalLocale(req, config.APP_LOCALE);
    const status = typeof err?.status === "number" && err.status < 500 ? err.status : 500;
    const [title, body] =
      status === 413 ? ["portal.too_large_title", "portal.too_large"] : ["portal.error_title", "portal.error_body"];
    sendPage(res, status, messagePage(locale, t(locale, title), t(locale, body)));
  };
  r.use(pageErrors);
  return r;
}

/** The status page's "what to do now", by where the case is. */
function nextStepKey(status: string, closed: boolean): string {
  if (status === "CLOSED" || status === "WIPED" || status === "WIPE_REQUESTED") return "reporter.next.wiped";
  if (closed) return "reporter.next.closed";
  if (status === "LOST_MODE_ENABLED" || status === "LOCATED") return "reporter.next.lost_mode";
  return "reporter.next.open";
}

/** "IT help desk: 03-1234-5678", the number a tap away on a phone. */
function helpDeskLine(locale: Locale, phone: string): string {
  const tel = phone.replace(/[^+0-9]/g, "");
  return `<p class="help-desk">${escapeHtml(t(locale, "portal.help_desk"))} <a href="tel:${escapeHtml(tel)}">${escapeHtml(phone)}</a></p>`;
}
