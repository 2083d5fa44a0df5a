// The self-service portal: GET/POST /report (the loss-report form) and the public status page
// GET /report/status/:token. People get pages, never JSON or a stack trace: a bad field
// re-renders the form with their input and a message next to it.
import { readFileSync } from "node:fs";
import path from "node:path";
import express, { Router, type ErrorRequestHandler } from "express";
import type { WebDeps } from "../deps.js";
import { FormTokens } from "../portal/csrf.js";
import { portalLocale } from "../portal/locale.js";
import { portalPages } from "../portal/pages.js";
import { RateLimiter } from "../portal/rate-limit.js";
import { portalSecret } from "../portal/secret.js";
import { FORMS_DIR } from "../portal/templates.js";
import { reporterFound, statusPage } from "./report-status.js";
import { submitReport } from "./report-submit.js";

const ALLOWANCE_WINDOW_MS = 15 * 60_000;

export function reportRoutes(deps: WebDeps): Router {
  const { config, core } = deps;
  const secret = portalSecret(config);
  const tokens = new FormTokens(secret);
  const pages = portalPages(deps, tokens);
  const limits = { limits: core.rateLimits, clock: core.clock, secret };
  const limiter = new RateLimiter(limits, "report", config.REPORT_RATE_LIMIT, ALLOWANCE_WINDOW_MS);
  const css = readFileSync(path.join(FORMS_DIR, "static/portal.css"));
  const form = express.urlencoded({ extended: false, limit: "16kb", parameterLimit: 40 });

  const r = Router();
  r.get("/report/assets/portal.css", (_req, res) => {
    res.set({ "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=3600" }).send(css);
  });
  r.get("/report", (req, res) => pages.form(res, 200, portalLocale(req, config.APP_LOCALE), { values: {} }));
  r.post("/report", form, submitReport({ config, core, pages, tokens, limiter }));
  r.get("/report/status/:token", statusPage({ config, core, pages }));
  r.post("/report/status/:token/found", reporterFound({ config, core, pages }));

  // A body too large or badly encoded: a person still gets a page, not JSON.
  const pageErrors: ErrorRequestHandler = (err, req, res, next) => {
    if (!req.path.startsWith("/report") || res.headersSent) return next(err);
    const locale = portalLocale(req, config.APP_LOCALE);
    const status = typeof err?.status === "number" && err.status < 500 ? err.status : 500;
    const [title, body] =
      status === 413 ? ["portal.too_large_title", "portal.too_large"] : ["portal.error_title", "portal.error_body"];
    return pages.message(res, status, locale, title, body);
  };
  r.use(pageErrors);
  return r;
}
