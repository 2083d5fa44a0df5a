// The built-in agent's API (as the External contract names them): enrol with the shared secret, check in with the
// per-device bearer token to collect commands, report each command's result.
import express, { Router, type Request } from "express";
import { z } from "zod";
import { InvalidInputError } from "../../core/errors.js";
import type { PendingCommand } from "../../core/commands/index.js";
import { appleRequestTypeOf } from "../../core/ports/commands.js";
import type { WebDeps } from "../deps.js";
import { assertStorable } from "../json.js";

const text = (max: number) => z.string().trim().min(1).max(max);

const enrollSchema = z.object({
  enrollmentSecret: z.string().max(500).optional(),
  enrollmentCode: z.string().max(64).optional(),
  platform: z.enum(["ios", "ipados", "macos", "android", "windows"]),
  name: text(200),
  model: text(200).optional(),
  serial: text(100).optional(),
  udid: text(100).optional(),
  imei: text(32).optional(),
  supervised: z.boolean().optional(),
  ade: z.boolean().optional(),
  ownerEmail: z.string().trim().max(254).email().optional(),
  deviceToken: z.string().max(512).optional(),
});

const resultSchema = z.object({
  status: z.enum(["Acknowledged", "Error", "NotNow"]),
  result: z.record(z.string(), z.unknown()).optional(),
  error: z.string().max(2000).optional(),
});

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new InvalidInputError(`${issue.path.join(".") || "body"}: ${issue.message}`, { field: issue.path.join(".") });
}

/** The device token from an `Authorization: Bearer …` header. */
export function bearerOf(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1];
}
const bearer = (req: Request) => bearerOf(req.get("authorization"));

/** Check-in bodies are small: the device's report (its app list at most). */
export const AGENT_BODY_LIMIT = 16 * 1024;

/** A check-in's answer, as the agent reads it (here and in check-in-fast-path.ts). */
export function checkInAnswer(commands: PendingCommand[]) {
  return { commands: commands.map((c) => ({ id: c.uuid, type: appleRequestTypeOf(c), params: c.params })) };
}

export function agentRoutes({ core }: WebDeps): Router {
  const r = Router();
  r.use("/agent/v1", express.json({ limit: AGENT_BODY_LIMIT }));

  r.post("/agent/v1/enroll", async (req, res) => {
    // The secret is checked first: a stranger learns nothing about what a valid body looks like.
    // A one-time code (/mdm enroll) is checked, and spent, with the enrolment itself.
    const code = typeof req.body?.enrollmentCode === "string" ? req.body.enrollmentCode : "";
    const secret = typeof req.body?.enrollmentSecret === "string" ? req.body.enrollmentSecret : "";
    if (!code) await core.agents.checkSecret(secret);
    assertStorable(req.body);
    const input = parse(enrollSchema, req.body);
    // The device's current token, when it has one, proves it is the device we know.
    const enrolled = await core.agents.enroll({ ...input, deviceToken: input.deviceToken ?? bearer(req) });
    if (enrolled.status === "pending_approval")
      return void res.status(202).json({
        status: "pending_approval",
        token: enrolled.token,
        reason:
          "a device with these identifiers is already enrolled: an administrator must approve this enrolment in Slack before the token works",
      });
    res.status(201).json({ deviceId: enrolled.deviceId, token: enrolled.token });
  });

  r.post("/agent/v1/checkin", async (req, res) => {
    const commands = await core.agents.checkIn(bearer(req), req.body && typeof req.body === "object" ? req.body : {});
    res.json(checkInAnswer(commands));
  });

  r.post("/agent/v1/commands/:id/result", async (req, res) => {
    const token = bearer(req);
    await core.agents.authenticate(token);
    assertStorable(req.body);
    const answer = parse(resultSchema, req.body);
    await core.agents.recordResult(token, String(req.params.id), answer);
    res.json({ ok: true });
  });

  return r;
}
