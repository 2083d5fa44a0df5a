// POST /webhooks/google-form: responses pushed by the Apps Script in forms/google-apps-script/.
// Signed like Slack signs its requests: X-Signature = sha256=HMAC(secret, "<X-Timestamp>.<raw
// body>"), and a timestamp more than five minutes away is refused, so a captured request cannot
// be replayed later. The same responseId twice (the script retried) is answered 200 and creates
// nothing; the same responseId submitted later (the reporter edited the response: "On form
// submit" fires again) is added to its report as an edit.
import { createHmac } from "node:crypto";
import { safeEqual } from "../../lib/safe-equal.js";
import express, { Router, type Response } from "express";
import { z } from "zod";
import { responseToReport, titleMap } from "../../google/mapping.js";
import { log } from "../../log.js";
import type { WebDeps } from "../deps.js";
import { describeUnstorable, findUnstorable, cleanDeep } from "../../core/text/unstorable.js";

const MAX_SKEW_S = 5 * 60;

const bodySchema = z.object({
  responseId: z.string().trim().min(1).max(200),
  formId: z.string().max(200).optional(),
  respondentEmail: z.string().max(254).nullish(),
  submittedAt: z.string().max(64).optional(),
  answers: z.record(z.string().max(500), z.union([z.string().max(5000), z.array(z.string().max(5000)).max(50)])),
});

const fail = (res: Response, status: number, error: string, reason: string) =>
  res.status(status).json({ error, reason });

export function googleFormRoutes({ config, core }: WebDeps): Router {
  const r = Router();
  const titles = titleMap(config.GOOGLE_FORM_FIELD_MAP);
  const secret = config.GOOGLE_FORM_WEBHOOK_SECRET;

  r.post("/webhooks/google-form", express.raw({ type: () => true, limit: "256kb" }), async (req, res) => {
    if (!secret) return fail(res, 503, "not_configured", "GOOGLE_FORM_WEBHOOK_SECRET is not set");
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const timestamp = req.get("x-timestamp") ?? "";
    const signature = req.get("x-signature") ?? "";
    if (!/^\d{1,12}$/.test(timestamp))
      return fail(res, 401, "unauthenticated", "missing or malformed X-Timestamp (unix seconds)");
    if (!/^sha256=[0-9a-f]{64}$/i.test(signature))
      return fail(res, 401, "unauthenticated", "missing or malformed X-Signature (sha256=<hex>)");
    const now = core.clock.now();
    if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_SKEW_S) {
      return fail(
        res,
        401,
        "unauthenticated",
        "X-Timestamp is more than 5 minutes away from now: stale or replayed request",
      );
    }
    const expected = createHmac("sha256", secret).update(`${timestamp}.`).update(raw).digest();
    const given = Buffer.from(signature.slice("sha256=".length), "hex");
    if (!safeEqual(given, expected)) {
      return fail(
        res,
        401,
        "unauthenticated",
        "signature does not match: check GOOGLE_FORM_WEBHOOK_SECRET in the script properties",
      );
    }

    let json: unknown;
    try {
      json = JSON.parse(raw.toString("utf8"));
    } catch {
      return fail(res, 400, "bad_request", "body is not valid JSON");
    }
    // Answers are what a person typed: an unstorable character is dropped and the rest kept (a
    // refused response would be retried by the script forever and the report never arrive).
    // The script's own fields are refused, naming the field.
    if (json && typeof json === "object" && !Array.isArray(json)) {
      const { answers, ...envelope } = json as Record<string, unknown>;
      const bad = findUnstorable(envelope);
      if (bad) return fail(res, 400, "bad_request", describeUnstorable(bad));
      json = { ...envelope, answers: cleanDeep(answers) };
    }
    const parsed = bodySchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return fail(res, 400, "bad_request", `${issue.path.join(".") || "body"}: ${issue.message}`);
    }
    if (config.GOOGLE_FORM_ID && parsed.data.formId && parsed.data.formId !== config.GOOGLE_FORM_ID) {
      return fail(res, 400, "bad_request", "formId is not the form this app is configured for (GOOGLE_FORM_ID)");
    }
    const report = responseToReport(parsed.data, {
      titles,
      timeZone: config.APP_TIMEZONE,
      now,
      fallbackLocale: config.APP_LOCALE,
    });
    const submittedAt =
      parsed.data.submittedAt && !Number.isNaN(Date.parse(parsed.data.submittedAt))
        ? new Date(parsed.data.submittedAt)
        : null;
    const result = await core.reports.importResponse({
      ...report,
      externalId: parsed.data.responseId,
      externalSubmittedAt: submittedAt,
    });
    if (result.created) return res.status(202).json({ status: "accepted", reference: result.report.reference });
    if (result.edited.length)
      return res
        .status(200)
        .json({ status: "edited", reference: result.report.reference, changed: result.edited.map((c) => c.field) });
    log.info("google form response already imported", { reference: result.report.reference });
    res.status(200).json({ status: "duplicate", reference: result.report.reference });
  });
  return r;
}
