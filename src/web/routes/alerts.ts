// POST /api/alerts: alerts from the MDM side, one or a batch (as the External contract names them). Bearer token:
// ALERTS_API_TOKEN (compared in constant time) or a named token issued with `npm run api-token`
// (looked up by its hash); each bad item is rejected with its index and reason while the good
// ones are stored.
import express, { Router, type RequestHandler } from "express";
import { bearerToken, safeEqual } from "../../core/tokens.js";
import type { WebDeps } from "../deps.js";

export function alertRoutes({ core, config }: WebDeps): Router {
  const r = Router();
  /** Who is calling, for the audit log ("api:alerts" for the environment's token), or null. */
  const sender = async (token: string | null): Promise<string | null> => {
    if (token === null) return null;
    if (safeEqual(token, config.ALERTS_API_TOKEN)) return "api:alerts";
    const name = await core.apiTokens.authenticate(token);
    return name === null ? null : `api:${name}`;
  };
  const requireToken: RequestHandler = async (req, res, next) => {
    try {
      const who = await sender(bearerToken(req.get("authorization")));
      if (who) {
        res.locals.sender = who;
        return next();
      }
      if (!config.ALERTS_API_TOKEN && !(await core.apiTokens.list()).length) {
        res.status(503).json({
          error: "alerts_disabled",
          reason:
            "no alerts API token on the server: set ALERTS_API_TOKEN or issue one with npm run api-token -- create <name>",
        });
        return;
      }
      res
        .status(401)
        .set("WWW-Authenticate", "Bearer")
        .json({ error: "unauthenticated", reason: "missing or wrong bearer token" });
    } catch (err) {
      next(err);
    }
  };
  r.post("/api/alerts", requireToken, express.json({ limit: "2mb" }), async (req, res, next) => {
    try {
      const body = req.body as unknown;
      if (!body || typeof body !== "object" || Array.isArray(body)) {
        res.status(400).json({ error: "invalid_input", reason: 'expected a JSON object {"alerts": [...]}' });
        return;
      }
      const b = body as { alerts?: unknown; type?: unknown };
      // One alert may also come on its own, without the "alerts" wrapper.
      const items = Array.isArray(b.alerts) ? b.alerts : b.alerts === undefined && b.type !== undefined ? [body] : null;
      if (!items) {
        res.status(400).json({ error: "invalid_input", reason: '"alerts" must be an array of alerts' });
        return;
      }
      const result = await core.alerts.raise(items, { source: "api", actor: res.locals.sender as string });
      res.status(200).json({ accepted: result.accepted, rejected: result.rejected, duplicates: result.duplicates });
    } catch (err) {
      next(err);
    }
  });
  return r;
}
