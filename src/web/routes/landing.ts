// GET / — what this is and a link to the report form for everyone; for a request from this
// machine (not through a proxy) or one carrying SETUP_TOKEN, also the setup state of every
// integration with the README section that fixes it. No secret is ever part of the page.
import { createHmac } from "node:crypto";
import { safeEqual } from "../../lib/safe-equal.js";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Router, type Request } from "express";
import type { Config } from "../../config.js";
import { formatDateTime, t, type Locale, keyOf } from "../../i18n/index.js";
import type { CheckResult } from "../../setup/index.js";
import type { WebDeps } from "../deps.js";
import { readCookie } from "../portal/csrf.js";
import { portalLocale } from "../portal/locale.js";
import { escapeHtml, page } from "../portal/templates.js";

const README = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../README.md");
const COOKIE = "setup";
const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** The request came from this machine itself, not relayed by a proxy on it. */
export function fromLoopback(req: Request): boolean {
  const peer = req.socket.remoteAddress ?? "";
  return LOOPBACK.test(peer) && !req.headers["x-forwarded-for"] && !req.headers.forwarded;
}

const cookieValue = (token: string) => createHmac("sha256", token).update("setup-page").digest("base64url");

function hasSetupToken(req: Request, config: Config): boolean {
  const token = config.SETUP_TOKEN;
  if (!token) return false;
  const given = typeof req.query.setup_token === "string" ? req.query.setup_token : req.headers["x-setup-token"];
  if (typeof given === "string" && safeEqual(given, token)) return true;
  const cookie = readCookie(req.headers.cookie, COOKIE);
  return typeof cookie === "string" && safeEqual(cookie, cookieValue(token));
}

/** README headings by their GitHub anchor ("creating-the-slack-app" → "Creating the Slack app"). */
let headings: Map<string, string> | null = null;
export function readmeSection(anchor: string): string {
  if (!headings) {
    headings = new Map();
    let text = "";
    try {
      text = readFileSync(README, "utf8");
    } catch {}
    for (const m of text.matchAll(/^#{2,4} (.+)$/gm)) {
      const title = m[1]!.replace(/`/g, "").trim();
      headings.set(
        title
          .toLowerCase()
          .replace(/[^\p{L}\p{N} -]/gu, "")
          .replace(/ /g, "-"),
        title,
      );
    }
  }
  return headings.get(anchor) ?? anchor;
}

export function setupTable(results: CheckResult[], locale: Locale): string {
  const rows = results
    .map((r) => {
      const fix =
        r.fix && r.status !== "ok"
          ? ` <span class="fix">${escapeHtml(t(locale, "landing.fix"))}: README § <i>${escapeHtml(readmeSection(r.fix))}</i></span>`
          : "";
      return `<tr data-check="${escapeHtml(r.id)}" data-status="${r.status}"><th scope="row">${escapeHtml(t(locale, keyOf("setup.title.", r.id)))}</th><td class="state state-${r.status}">${escapeHtml(t(locale, `setup.status.${r.status}`))}</td><td>${escapeHtml(t(locale, r.detail, r.vars))}${fix}</td></tr>`;
    })
    .join("\n");
  return `<table class="setup"><thead><tr><th>${escapeHtml(t(locale, "landing.col.what"))}</th><th>${escapeHtml(t(locale, "landing.col.state"))}</th><th>${escapeHtml(t(locale, "landing.col.detail"))}</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

export function landingRoutes({ config, setup, preview }: WebDeps): Router {
  const r = Router();
  r.get("/", async (req, res) => {
    const locale = portalLocale(req, config.APP_LOCALE);
    const allowed = fromLoopback(req) || hasSetupToken(req, config);
    // The token leaves the address bar (and the history) at once: a cookie carries it from here.
    if (config.SETUP_TOKEN && typeof req.query.setup_token === "string" && hasSetupToken(req, config)) {
      res.cookie(COOKIE, cookieValue(config.SETUP_TOKEN), {
        httpOnly: true,
        sameSite: "strict",
        secure: req.secure,
        path: "/",
        maxAge: 8 * 3_600_000,
      });
      return res.redirect(303, `/?lang=${locale}`);
    }
    let setupHtml = "";
    if (allowed && setup) {
      if (req.query.recheck === "1") await setup.refresh().catch(() => null);
      const { results, checkedAt } = await setup.current();
      const when = checkedAt
        ? t(locale, "landing.checked_at", { at: formatDateTime(checkedAt, locale, config.APP_TIMEZONE) })
        : t(locale, "landing.not_checked");
      setupHtml =
        `<section aria-labelledby="setup-h"><h2 id="setup-h">${escapeHtml(t(locale, "landing.setup_heading"))}</h2>` +
        `<p class="hint">${escapeHtml(t(locale, "landing.setup_note"))} ${escapeHtml(when)} <a class="button secondary" href="/?recheck=1&amp;lang=${locale}">${escapeHtml(t(locale, "landing.recheck"))}</a></p>` +
        (results ? setupTable(results, locale) : "") +
        `<p class="hint">${escapeHtml(t(locale, "landing.doctor"))}</p></section>`;
    }
    const previewHtml =
      preview && allowed
        ? `<p class="preview-banner">${escapeHtml(t(locale, "landing.preview"))} <a href="/preview?lang=${locale}">${escapeHtml(t(locale, "landing.open_preview"))}</a></p>`
        : "";
    const html = page("landing", locale, {
      title: t(locale, "landing.title"),
      langSwitchHref: `/?lang=${locale === "ja" ? "en" : "ja"}`,
      setup: setupHtml,
      preview: previewHtml,
    });
    res
      .status(200)
      .set({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" })
      .send(html.replace('<main id="main">', '<main id="main" class="wide">'));
  });
  return r;
}
