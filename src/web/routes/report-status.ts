// The reporter's own page, GET /report/status/:token: what has happened since, what to do now,
// and "I found it" while the case is open. The unguessable token in the path is the credential;
// the page names no device, person or place, since the link may be forwarded.
import type { RequestHandler } from "express";
import { DomainError } from "../../core/errors.js";
import type { StatusView } from "../../core/reports/index.js";
import { formatDateTime, isLocale, t, type Locale, keyOf, type MessageKey } from "../../i18n/index.js";
import type { WebDeps } from "../deps.js";
import { portalLocale } from "../portal/locale.js";
import type { PortalPages } from "../portal/pages.js";
import { escapeHtml, page } from "../portal/templates.js";

type StatusDeps = Pick<WebDeps, "config" | "core"> & { pages: PortalPages };

export function statusPage({ config, core, pages }: StatusDeps): RequestHandler<{ token: string }> {
  return async (req, res) => {
    let locale = portalLocale(req, config.APP_LOCALE);
    try {
      const view = await core.reports.statusView(req.params.token);
      // Without ?lang, the page speaks the language the report was made in.
      if (view && !isLocale(req.query.lang) && isLocale(view.locale)) locale = view.locale;
      const langSwitchHref = `?lang=${locale === "ja" ? "en" : "ja"}`;
      if (!view) {
        const title = t(locale, "status.not_found_title");
        const text = t(locale, "status.not_found_body");
        return pages.send(res, 404, page("message", locale, { title, heading: title, text, langSwitchHref }));
      }
      return pages.send(
        res,
        200,
        page("status", locale, {
          title: t(locale, "status.title", { reference: view.reference }),
          receivedAt: t(locale, "status.received_at", {
            at: formatDateTime(view.receivedAt, locale, config.APP_TIMEZONE),
          }),
          steps: stepList(view, locale, config.APP_TIMEZONE),
          next: t(locale, nextStepKey(view.status, view.closed)),
          found: foundControl(view, locale, req.params.token),
          footer: view.closed
            ? t(locale, "status.closed")
            : view.status === "RECEIVED"
              ? t(locale, "status.waiting")
              : "",
          footerClass: view.closed ? "closed" : "hint",
          langSwitchHref,
        }),
      );
    } catch (err) {
      return pages.failure(res, locale, err, "status page failed");
    }
  };
}

/** POST /report/status/:token/found: the reporter found their device; the answer is the status page again. */
export function reporterFound({ config, core, pages }: StatusDeps): RequestHandler<{ token: string }> {
  return async (req, res) => {
    const locale = portalLocale(req, config.APP_LOCALE);
    try {
      await core.reports.reporterFound({ statusToken: req.params.token });
      return res.redirect(303, `/report/status/${encodeURIComponent(req.params.token)}?lang=${locale}`);
    } catch (err) {
      if (err instanceof DomainError && err.code === "not_found")
        return pages.message(res, 404, locale, "status.not_found_title", "status.not_found_body");
      return pages.failure(res, locale, err, "reporter found failed");
    }
  };
}

/** Each step with its time. A personal device kept the owner's data: that step says what was removed, not "erased". */
function stepList(view: StatusView, locale: Locale, timeZone: string): string {
  const companyData = (status: string) => status === "WIPED" && view.companyDataOnly;
  return view.steps
    .map((s) => {
      const label = companyData(s.status) ? "report.status.company_data_removed" : keyOf("report.status.", s.status);
      const detail = companyData(s.status)
        ? `<p>${escapeHtml(t(locale, "report.status.company_data_removed_detail"))}</p>`
        : "";
      return `<li><strong>${escapeHtml(t(locale, label))}</strong><time datetime="${s.at.toISOString()}">${escapeHtml(formatDateTime(s.at, locale, timeZone))}</time>${detail}</li>`;
    })
    .join("\n");
}

/** "I found it" while the case is open; once pressed, that the admins were told. */
function foundControl(view: StatusView, locale: Locale, token: string): string {
  if (view.closed) return "";
  if (view.reporterFound)
    return `<p class="told" role="status">${escapeHtml(t(locale, "reporter.page.found_told"))}</p>`;
  return `<form method="post" action="/report/status/${encodeURIComponent(token)}/found?lang=${locale}"><button type="submit">${escapeHtml(t(locale, "reporter.page.found_button"))}</button></form>`;
}

/** The status page's "what to do now", by where the case is. */
function nextStepKey(status: string, closed: boolean): MessageKey {
  if (status === "CLOSED" || status === "WIPED" || status === "WIPE_REQUESTED") return "reporter.next.wiped";
  if (closed) return "reporter.next.closed";
  if (status === "LOST_MODE_ENABLED" || status === "LOCATED") return "reporter.next.lost_mode";
  return "reporter.next.open";
}
