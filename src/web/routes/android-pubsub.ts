// POST /webhooks/android-pubsub: Google Cloud Pub/Sub push deliveries of the Android Management
// API's notifications. Authenticated by Pub/Sub's OIDC token (Authorization: Bearer, signed by
// Google, for our audience and the configured push service account — see
// drivers/android/pubsub-auth.ts), or, as the simpler alternative, by a shared token in the push
// URL (?token=ANDROID_PUBSUB_TOKEN, compared in constant time). A bearer token that is present
// must verify: a forged one is never rescued by a URL token. COMMAND carries the finished
// Operation (the result arrives without waiting for the next poll); STATUS_REPORT and
// ENROLLMENT carry the Device; USAGE_LOGS the device's own events (its location while lost).
// A 2xx acknowledges the message; anything else makes Pub/Sub redeliver it later.
import { safeEqual } from "../../lib/safe-equal.js";
import express, { Router } from "express";
import { z } from "zod";
import type { WebDeps } from "../deps.js";
import { remoteDevice } from "../../drivers/android/devices.js";
import { operationResult } from "../../drivers/android/operations.js";
import { usageLogBatch } from "../../drivers/android/usage-logs.js";
import { PubSubOidcVerifier } from "../../drivers/android/pubsub-auth.js";
import { log } from "../../log.js";
import { describeUnstorable, findUnstorable } from "../../core/text/unstorable.js";

export const ANDROID_PUBSUB_PATH = "/webhooks/android-pubsub";

const push = z.object({
  message: z.object({
    data: z.string().optional(),
    attributes: z.record(z.string(), z.string()).optional(),
    messageId: z.string().optional(),
  }),
  subscription: z.string().optional(),
});

const tokenMatches = (given: unknown, expected: string) => typeof given === "string" && safeEqual(given, expected);

export function androidPubSubRoutes({ core, config }: WebDeps): Router {
  const r = Router();
  const oidc = config.ANDROID_PUBSUB_SERVICE_ACCOUNT
    ? new PubSubOidcVerifier({
        serviceAccount: config.ANDROID_PUBSUB_SERVICE_ACCOUNT,
        audience:
          config.ANDROID_PUBSUB_AUDIENCE ?? new URL(ANDROID_PUBSUB_PATH, config.PUBLIC_URL ?? "http://localhost").href,
        certsUrl: config.GOOGLE_OIDC_CERTS_URL,
      })
    : null;
  r.post(ANDROID_PUBSUB_PATH, express.json({ limit: "1mb" }), async (req, res, next) => {
    try {
      if (!oidc && !config.ANDROID_PUBSUB_TOKEN) {
        res.status(503).json({
          error: "not_configured",
          reason: "neither ANDROID_PUBSUB_SERVICE_ACCOUNT (OIDC) nor ANDROID_PUBSUB_TOKEN is set on the server",
        });
        return;
      }
      const bearer = req.headers.authorization;
      if (oidc && (bearer || !config.ANDROID_PUBSUB_TOKEN)) {
        const auth = await oidc.verify(bearer);
        if (!auth.ok) {
          log.warn("android pubsub: push refused", { reason: auth.reason });
          res
            .status(auth.unavailable ? 503 : 401)
            .json({ error: auth.unavailable ? "unavailable" : "unauthenticated", reason: auth.reason });
          return;
        }
      } else if (!config.ANDROID_PUBSUB_TOKEN || !tokenMatches(req.query.token, config.ANDROID_PUBSUB_TOKEN)) {
        res.status(401).json({
          error: "unauthenticated",
          reason: oidc
            ? "no OIDC bearer token and no valid token in the push URL"
            : "missing or wrong token in the push URL",
        });
        return;
      }
      // A subscription with "payload unwrapping" posts the bare message (a Device, an Operation)
      // without the {message: {data, attributes}} envelope, and so without notificationType:
      // nothing could be read from it. Refused (not acked) so Pub/Sub keeps it, and said loudly.
      if (isUnwrapped(req.body)) {
        log.warn(
          "android pubsub: the push subscription unwraps payloads; turn off 'Enable payload unwrapping' on the subscription (messages are kept by Pub/Sub until then)",
          {},
        );
        res.status(400).json({
          error: "unwrapped_payload",
          reason:
            "the Pub/Sub push subscription has payload unwrapping on: turn it off so messages arrive with their notificationType",
        });
        return;
      }
      const parsed = push.safeParse(req.body);
      let payload: unknown = null;
      try {
        payload =
          parsed.success && parsed.data.message.data
            ? JSON.parse(Buffer.from(parsed.data.message.data, "base64").toString("utf8"))
            : null;
      } catch {
        payload = null;
      }
      // Malformed messages are acknowledged too (400 would only make Pub/Sub redeliver them forever).
      if (!parsed.success || !payload || typeof payload !== "object") {
        res.status(200).json({ ok: true, ignored: "not an Android Management API notification" });
        return;
      }
      // Google never sends NUL or a lone surrogate; a message that does is acked and not stored.
      const bad = findUnstorable({ attributes: parsed.data.message.attributes, data: payload });
      if (bad) {
        res.status(200).json({ ok: true, ignored: describeUnstorable(bad) });
        return;
      }
      const type = parsed.data.message.attributes?.notificationType ?? "";
      if (type === "COMMAND") {
        const op = payload as { name?: string };
        const uuid = op.name ? await core.enrollments.commandUuidFor("android", op.name) : null;
        const result = uuid ? operationResult(payload as never) : null;
        if (!uuid || !result) {
          res.status(200).json({ ok: true, ignored: uuid ? "operation still running" : "unknown operation" });
          return;
        }
        const command = await core.commands.recordResult(uuid, result, { actor: "driver:android" });
        res.status(200).json({ ok: true, state: command.state });
        return;
      }
      if (type === "STATUS_REPORT" || type === "ENROLLMENT") {
        const device = remoteDevice(payload as never);
        const outcome = device ? await core.enrollments.remoteStatus("android", device) : "skipped";
        res.status(200).json({ ok: true, device: outcome });
        return;
      }
      if (type === "USAGE_LOGS") {
        const batch = usageLogBatch(payload as never);
        let recorded = 0;
        for (const item of batch.device ? batch.items : []) {
          const done =
            item.kind === "location"
              ? await core.deviceSide.located("android", batch.device!, item.location)
              : await core.deviceSide.changedOnDeviceByRef("android", batch.device!, item.change);
          if (done) recorded++;
        }
        res.status(200).json({ ok: true, recorded });
        return;
      }
      res.status(200).json({ ok: true, ignored: type || "no notificationType" });
    } catch (err) {
      next(err);
    }
  });
  return r;
}

/** The body of an unwrapped push: an Android Management resource itself, no message envelope. */
function isUnwrapped(body: unknown): boolean {
  if (!body || typeof body !== "object" || "message" in body) return false;
  const b = body as Record<string, unknown>;
  return typeof b.name === "string" || "usageLogEvents" in b || "device" in b || "hardwareInfo" in b || "metadata" in b;
}
