import { Router } from "express";
import { RETRY_AFTER_S } from "../../db/unreachable.js";
import { t } from "../../i18n/index.js";
import type { WebDeps } from "../deps.js";

// 200 whenever the database answers (a load balancer keeps the replica); what the background
// setup checks found not working is listed as `degraded`, so monitoring sees it too.
export function healthRoutes({ db, setup, core }: WebDeps): Router {
  const r = Router();
  r.get("/healthz", async (_req, res) => {
    const ok = await db.ping();
    if (!ok)
      return void res.set("Retry-After", String(RETRY_AFTER_S)).status(503).json({ status: "database unreachable" });
    const degraded = (setup?.degraded() ?? []).map((c) => ({
      check: c.id,
      status: c.status,
      reason: t("en", c.detail, c.vars),
    }));
    // Messages parked on Slack's configuration, read live: the background checks run rarely.
    for (const w of await core.outbox.waitingForSlack())
      degraded.push({ check: "outbox", status: "failing", reason: t("en", "setup.outbox.waiting", { ...w }) });
    res.status(200).json(degraded.length ? { status: "degraded", degraded } : { status: "ok" });
  });
  return r;
}
