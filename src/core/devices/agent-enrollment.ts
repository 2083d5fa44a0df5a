// Devices running the built-in agent: enrolment with the shared secret, a per-device bearer
// token (returned once, stored as sha256), and check-ins that collect pending commands.
// Re-enrolling a known device never hands it over silently (decision 0154): its current token
// proves continuity, an ADE device we wiped may come back as it was, anything else — another
// platform, owner or supervision, or no proof — waits for an administrator's approval in Slack.
import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client.js";
import type { Statements } from "../../db/prepared.js";
import type { Device, Platform } from "../../generated/prisma/client.js";
import { hashToken, safeEqual, tokenMatchesHash } from "../tokens.js";
import type { Actor, Actors } from "../actors.js";
import { audit } from "../audit.js";
import type { Clock } from "../clock.js";
import type { EventSink } from "../events.js";
import type { Commands, PendingCommand } from "../commands/index.js";
import { isUniqueViolation } from "../commands/errors.js";
import {
  ConflictError,
  InvalidInputError,
  NotAuthorizedError,
  NotFoundError,
  UnauthenticatedError,
} from "../errors.js";
import { LostModeRestorer, wasGone } from "../enrollments/relock.js";
import { normaliseApps, type AppUsage } from "../alerts/app-usage.js";
import { checkInStatement, type TouchAndRead } from "./check-in.js";

export interface EnrollmentInput {
  /** The shared secret (automated enrolment) — or, instead, a one-time code. */
  enrollmentSecret?: string;
  /** A one-time code issued for one owner (/mdm enroll): the owner comes from the code. */
  enrollmentCode?: string;
  platform: "ios" | "ipados" | "macos" | "android" | "windows";
  name: string;
  model?: string;
  serial?: string;
  udid?: string;
  imei?: string;
  supervised?: boolean;
  ade?: boolean;
  ownerEmail?: string;
  /** The device's current agent token, when it has one: proves it is the device we know. */
  deviceToken?: string;
}

export type EnrollmentResult =
  | { status: "enrolled"; deviceId: string; token: string; reenrolled: boolean }
  /** A known device's claim that waits for approval; the token works once it is approved. */
  | { status: "pending_approval"; claimId: string; token: string };

export interface AgentDeps {
  db: Db;
  statements: Statements;
  clock: Clock;
  commands: Commands;
  events: EventSink;
  appUsage?: Pick<AppUsage, "report">;
  /** AGENT_ENROLLMENT_SECRET, then AGENT_ENROLLMENT_SECRET_PREVIOUS while agents move to a
   *  new one (rotation without downtime); none: enrolment is closed. */
  enrollmentSecret: () => string | undefined;
  previousEnrollmentSecret?: () => string | undefined;
  actors?: Pick<Actors, "canActOnDevice">;
  /** ENROLLMENT_CODE_HOURS: how long a one-time enrolment code stays usable. */
  codeHours?: number;
}

const PLATFORM: Record<EnrollmentInput["platform"], Platform> = {
  ios: "IOS",
  ipados: "IPADOS",
  macos: "MACOS",
  android: "ANDROID",
  windows: "WINDOWS",
};

export { hashToken };

/** How long an enrolment code stays valid unless ENROLLMENT_CODE_HOURS says otherwise. */
export const CODE_HOURS = 72;
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"; // no 0/O, 1/I/L, U: read aloud and typed

/** "K7Q2-9XMP-RT4A-WB3N": 16 characters from 30 (about 78 bits). */
function newCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("");
  return chars.match(/.{4}/g)!.join("-");
}

const normaliseCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, "");

const twoDevices = () =>
  new ConflictError(
    "these identifiers belong to another enrolled device (serial, UDID or IMEI), or a second enrolment ran at the same moment: try again",
    {},
    { reason: "enrollment.identifiers_taken" },
  );

export class DeviceAgents {
  private readonly restorer: LostModeRestorer;
  private readonly touchAndRead: TouchAndRead;
  constructor(private readonly deps: AgentDeps) {
    this.restorer = new LostModeRestorer(deps);
    this.touchAndRead = checkInStatement(deps.statements);
  }

  /**
   * Enrols a device, or re-enrols one we know by UDID, serial or IMEI (an ADE device after a
   * wipe comes back this way and is managed again). Returns the bearer token — only now.
   */
  async enroll(input: EnrollmentInput): Promise<EnrollmentResult> {
    if (!input.enrollmentCode) await this.checkSecret(input.enrollmentSecret ?? "");
    const platform = PLATFORM[input.platform];
    if (!platform)
      throw new InvalidInputError(
        "platform must be ios, ipados, macos, android or windows",
        { field: "platform" },
        { reason: "enrollment.platform" },
      );
    const token = randomBytes(32).toString("base64url");
    const now = this.deps.clock.now();
    const code = input.enrollmentCode ? normaliseCode(input.enrollmentCode) : null;

    const enrolled = await this.deps.db
      .$transaction(async (tx) => {
        // A code is spent in the enrolment's own transaction: a refused enrolment leaves it usable.
        let email = input.ownerEmail?.trim().toLowerCase() || null;
        let codeId: string | null = null;
        if (code) {
          const found = await tx.enrollmentCode.findUnique({ where: { codeHash: hashToken(code) } });
          const spent = found
            ? await tx.enrollmentCode.updateMany({
                where: { id: found.id, usedAt: null, expiresAt: { gt: now } },
                data: { usedAt: now },
              })
            : { count: 0 };
          if (spent.count !== 1)
            throw new UnauthenticatedError(
              "enrolment code unknown, already used or expired",
              {},
              { reason: "enrollment.code_spent" },
            );
          email = found!.ownerEmail;
          codeId = found!.id;
        }
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
        const matches = keys.length ? await tx.device.findMany({ where: { OR: keys }, take: 2 }) : [];
        // Its identifiers point at two different devices we know: not for a device to settle.
        if (matches.length > 1) throw twoDevices();
        const known = matches[0] ?? null;
        if (known && !this.continues(known, input, platform, ownerId)) {
          const claim = await tx.enrollmentClaim.create({
            data: {
              deviceId: known.id,
              tokenHash: hashToken(token),
              platform,
              name: input.name,
              model: input.model ?? null,
              serial: input.serial ?? null,
              udid: input.udid ?? null,
              imei: input.imei ?? null,
              supervised: input.supervised ?? false,
              ade: input.ade ?? false,
              ownerEmail: email,
              createdAt: now,
            },
          });
          await audit(tx, {
            actor: "device:claimant",
            action: "device.reenroll_claimed",
            subject: `device:${known.id}`,
            details: {
              claimId: claim.id,
              from: { platform: known.platform, supervised: known.supervised, ownerId: known.ownerId },
              to: { platform, supervised: claim.supervised, ownerId },
            },
            at: now,
          });
          await this.deps.events.publish(tx, { type: "device.reenroll_claimed", claimId: claim.id });
          return { claimId: claim.id };
        }
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
        if (codeId) await tx.enrollmentCode.update({ where: { id: codeId }, data: { deviceId: device.id } });
        await audit(tx, {
          actor: `device:${device.id}`,
          action: known ? "device.reenroll" : "device.enroll",
          subject: `device:${device.id}`,
          details: { platform, supervised: device.supervised, ade: device.ade, ownerCreated, byCode: Boolean(codeId) },
          at: now,
        });
        return {
          claimId: null,
          deviceId: device.id,
          token,
          reenrolled: Boolean(known),
          returned: Boolean(known && wasGone(known.state)),
        };
      })
      .catch((err: unknown) => {
        // Its identifiers point at two different devices we know: not for a device to settle.
        if (isUniqueViolation(err)) throw twoDevices();
        throw err;
      });
    if (enrolled.claimId) return { status: "pending_approval", claimId: enrolled.claimId, token };
    // The same rule as every other enrolment path: a wiped device still lost is locked again.
    if (enrolled.returned) await this.restorer.afterReturn(enrolled.deviceId!, "agent");
    return {
      status: "enrolled",
      deviceId: enrolled.deviceId!,
      token: enrolled.token!,
      reenrolled: enrolled.reenrolled!,
    };
  }

  /**
   * A known device re-enrols by itself only as itself: holding its current token, or as an ADE
   * device we wiped (its token went with the erase; Apple's activation brings it back). And never
   * as another platform, with less supervision, or for another owner.
   */
  private continues(known: Device, input: EnrollmentInput, platform: Platform, ownerId: string | null): boolean {
    const same =
      known.platform === platform &&
      known.supervised === (input.supervised ?? false) &&
      (ownerId === null || known.ownerId === null || ownerId === known.ownerId);
    if (!same) return false;
    if (input.deviceToken && tokenMatchesHash(input.deviceToken, known.agentTokenHash)) return true;
    if (wasGone(known.state)) return known.ade && !known.agentTokenHash;
    return listedNeverEnrolled(known, ownerId);
  }

  /** The claims waiting for approval, with what would change (for Slack and the audit). */
  async claim(claimId: string) {
    const claim = await this.deps.db.enrollmentClaim.findUnique({ where: { id: claimId } });
    if (!claim) throw new NotFoundError("enrolment claim", {}, { reason: "not_found.enrollment_claim" });
    const device = await this.deps.db.device.findUniqueOrThrow({
      where: { id: claim.deviceId },
      include: { owner: { include: { department: true } } },
    });
    const newOwner = claim.ownerEmail
      ? await this.deps.db.person.findUnique({ where: { email: claim.ownerEmail }, include: { department: true } })
      : null;
    return { claim, device, newOwner };
  }

  /**
   * An administrator who may act on the device hands it to the claimant: the claim's platform,
   * supervision, owner and token become the device's; commands still pending for the old token are
   * cancelled (they never move to a new one); a wiped device still lost is locked again.
   */
  async decideClaim(actor: Actor, claimId: string, approve: boolean): Promise<{ deviceId: string; approved: boolean }> {
    const { claim } = await this.claim(claimId);
    if (!(await this.deps.actors?.canActOnDevice(actor, claim.deviceId)))
      throw new NotAuthorizedError(
        "only an administrator of this device may decide its enrolment",
        {},
        { reason: "auth.device_admin" },
      );
    const now = this.deps.clock.now();
    const returned = await this.deps.db.$transaction(async (tx) => {
      const decided = await tx.enrollmentClaim.updateMany({
        where: { id: claimId, state: "PENDING" },
        data: { state: approve ? "APPROVED" : "REJECTED", decidedBy: actor.id, decidedAt: now },
      });
      if (decided.count !== 1)
        throw new ConflictError("this enrolment was already decided", {}, { reason: "enrollment.already_decided" });
      await this.deps.events.publish(tx, { type: "device.reenroll_decided", claimId });
      const known = await tx.device.findUniqueOrThrow({ where: { id: claim.deviceId } });
      if (!approve) {
        await audit(tx, {
          actor: actor.id,
          action: "device.reenroll_rejected",
          subject: `device:${known.id}`,
          details: { claimId },
          at: now,
        });
        return false;
      }
      let ownerId = known.ownerId;
      if (claim.ownerEmail) {
        const owner =
          (await tx.person.findUnique({ where: { email: claim.ownerEmail } })) ??
          (await tx.person.create({ data: { email: claim.ownerEmail, autoCreated: true, createdAt: now } }));
        ownerId = owner.id;
      }
      const cancelled = await tx.command.updateMany({
        where: { deviceId: known.id, state: { in: ["AWAITING_APPROVAL", "QUEUED"] } },
        data: { state: "CANCELLED" },
      });
      await tx.device.update({
        where: { id: known.id },
        data: {
          platform: claim.platform,
          name: claim.name,
          model: claim.model,
          supervised: claim.supervised,
          ade: claim.ade,
          ownerId,
          agentTokenHash: claim.tokenHash,
          driver: "agent",
          state: known.state === "LOST_MODE" ? "LOST_MODE" : "MANAGED",
          enrolledAt: now,
          lastCheckInAt: now,
          serial: claim.serial ?? known.serial,
          udid: claim.udid ?? known.udid,
          imei: claim.imei ?? known.imei,
        },
      });
      await audit(tx, {
        actor: actor.id,
        action: "device.reenroll_approved",
        subject: `device:${known.id}`,
        details: {
          claimId,
          from: { platform: known.platform, supervised: known.supervised, ownerId: known.ownerId },
          to: { platform: claim.platform, supervised: claim.supervised, ownerId },
          commandsCancelled: cancelled.count,
        },
        at: now,
      });
      return wasGone(known.state) || known.state === "LOST_MODE";
    });
    if (returned) await this.restorer.afterReturn(claim.deviceId, "agent");
    return { deviceId: claim.deviceId, approved: approve };
  }

  /**
   * A one-time enrolment code for one owner's device, valid `hours` and once: shown now, kept
   * only as a hash. Administrators only.
   */
  async issueCode(
    actor: Actor,
    ownerEmail: string,
    hours = this.deps.codeHours ?? CODE_HOURS,
  ): Promise<{ code: string; expiresAt: Date }> {
    if (!(actor.systemAdmin || actor.adminOf.length > 0))
      throw new NotAuthorizedError("only an administrator can issue enrolment codes", {}, { reason: "auth.admin" });
    const email = ownerEmail.trim().toLowerCase();
    if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(email) || email.length > 254)
      throw new InvalidInputError(
        "give the owner's e-mail address",
        { field: "ownerEmail" },
        { reason: "enrollment.owner_email" },
      );
    const now = this.deps.clock.now();
    const code = newCode();
    const expiresAt = new Date(now.getTime() + hours * 3_600_000);
    await this.deps.db.$transaction(async (tx) => {
      await tx.enrollmentCode.create({
        data: {
          codeHash: hashToken(normaliseCode(code)),
          ownerEmail: email,
          createdBy: actor.id,
          createdAt: now,
          expiresAt,
        },
      });
      await audit(tx, {
        actor: actor.id,
        action: "enrollment_code.issued",
        subject: `person-email:${email}`,
        details: { expiresAt: expiresAt.toISOString() },
        at: now,
      });
    });
    return { code, expiresAt };
  }

  /** Throws unless `secret` is AGENT_ENROLLMENT_SECRET (compared in constant time). */
  async checkSecret(secret: string): Promise<void> {
    const expected = this.deps.enrollmentSecret();
    if (!expected)
      throw new UnauthenticatedError(
        "device enrolment is closed: AGENT_ENROLLMENT_SECRET is not set",
        {},
        { reason: "enrollment.closed" },
      );
    const previous = this.deps.previousEnrollmentSecret?.();
    // Both compared, always: the timing says nothing about which one matched.
    const current = safeEqual(secret, expected);
    const old = previous ? safeEqual(secret, previous) : false;
    if (!current && !old)
      throw new UnauthenticatedError("wrong enrolment secret", {}, { reason: "enrollment.wrong_secret" });
  }

  /** The device a bearer token belongs to; a wiped device's token no longer works. */
  async authenticate(token: string | undefined): Promise<Device> {
    if (!token) throw new UnauthenticatedError("missing bearer token", {}, { reason: "agent.token_missing" });
    const device = await this.deps.db.device.findUnique({ where: { agentTokenHash: hashToken(token) } });
    if (!device) throw await this.refusal(token);
    return device;
  }

  /**
   * Records that the device is alive and hands it what is waiting for it. A check-in that
   * carries `installedApps` (the device's full list) is checked against the app usage policy.
   */
  async checkIn(token: string | undefined, report: { installedApps?: unknown } = {}): Promise<PendingCommand[]> {
    if (!token) throw new UnauthenticatedError("missing bearer token", {}, { reason: "agent.token_missing" });
    // One round trip for the common case (nothing newly queued): see check-in.ts.
    const read = await this.touchAndRead(hashToken(token), this.deps.clock.now());
    if (!read) throw await this.refusal(token);
    const apps = normaliseApps(report.installedApps);
    if (apps && this.deps.appUsage) await this.deps.appUsage.report(read.deviceId, apps, "agent");
    // The app policy raises alerts, never commands: what was read above is still what waits.
    if (read.queued) return this.deps.commands.collect(read.deviceId);
    return read.pending;
  }

  /** Why a token is not (yet) a device's: a claim still waiting for approval says so. */
  private async refusal(token: string): Promise<UnauthenticatedError> {
    const claim = await this.deps.db.enrollmentClaim.findUnique({ where: { tokenHash: hashToken(token) } });
    if (claim?.state === "PENDING")
      return new UnauthenticatedError(
        "this enrolment waits for an administrator's approval: check in again later",
        {},
        { reason: "agent.awaiting_approval" },
      );
    if (claim?.state === "REJECTED")
      return new UnauthenticatedError(
        "this enrolment was refused by an administrator",
        {},
        { reason: "agent.enrollment_refused" },
      );
    return new UnauthenticatedError("unknown or revoked device token", {}, { reason: "agent.token_unknown" });
  }

  async recordResult(token: string | undefined, commandId: string, answer: Parameters<Commands["recordResult"]>[1]) {
    const device = await this.authenticate(token);
    return this.deps.commands.recordResult(commandId, answer, { deviceId: device.id });
  }
}

/**
 * A device an administrator listed (inventory import, the demo company) that no agent has ever
 * enrolled: its first enrolment has nothing to take over — no token was ever issued, so no agent
 * holds one and no command has been handed out — and the listing already says what it is, so a
 * claim that matches it (platform, supervision, and the listed owner named, not left out) is the device arriving. A second agent
 * claiming it later has no token and waits for approval. (A listed check-in time comes from the
 * previous MDM's export, not from our agent.)
 */
function listedNeverEnrolled(known: Device, ownerId: string | null): boolean {
  return known.driver === "agent" && !known.agentTokenHash && (known.ownerId === null || ownerId === known.ownerId);
}
