// What a valid alert looks like on the way in (POST /api/alerts, drivers' own events). Each item
// is checked on its own so one bad item never costs the good ones of the same batch.
import { createHash } from "node:crypto";
import { z } from "zod";
import { ALERT_TYPES } from "./types.js";

const text = (max: number) => z.string().trim().min(1).max(max);

/** The facts the seed's alert mail lists, by type; anything else the sender adds is kept as is. */
export const alertDetailsSchema = z.looseObject({
  domain: text(200).optional(),
  /** Violating app names or ids (app_policy_violation). */
  apps: z.array(text(300)).max(200).optional(),
  /** SIM now in the device, and the one an admin allowed (unauthorized_sim); null: no SIM. */
  currentSim: text(200).nullable().optional(),
  allowedSim: text(200).nullable().optional(),
  simDetectedAt: z.iso.datetime({ offset: true }).optional(),
  lockState: text(100).optional(),
  /** Where the device was (geofence); null: the device sent no location. */
  location: z
    .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
    .nullable()
    .optional(),
  takenOutAt: z.iso.datetime({ offset: true }).optional(),
  virusName: text(300).optional(),
  virusDetectedAt: z.iso.datetime({ offset: true }).optional(),
});

export const deviceRefSchema = z
  .object({
    udid: text(200).optional(),
    imei: text(50).optional(),
    serial: text(200).optional(),
    id: text(100).optional(),
  })
  .refine((d) => d.udid || d.imei || d.serial || d.id, "device needs one of udid, imei, serial or id");

export const alertInputSchema = z.object({
  /** The sender's own id for the alert: when given, it alone decides what counts as the same alert. */
  id: text(200).optional(),
  type: z.enum(ALERT_TYPES, {
    error: (i) => `unknown alert type ${JSON.stringify(i.input)}; expected one of ${ALERT_TYPES.join(", ")}`,
  }),
  device: deviceRefSchema,
  detectedAt: z.iso.datetime({ offset: true }).optional(),
  details: alertDetailsSchema.optional(),
});

export type AlertInput = z.infer<typeof alertInputSchema>;
export type DeviceRef = z.infer<typeof deviceRefSchema>;

/** "device.udid: Invalid input" style: where in the item, and what is wrong. */
export function issueReason(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message;
}

/**
 * The same alert sent twice (a retry, a replayed batch) maps to one key. Without the sender's id
 * or a detection time, an identical alert for the same device on the same day is the same alert.
 */
export function dedupeKeyOf(input: AlertInput, deviceId: string, receivedDay: string, source: string): string {
  if (input.id) return `ext:${source}:${input.id}`;
  const when = input.detectedAt ? new Date(input.detectedAt).toISOString() : receivedDay;
  const hash = createHash("sha256")
    .update(JSON.stringify([input.type, deviceId, when, canonical(input.details ?? {})]))
    .digest("hex");
  return `h:${hash}`;
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}
