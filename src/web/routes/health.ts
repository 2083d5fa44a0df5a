import { Router } from "express";
import type { WebDeps } from "../deps.js";

export function healthRoutes({ db }: WebDeps): Router {
  const r = Router();
  r.get("/healthz", async (_req, res) => {
    const ok = await db.ping();
    res.status(ok ? 200 : 503).json({ status: ok ? "ok" : "database unreachable" });
  });
  return r;
}
