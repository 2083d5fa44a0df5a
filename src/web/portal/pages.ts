// How the portal answers a person: always a page (never JSON or a stack trace), never cached,
// with the company's help-desk number when one is set, and the form with what they typed.
import type { Response } from "express";
import { isDatabaseUnreachable, RETRY_AFTER_S } from "../../db/unreachable.js";
import type { FieldErrors } from "../../core/reports/input.js";
import { DomainError } from "../../core/errors.js";
import { t, type Locale, type MessageKey } from "../../i18n/index.js";
import { refusalText } from "../../i18n/refusal.js";
import { httpStatusOf } from "../errors.js";
import { log } from "../../log.js";
import type { WebDeps } from "../deps.js";
import { CSRF_COOKIE, type FormTokens } from "./csrf.js";
import { messagePage, reportFormPage } from "./report-page.js";
import { escapeHtml } from "./templates.js";

export interface PortalPages {
  /** Any page, with the help-desk line. */
  send(res: Response, status: number, html: string): Promise<void>;
  /** The form again: what was typed, a message per bad field or one above the form, a token. */
  form(res: Response, status: number, locale: Locale, form: ShownForm): Promise<void>;
  /** The database is away: nothing was stored; the form comes back with the input, to send again. */
  formUnavailable(res: Response, locale: Locale, values: Record<string, string>, csrf: unknown): Promise<void>;
  /**
   * A request that did not work: the core's refusal in the reader's language with its 4xx; 503 with
   * Retry-After while the database is away; else 500.
   */
  failure(res: Response, locale: Locale, err: unknown, what: string): Promise<void>;
  /** A short page with a heading and one paragraph, both catalog keys. */
  message(res: Response, status: number, locale: Locale, title: string, body: string): Promise<void>;
}

export interface ShownForm {
  values: Record<string, string>;
  errors?: FieldErrors;
  notice?: string;
  /** The token the person already holds (kept across a re-render so a second tab still works). */
  csrf?: unknown;
}

export function portalPages({ core }: Pick<WebDeps, "core">, tokens: FormTokens): PortalPages {
  const secure = (core.publicUrl ?? "").startsWith("https:");
  // The last number read is kept, so a page served while the database is away still has it.
  let helpDeskPhone: string | null = null;

  const send = async (res: Response, status: number, html: string) => {
    helpDeskPhone = await core.companyContact.get().then(
      (c) => c.helpDeskPhone,
      () => helpDeskPhone,
    );
    const locale: Locale = /^<!doctype html>\s*<html lang="en"/i.test(html) ? "en" : "ja";
    const body = helpDeskPhone ? html.replace("</main>", `${helpDeskLine(locale, helpDeskPhone)}\n</main>`) : html;
    res.status(status).set({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" }).send(body);
  };

  const message = (res: Response, status: number, locale: Locale, title: MessageKey, body: MessageKey) =>
    send(res, status, messagePage(locale, t(locale, title), t(locale, body)));

  const form = (res: Response, status: number, locale: Locale, shown: ShownForm) => {
    const token = typeof shown.csrf === "string" ? shown.csrf : tokens.issue(core.clock.now());
    res.cookie(CSRF_COOKIE, token, { httpOnly: true, sameSite: "lax", secure, path: "/report", maxAge: 4 * 3_600_000 });
    return send(
      res,
      status,
      reportFormPage(locale, { values: shown.values, errors: shown.errors ?? {}, csrf: token, notice: shown.notice }),
    );
  };

  return {
    send,
    form,
    message,
    formUnavailable(res, locale, values, csrf) {
      res.set("Retry-After", String(RETRY_AFTER_S));
      return form(res, 503, locale, { values, notice: t(locale, "portal.unavailable"), csrf });
    },
    failure(res, locale, err, what) {
      if (err instanceof DomainError) {
        const text = refusalText(err, locale, (s) => s);
        return send(res, httpStatusOf(err), messagePage(locale, t(locale, "portal.refused_title"), text));
      }
      if (isDatabaseUnreachable(err)) {
        res.set("Retry-After", String(RETRY_AFTER_S));
        return message(res, 503, locale, "portal.unavailable_title", "portal.unavailable_body");
      }
      log.error(what, { err: err instanceof Error ? err.message : String(err) });
      return message(res, 500, locale, "portal.error_title", "portal.error_body");
    },
  };
}

/** "IT help desk: 03-1234-5678", the number a tap away on a phone. */
function helpDeskLine(locale: Locale, phone: string): string {
  const tel = phone.replace(/[^+0-9]/g, "");
  return `<p class="help-desk">${escapeHtml(t(locale, "portal.help_desk"))} <a href="tel:${escapeHtml(tel)}">${escapeHtml(phone)}</a></p>`;
}
