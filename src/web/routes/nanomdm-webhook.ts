// POST /webhooks/nanomdm: NanoMDM's webhook (its -webhook-url), MicroMDM-compatible JSON.
// Every request must carry X-Hmac-Signature (NanoMDM's -webhook-hmac-key = NANOMDM_WEBHOOK_HMAC_KEY);
// the body is read raw so the signature is checked over exactly the bytes NanoMDM signed.
// Command reports go to the command lifecycle; check-ins to enrollments. NanoMDM only logs a
// non-200, so anything we do not use is acknowledged with 200 and ignored.
import express, { Router } from "express";
import type { WebDeps } from "../deps.js";
import { DomainError } from "../../core/errors.js";
import { normaliseApps } from "../../core/alerts/index.js";
import {
  commandReport,
  decodeRawPayload,
  installedApplications,
  enrollmentFacts,
  nanoMdmEvent,
  verifyNanoMdmSignature,
} from "../../drivers/nanomdm/webhook.js";
import { log } from "../../log.js";
import { assertStorable } from "../json.js";

export const NANOMDM_WEBHOOK_PATH = "/webhooks/nanomdm";

export function nanoMdmWebhookRoutes({ core, config }: WebDeps): Router {
  const r = Router();
  r.post(NANOMDM_WEBHOOK_PATH, express.raw({ type: () => true, limit: "5mb" }), async (req, res, next) => {
    try {
      const key = config.NANOMDM_WEBHOOK_HMAC_KEY;
      if (!key) {
        res.status(503).json({ error: "not_configured", reason: "NANOMDM_WEBHOOK_HMAC_KEY is not set on the server" });
        return;
      }
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (!verifyNanoMdmSignature(raw, req.get("x-hmac-signature"), key)) {
        res.status(401).json({ error: "unauthenticated", reason: "missing or wrong X-Hmac-Signature" });
        return;
      }
      let parsed;
      try {
        const json: unknown = JSON.parse(raw.toString("utf8"));
        assertStorable(json);
        parsed = nanoMdmEvent.safeParse(json);
      } catch (err) {
        if (err instanceof DomainError) throw err;
        parsed = null;
      }
      if (!parsed?.success) {
        res.status(400).json({
          error: "invalid_input",
          reason: "expected a NanoMDM webhook event (topic, acknowledge_event or checkin_event)",
        });
        return;
      }
      res.status(200).json(await handle(core, parsed.data));
    } catch (err) {
      next(err);
    }
  });
  return r;
}

type Event = ReturnType<typeof nanoMdmEvent.parse>;

const USER_ENROLLMENT_DEVICE = "User Enrollment (Device)";
const DEVICE_CHANNELS = new Set(["Device", USER_ENROLLMENT_DEVICE]);

const CHECKIN_TYPES: Record<string, "Authenticate" | "TokenUpdate" | "CheckOut" | undefined> = {
  "mdm.Authenticate": "Authenticate",
  "mdm.TokenUpdate": "TokenUpdate",
  "mdm.CheckOut": "CheckOut",
};

async function handle(core: WebDeps["core"], ev: Event): Promise<{ ok: true; ignored?: string; state?: string }> {
  if (ev.topic === "mdm.Connect" && ev.acknowledge_event) {
    const report = commandReport(ev.acknowledge_event);
    if (!report) return { ok: true, ignored: "status not used" };
    const device = await core.enrollments.checkedIn({ udid: report.udid });
    if (!device) return { ok: true, ignored: "unknown device" };
    if (report.kind === "idle") return { ok: true };
    // The device's app list, checked against the app usage policy (not only our own queries).
    const inventory = installedApplications(ev.acknowledge_event);
    if (inventory) await core.appUsage.report(device.id, normaliseApps(inventory.apps) ?? [], "nanomdm");
    try {
      const command = await core.commands.recordResult(report.commandUuid, report.result, {
        deviceId: device.id,
        actor: "driver:nanomdm",
      });
      return { ok: true, state: command.state };
    } catch (err) {
      // A command we did not send (another tool's, through the same NanoMDM): not ours to track.
      if (err instanceof DomainError && err.code === "not_found") return { ok: true, ignored: "unknown command" };
      throw err;
    }
  }
  const checkin = ev.checkin_event;
  const udid = checkin?.udid ?? checkin?.enrollment_id ?? checkin?.ids?.id;
  if (!checkin || !udid) return { ok: true, ignored: "no device" };
  // User-channel enrollments report under the device's; only the device channel is a device.
  // NanoMDM names a User Enrollment's device channel "User Enrollment (Device)" (mdm.EnrollType).
  const channel = checkin.ids?.type;
  if (channel && !DEVICE_CHANNELS.has(channel)) return { ok: true, ignored: "not a device channel" };
  const type = CHECKIN_TYPES[ev.topic];
  if (type) {
    // Any order, any repeat: the core merges them into one device (src/core/enrollments/apple.ts).
    const at = ev.created_at ? new Date(ev.created_at) : undefined;
    const raw = decodeRawPayload(checkin.raw_payload);
    const facts = type === "Authenticate" ? enrollmentFacts(raw) : undefined;
    // User Enrollment (BYOD): Apple sends an EnrollmentID in place of the device's UDID.
    const userEnrollment =
      channel === USER_ENROLLMENT_DEVICE ||
      (!checkin.udid && !raw.UDID && Boolean(checkin.enrollment_id ?? raw.EnrollmentID));
    const topic = typeof raw.Topic === "string" && raw.Topic ? raw.Topic : undefined;
    const { device, relocked } = await core.enrollments.appleCheckIn(
      { type, udid, at: at && !Number.isNaN(at.getTime()) ? at : undefined, facts, userEnrollment, topic },
      "nanomdm",
    );
    if (relocked) log.info("lost mode queued again for a re-enrolled device", { deviceId: device.id });
    return { ok: true, state: device.state };
  }
  await core.enrollments.checkedIn({ udid });
  return { ok: true, ignored: ev.topic };
}
