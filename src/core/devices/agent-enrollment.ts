// Devices running the built-in agent: enrolment with the shared secret, a per-device bearer
// token (returned once, stored as sha256), and check-ins that collect pending commands.
import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client.js";
import type { Device, Platform } from "../../generated/prisma/client.js";
import { hashToken, safeEqual } from "../tokens.js";
import { audit } from "../audit.js";
import type { Clock } from "../clock.js";
import type { EventSink } from "../events.js";
import type { Commands, PendingCommand } from "../commands/index.js";
import { isUniqueViolation } from "../commands/errors.js";
import { ConflictError, InvalidInputError, UnauthenticatedError } from "../errors.js";
import { LostModeRestorer, wasGone } from "../enrollments/relock.js";
import { normaliseApps, type AppUsage } from "../alerts/app-usage.js";
import { touchAndRead } from "./check-in.js";

export interface EnrollmentInput {
  enrollmentSecret: string;
  platform: "ios" | "ipados" | "macos" | "android" | "windows";
  name: string;
  model?: string;
  serial?: string;
  udid?: string;
  imei?: string;
  supervised?: boolean;
  ade?: boolean;
  ownerEmail?: string;
}

export interface AgentDeps {
  db: Db;
  clock: Clock;
  commands: Commands;
  events: EventSink;
  appUsage?: Pick<AppUsage, "report">;
  /** AGENT_ENROLLMENT_SECRET; unset: enrolment is closed. */
  enrollmentSecret: () => string | undefined;
}

const PLATFORM: Record<EnrollmentInput["platform"], Platform> = {
  ios: "IOS",
  ipados: "IPADOS",
  macos: "MACOS",
  android: "ANDROID",
  windows: "WINDOWS",
};

export { hashToken };

export class DeviceAgents {
  private readonly restorer: LostModeRestorer;
  constructor(private readonly deps: AgentDeps) {
    this.restorer = new LostModeRestorer(deps);
  }

  /**
   * Enrols a device, or re-enrols one we know by UDID, serial or IMEI (an ADE device after a
   * wipe comes back this way and is managed again). Returns the bearer token — only now.
   */
  async enroll(input: EnrollmentInput): Promise<{ deviceId: string; token: string; reenrolled: boolean }> {
    await this.checkSecret(input.enrollmentSecret);
    const platform = PLATFORM[input.platform];
    if (!platform)
      throw new InvalidInputError("platform must be ios, ipados, macos, android or windows", { field: "platform" });
    const token = randomBytes(32).toString("base64url");
    const now = this.deps.clock.now();
    const email = input.ownerEmail?.trim().toLowerCase() || null;

    const enrolled = await this.deps.db
      .$transaction(async (tx) => {
        let ownerId: string | null = null;
        let ownerCreated = false;
        if (email) {
          // An owner we have never seen becomes a person, marked as created on the fly.
          let owner = await tx.person.findUnique({ where: { email } });
          if (!owner) {
            owner = await tx.person.create({ data: { email, autoCreated: true, createdAt: now } });
            ownerCreated = true;
          }
          ownerId = owner.id;
          if (!owner.slackUserId)
            await this.deps.events.publish(tx, { type: "people.unlinked", emails: [owner.email] });
        }
        const keys = [
          input.udid ? { udid: input.udid } : null,
          input.serial ? { serial: input.serial } : null,
          input.imei ? { imei: input.imei } : null,
        ].filter((k): k is NonNullable<typeof k> => k !== null);
        const known = keys.length ? await tx.device.findFirst({ where: { OR: keys } }) : null;
        const data = {
          platform,
          name: input.name,
          model: input.model ?? null,
          supervised: input.supervised ?? false,
          ade: input.ade ?? false,
          agentTokenHash: hashToken(token),
          lastCheckInAt: now,
          ...(ownerId ? { ownerId } : {}),
        };
        let device: Device;
        if (known) {
          // A device that comes back after a wipe or a re-install is managed again, under a new token.
          device = await tx.device.update({
            where: { id: known.id },
            data: {
              ...data,
              driver: "agent",
              state: known.state === "LOST_MODE" ? "LOST_MODE" : "MANAGED",
              enrolledAt: now,
              serial: input.serial ?? known.serial,
              udid: input.udid ?? known.udid,
              imei: input.imei ?? known.imei,
            },
          });
        } else {
          device = await tx.device.create({
            data: {
              ...data,
              serial: input.serial ?? null,
              udid: input.udid ?? null,
              imei: input.imei ?? null,
              driver: "agent",
              state: "MANAGED",
              enrolledAt: now,
              createdAt: now,
            },
          });
        }
        await audit(tx, {
          actor: `device:${device.id}`,
          action: known ? "device.reenroll" : "device.enroll",
          subject: `device:${device.id}`,
          details: { platform, supervised: device.supervised, ade: device.ade, ownerCreated },
          at: now,
        });
        return {
          deviceId: device.id,
          token,
          reenrolled: Boolean(known),
          returned: Boolean(known && wasGone(known.state)),
        };
      })
      .catch((err: unknown) => {
        // Its identifiers point at two different devices we know: not for a device to settle.
        if (isUniqueViolation(err))
          throw new ConflictError(
            "these identifiers belong to another enrolled device (serial, UDID or IMEI), or a second enrolment ran at the same moment: try again",
          );
        throw err;
      });
    // The same rule as every other enrolment path: a wiped device still lost is locked again.
    if (enrolled.returned) await this.restorer.afterReturn(enrolled.deviceId, "agent");
    return { deviceId: enrolled.deviceId, token: enrolled.token, reenrolled: enrolled.reenrolled };
  }

  /** Throws unless `secret` is AGENT_ENROLLMENT_SECRET (compared in constant time). */
  async checkSecret(secret: string): Promise<void> {
    const expected = this.deps.enrollmentSecret();
    if (!expected) throw new UnauthenticatedError("device enrolment is closed: AGENT_ENROLLMENT_SECRET is not set");
    if (!safeEqual(secret, expected)) throw new UnauthenticatedError("wrong enrolment secret");
  }

  /** The device a bearer token belongs to; a wiped device's token no longer works. */
  async authenticate(token: string | undefined): Promise<Device> {
    if (!token) throw new UnauthenticatedError("missing bearer token");
    const device = await this.deps.db.device.findUnique({ where: { agentTokenHash: hashToken(token) } });
    if (!device) throw new UnauthenticatedError("unknown or revoked device token");
    return device;
  }

  /**
   * Records that the device is alive and hands it what is waiting for it. A check-in that
   * carries `installedApps` (the device's full list) is checked against the app usage policy.
   */
  async checkIn(token: string | undefined, report: { installedApps?: unknown } = {}): Promise<PendingCommand[]> {
    if (!token) throw new UnauthenticatedError("missing bearer token");
    // One round trip for the common case (nothing newly queued): see check-in.ts.
    const read = await touchAndRead(this.deps.db, hashToken(token), this.deps.clock.now());
    if (!read) throw new UnauthenticatedError("unknown or revoked device token");
    const apps = normaliseApps(report.installedApps);
    if (apps && this.deps.appUsage) await this.deps.appUsage.report(read.deviceId, apps, "agent");
    // The app policy raises alerts, never commands: what was read above is still what waits.
    if (read.queued) return this.deps.commands.collect(read.deviceId);
    return read.pending;
  }

  async recordResult(token: string | undefined, commandId: string, answer: Parameters<Commands["recordResult"]>[1]) {
    const device = await this.authenticate(token);
    return this.deps.commands.recordResult(commandId, answer, { deviceId: device.id });
  }
}
