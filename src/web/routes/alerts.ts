// POST /api/alerts: alerts from the MDM side, one or a batch (CONTRACT.md). Bearer token
// ALERTS_API_TOKEN, compared in constant time; each bad item is rejected with its index and
// reason while the good ones are stored.
import { createHash, timingSafeEqual } from "node:crypto";
import express, { Router, type RequestHandler } from "express";
import type { WebDeps } from "../app.js";
import { reviveWellFormed } from "../json.js";

const digest = (s: string) => createHash("sha256").update(s).digest();

export function bearerMatches(header: string | undefined, expected: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? "");
  // Comparing fixed-length digests: the time taken says nothing about the token.
  return Boolean(m) && timingSafeEqual(digest(m![1]!.trim()), digest(expected));
}

export function alertRoutes({ core, config }: WebDeps): Router {
  const r = Router();
  const requireToken: RequestHandler = (req, res, next) => {
    if (!config.ALERTS_API_TOKEN) {
      res.status(503).json({ error: "alerts_disabled", reason: "ALERTS_API_TOKEN is not set on the server" });
      return;
    }
    if (!bearerMatches(req.get("authorization"), config.ALERTS_API_TOKEN)) {
      res.status(401).set("WWW-Authenticate", "Bearer").json({ error: "unauthenticated", reason: "missing or wrong bearer token" });
      return;
    }
    next();
  };
  r.post("/api/alerts", requireToken, express.json({ limit: "2mb", reviver: reviveWellFormed }), async (req, res, next) => {
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
      const result = await core.alerts.raise(items, { source: "api", actor: "api:alerts" });
      res.status(200).json({ accepted: result.accepted, rejected: result.rejected, duplicates: result.duplicates });
    } catch (err) {
      next(err);
    }
  });
  return r;
}
