import { Router } from "express";
import { RETRY_AFTER_S } from "../../db/unreachable.js";
import type { WebDeps } from "../app.js";

export function healthRoutes({ db }: WebDeps): Router {
  const r = Router();
  r.get("/healthz", async (_req, res) => {
    const ok = await db.ping();
    if (!ok) res.set("Retry-After", String(RETRY_AFTER_S));
    res.status(ok ? 200 : 503).json({ status: ok ? "ok" : "database unreachable" });
  });
  return r;
}
