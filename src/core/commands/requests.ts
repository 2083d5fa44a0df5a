// Admins asking for commands: authorise, apply the device rules, create one command per device
// and type while it is live (the unique activeKey), and the two-person rule for wipes.
import { readCompanyContact } from "../company-contact.js";
import type { Db, Prisma } from "../../db/client.js";
import type { Command, CommandType, Device } from "../../generated/prisma/client.js";
import type { Actor, Actors } from "../actors.js";
import { audit } from "../audit.js";
import type { Clock } from "../clock.js";
import { ConflictError, DomainError, InvalidInputError, NotAllowedError, NotFoundError } from "../errors.js";
import type { EventSink } from "../events.js";
import { randomInt } from "node:crypto";
import type { Platform } from "../../generated/prisma/enums.js";
import { commandRefusal, type Refusal } from "./capability.js";
import { normaliseEraseParams } from "../devices/erase-options.js";
import type { SecretBox } from "../secrets.js";
import { COMPANY_CONTACT_KEY } from "../company-contact.js";
import { isUniqueViolation } from "./errors.js";
import { alreadyApproved, commandAlready, decidedMeanwhile, notAPhone } from "../refusals.js";
import { reportFollows, transition, type ReportStatusWriter } from "./lifecycle.js";
import { requesterOf } from "./queries.js";
import { activeKeyOf, expiresAtFor, ORDINARY_EXPIRY_MS, reportStatusOnQueue } from "./rules.js";
import { approvalsRequired, readResponsePolicy } from "../brake/policy.js";
import { markFirstAction } from "../response/escalation.js";
import { lockWipeBrake, wipesInLastHour, wipesReleasedInLastHour } from "../brake/limit.js";
import { wipeScopeFor } from "../devices/personal.js";
import { usableConsent } from "../devices/consent.js";

export interface CommandRequest {
  deviceId: string;
  type: CommandType;
  reportId?: string | null;
  params?: Record<string, unknown>;
  /** The bulk request this command is part of (several devices at once). */
  batchId?: string | null;
}

export interface RequestsDeps {
  db: Db;
  clock: Clock;
  events: EventSink;
  actors: Actors;
  reports: ReportStatusWriter;
  /** WIPE_LIMIT_PER_HOUR: the starting value until two admins change it from Slack. */
  wipeLimitPerHour?: number;
  /** Seals a Mac's Find My PIN (SECRET_ENCRYPTION_KEY). */
  secrets: SecretBox;
}

export class CommandRequests {
  constructor(private readonly deps: RequestsDeps) {}

  /**
   * May this actor ask for this command on this device now? Throws the reason if not, and
   * records the click either way. Buttons call it before opening a modal, so a refusal comes
   * at once rather than after the admin has filled the form in.
   */
  async check(actor: Actor, req: CommandRequest, opts: { recordClick?: boolean } = {}): Promise<Device> {
    const { db } = this.deps;
    const device = await db.device.findUnique({ where: { id: req.deviceId } });
    if (!device) throw new NotFoundError("device", {}, { reason: "not_found.device" });
    try {
      await this.deps.actors.requireDeviceAdmin(actor, device.id);
      const refusal =
        req.type === "CLEAR_ACTIVATION_LOCK"
          ? await activationLockClearRefusal(db, device)
          : commandRefusal(device, req.type, req.params);
      if (refusal) throw new NotAllowedError(refusal.message, { reasonKey: refusal.reasonKey });
      if (req.type === "ERASE_DEVICE") {
        const scope = wipeScopeFor(device, req.params?.scope);
        if ("refusedKey" in scope)
          throw new NotAllowedError(PERSONAL_REFUSALS[scope.refusedKey] ?? scope.refusedKey, {
            reasonKey: scope.refusedKey,
          });
      }
    } catch (err) {
      await this.refused(actor, req, err);
      throw err;
    }
    if (opts.recordClick) {
      await audit(db, {
        actor: actor.id,
        action: "command.click",
        subject: `device:${device.id}`,
        details: { type: req.type, reportId: req.reportId ?? null },
        at: this.deps.clock.now(),
      });
    }
    return device;
  }

  /** Creates the command: QUEUED, or AWAITING_APPROVAL for a wipe. A second click gets ConflictError. */
  async request(actor: Actor, req: CommandRequest): Promise<Command> {
    let params = normaliseParams(req);
    const checked = await this.check(actor, req);
    // What a wipe removes is the core's decision: the company's part only on a personal device.
    const scope = req.type === "ERASE_DEVICE" ? wipeScopeFor(checked, req.params?.scope) : null;
    if (scope && "scope" in scope) params = { ...params, scope: scope.scope };
    const companyDataOnly = Boolean(scope && "scope" in scope && scope.scope === "company_data");
    // Apple's erase options and a Mac's Find My PIN belong to EraseDevice, not to removing company data.
    if (req.type === "ERASE_DEVICE" && isApple(checked.platform) && !companyDataOnly)
      params = { ...params, ...normaliseEraseParams(checked, req.params ?? {}) };
    if (req.type === "CLEAR_ACTIVATION_LOCK") params = await this.unlockParams(actor, checked);
    // A Mac's lock and erase carry a Find My PIN the app makes up; only its sealed form is kept.
    const findMyPinSealed =
      needsFindMyPin(checked, req.type) && !companyDataOnly ? this.deps.secrets.encrypt(newFindMyPin()) : null;
    const now = this.deps.clock.now();
    try {
      return await this.deps.db.$transaction(async (tx) => {
        const device = await tx.device.findUniqueOrThrow({ where: { id: req.deviceId } });
        // A full reset of a personal device uses up the owner's consent, or is refused.
        const consent =
          scope && "scope" in scope && scope.needsConsent ? await usableConsent(tx, device.id, now) : null;
        if (scope && "scope" in scope && scope.needsConsent && !consent)
          throw new NotAllowedError(PERSONAL_REFUSALS["personal.refused.needs_consent"]!, {
            reasonKey: "personal.refused.needs_consent",
          });
        if (req.reportId && !(await tx.lossReport.findUnique({ where: { id: req.reportId }, select: { id: true } }))) {
          throw new NotFoundError("report", {}, { reason: "not_found.report" });
        }
        const lostModePending =
          (await tx.command.count({ where: { activeKey: activeKeyOf(device.id, "ENABLE_LOST_MODE") } })) > 0;
        if (req.type === "ERASE_DEVICE") await lockWipeBrake(tx);
        const policy = await readResponsePolicy(tx, { wipeLimitPerHour: this.deps.wipeLimitPerHour });
        const brake = approvalsRequired(
          req.type,
          policy,
          req.type === "ERASE_DEVICE" ? await wipesInLastHour(tx, now) : 0,
        );
        // Clearing Activation Lock hands a device to whoever holds it: always a second administrator.
        if (req.type === "CLEAR_ACTIVATION_LOCK") brake.required = Math.max(1, brake.required);
        const twoPerson = brake.required > 0;
        const expiresAt = expiresAtFor(req.type, now, {
          deviceInLostMode: device.state === "LOST_MODE",
          lostModePending,
        });
        const command = await tx.command.create({
          data: {
            deviceId: device.id,
            reportId: req.reportId ?? null,
            type: req.type,
            params: (await withOrganisation(tx, req.type, device.platform, params)) as Prisma.InputJsonValue,
            state: twoPerson ? "AWAITING_APPROVAL" : "QUEUED",
            requestedById: actor.personId,
            requestedAt: now,
            ...(twoPerson ? {} : { approvedById: actor.personId, approvedAt: now, queuedAt: now }),
            expiresAt,
            activeKey: activeKeyOf(device.id, req.type),
            approvalsRequired: brake.required,
            breakGlass: brake.breakGlass,
            batchId: req.batchId ?? null,
            findMyPinSealed,
            createdAt: now,
          },
        });
        if (consent) {
          await tx.ownerConsent.update({ where: { id: consent.id }, data: { state: "USED", commandId: command.id } });
          await audit(tx, {
            actor: actor.id,
            action: "consent.use",
            subject: `consent:${consent.id}`,
            details: { commandId: command.id },
            at: now,
          });
        }
        await audit(tx, {
          actor: actor.id,
          action: "command.request",
          subject: `command:${command.id}`,
          details: {
            type: req.type,
            scope: scope && "scope" in scope ? scope.scope : undefined,
            deviceId: device.id,
            reportId: req.reportId ?? null,
            state: command.state,
            neverExpires: expiresAt === null,
            approvalsRequired: brake.required,
            breakGlass: brake.breakGlass,
            batchId: req.batchId ?? null,
            wipeLimitPerHour: req.type === "ERASE_DEVICE" ? policy.wipeLimitPerHour : undefined,
            findMyPin: findMyPinSealed ? true : undefined,
          },
          at: now,
        });
        await this.deps.events.publish(tx, {
          type: "command.changed",
          commandId: command.id,
          from: null,
          to: command.state,
        });
        await markFirstAction(tx, command.reportId, now);
        if (brake.breakGlass)
          await this.deps.events.publish(tx, {
            type: "security.notice",
            kind: "wipe_past_limit",
            commandId: command.id,
            actor: actor.id,
            limit: policy.wipeLimitPerHour,
          });
        await reportFollows(tx, this.follow(now), command.reportId, twoPerson ? null : reportStatusOnQueue(req.type), {
          actor: actor.id,
        });
        return command;
      });
    } catch (err) {
      if (!isUniqueViolation(err)) {
        if (err instanceof NotAllowedError) await this.refused(actor, req, err);
        throw err;
      }
      const live = await this.deps.db.command.findUnique({ where: { activeKey: activeKeyOf(req.deviceId, req.type) } });
      await audit(this.deps.db, {
        actor: actor.id,
        action: "command.duplicate",
        subject: live ? `command:${live.id}` : `device:${req.deviceId}`,
        details: { type: req.type, state: live?.state ?? null },
        at: now,
      });
      throw new ConflictError(
        "this command is already requested for this device",
        { commandId: live?.id, type: req.type, state: live?.state },
        { reason: "command.already_requested" },
      );
    }
  }

  /**
   * An administrator other than the requester approves a command awaiting approval. A wipe (or
   * a type the response policy names) needs one; a break-glass wipe, past the rolling-hour limit,
   * needs two. Returns the command: still AWAITING_APPROVAL while approvals are missing.
   */
  async approve(actor: Actor, commandId: string): Promise<Command> {
    const { db, clock } = this.deps;
    const command = await db.command.findUnique({ where: { id: commandId } });
    if (!command) throw new NotFoundError("command", {}, { reason: "not_found.command" });
    const req = { deviceId: command.deviceId, type: command.type, reportId: command.reportId };
    try {
      await this.deps.actors.requireDeviceAdmin(actor, command.deviceId);
      if (command.approvalsRequired === 0 && command.type !== "ERASE_DEVICE")
        throw new NotAllowedError(
          "this command needs no second approval",
          {},
          { reason: "command.no_approval_needed" },
        );
      const requester = await requesterOf(db, command.id);
      const samePerson =
        requester === actor.id || (actor.personId !== null && command.requestedById === actor.personId);
      if (samePerson)
        throw command.type === "ERASE_DEVICE"
          ? new NotAllowedError(
              "a wipe needs a second administrator: you requested it, so someone else must approve it",
              {
                reasonKey: "commands.refused.two_person",
              },
            )
          : new NotAllowedError(
              "the response policy requires a second administrator: you requested this, so someone else must approve it",
              { reasonKey: "brake.refused.two_person_command" },
            );
      const mine = await db.commandApproval.findFirst({
        where: { commandId, OR: [{ actor: actor.id }, ...(actor.personId ? [{ personId: actor.personId }] : [])] },
      });
      if (mine) throw alreadyApproved();
    } catch (err) {
      await this.refused(actor, req, err, command.id);
      throw err;
    }
    if (command.state !== "AWAITING_APPROVAL") throw commandAlready(command);
    const now = clock.now();
    const approved = await db
      .$transaction(async (tx) => {
        if (command.type === "ERASE_DEVICE") await lockWipeBrake(tx);
        const current = await tx.command.findUniqueOrThrow({ where: { id: command.id } });
        if (current.state !== "AWAITING_APPROVAL") return null;
        await tx.commandApproval.create({
          data: { commandId: command.id, actor: actor.id, personId: actor.personId, at: now },
        });
        let required = Math.max(1, current.approvalsRequired);
        // Requests spread over hours can still be approved in a burst: the limit holds at release too.
        if (current.type === "ERASE_DEVICE" && !current.breakGlass) {
          const policy = await readResponsePolicy(tx, { wipeLimitPerHour: this.deps.wipeLimitPerHour });
          if ((await wipesReleasedInLastHour(tx, now, current.id)) >= policy.wipeLimitPerHour) {
            required = 2;
            await tx.command.update({ where: { id: current.id }, data: { breakGlass: true, approvalsRequired: 2 } });
            await audit(tx, {
              actor: actor.id,
              action: "command.break_glass",
              subject: `command:${current.id}`,
              details: { limit: policy.wipeLimitPerHour },
              at: now,
            });
            await this.deps.events.publish(tx, {
              type: "security.notice",
              kind: "wipe_past_limit",
              commandId: current.id,
              actor: actor.id,
              limit: policy.wipeLimitPerHour,
            });
          }
        }
        const given = await tx.commandApproval.count({ where: { commandId: command.id } });
        if (given < required) {
          await audit(tx, {
            actor: actor.id,
            action: "command.approval_recorded",
            subject: `command:${command.id}`,
            details: { type: command.type, given, required },
            at: now,
          });
          await this.deps.events.publish(tx, {
            type: "command.approval",
            commandId: command.id,
            actor: actor.id,
            given,
            required,
          });
          return tx.command.findUniqueOrThrow({ where: { id: command.id } });
        }
        // A request that was never-expiring (after lost mode) stays so; otherwise 7 days from now.
        const expiresAt = current.expiresAt === null ? null : new Date(now.getTime() + ORDINARY_EXPIRY_MS);
        const ok = await transition(
          tx,
          { events: this.deps.events, now },
          {
            commandId: command.id,
            from: "AWAITING_APPROVAL",
            to: "QUEUED",
            actor: actor.id,
            data: { approvedById: actor.personId, approvedAt: now, queuedAt: now, expiresAt },
          },
        );
        if (!ok) return null;
        await audit(tx, {
          actor: actor.id,
          action: "command.approve",
          subject: `command:${command.id}`,
          details: { type: command.type, approvals: given, breakGlass: required > 1 },
          at: now,
        });
        await reportFollows(tx, this.follow(now), command.reportId, reportStatusOnQueue(command.type), {
          actor: actor.id,
        });
        return tx.command.findUniqueOrThrow({ where: { id: command.id } });
      })
      .catch((err) => {
        if (isUniqueViolation(err)) throw alreadyApproved();
        throw err;
      });
    if (!approved) throw decidedMeanwhile(command);
    return approved;
  }

  /** Withdraws a command no device has received yet (a wipe awaiting approval, a queued lock). */
  async cancel(actor: Actor, commandId: string): Promise<Command> {
    const { db, clock } = this.deps;
    const command = await db.command.findUnique({ where: { id: commandId } });
    if (!command) throw new NotFoundError("command", {}, { reason: "not_found.command" });
    try {
      await this.deps.actors.requireDeviceAdmin(actor, command.deviceId);
    } catch (err) {
      await this.refused(
        actor,
        { deviceId: command.deviceId, type: command.type, reportId: command.reportId },
        err,
        command.id,
      );
      throw err;
    }
    if (command.state !== "AWAITING_APPROVAL" && command.state !== "QUEUED") {
      throw commandAlready(command, "command");
    }
    const now = clock.now();
    const cancelled = await db.$transaction(async (tx) => {
      const ok = await transition(
        tx,
        { events: this.deps.events, now },
        { commandId: command.id, from: command.state, to: "CANCELLED", actor: actor.id },
      );
      if (!ok) return null;
      await reportFollows(tx, this.follow(now), command.reportId, null);
      return tx.command.findUniqueOrThrow({ where: { id: command.id } });
    });
    if (!cancelled)
      throw new ConflictError(
        "the command changed meanwhile; nothing was cancelled",
        {},
        { reason: "command.changed_meanwhile" },
      );
    return cancelled;
  }

  /**
   * What Apple's escrow-key unlock needs besides the bypass code (opened only when it is sent):
   * the device's serial, product type, IMEI and enrolment topic, the organisation's name and who
   * asked (both for Apple's audit).
   */
  private async unlockParams(actor: Actor, device: Device): Promise<Record<string, unknown>> {
    const contact = await this.deps.db.setting.findUnique({ where: { key: COMPANY_CONTACT_KEY } });
    const organisation = (contact?.value as { organisation?: string | null } | null)?.organisation;
    const person = actor.personId
      ? await this.deps.db.person.findUnique({ where: { id: actor.personId }, select: { email: true } })
      : null;
    return {
      serial: device.serial,
      productType: device.productName,
      ...(device.imei ? { imei: device.imei } : {}),
      topic: device.mdmTopic,
      orgName: organisation || "IT",
      guid: person?.email ?? actor.id,
    };
  }

  /**
   * The erase options of a wipe still awaiting its second administrator (the requester chose the
   * safe defaults with the click; Apple's other options are set here before anyone approves).
   */
  async updateEraseOptions(actor: Actor, commandId: string, given: Record<string, unknown>): Promise<Command> {
    const { db, clock } = this.deps;
    const command = await db.command.findUnique({ where: { id: commandId }, include: { device: true } });
    if (!command || command.type !== "ERASE_DEVICE") throw new NotFoundError("wipe", {}, { reason: "not_found.wipe" });
    await this.deps.actors.requireDeviceAdmin(actor, command.deviceId);
    if ((command.params as { scope?: string } | null)?.scope === "company_data")
      throw new NotAllowedError(
        "removing company data has no erase options",
        {},
        { reason: "wipe.company_data_no_options" },
      );
    if (command.state !== "AWAITING_APPROVAL") throw commandAlready(command);
    const options = normaliseEraseParams(command.device, given);
    const params = { ...(command.params as Record<string, unknown>), ...options };
    return db.$transaction(async (tx) => {
      const { count } = await tx.command.updateMany({
        where: { id: commandId, state: "AWAITING_APPROVAL" },
        data: { params: params as Prisma.InputJsonValue },
      });
      if (!count) throw decidedMeanwhile(command);
      await audit(tx, {
        actor: actor.id,
        action: "command.erase_options",
        subject: `command:${commandId}`,
        details: { ...options },
        at: clock.now(),
      });
      return tx.command.findUniqueOrThrow({ where: { id: commandId } });
    });
  }

  /**
   * A Mac's Find My PIN, opened for an administrator (the requester and approvers once, anyone
   * who asks on the device card later); every opening is audited.
   */
  async findMyPin(actor: Actor, commandId: string, why: "requested" | "approved" | "device_card"): Promise<string> {
    const command = await this.deps.db.command.findUnique({ where: { id: commandId } });
    if (!command?.findMyPinSealed) throw new NotFoundError("Find My PIN", {}, { reason: "not_found.find_my_pin" });
    await this.deps.actors.requireDeviceAdmin(actor, command.deviceId);
    const pin = this.deps.secrets.decrypt(command.findMyPinSealed);
    await audit(this.deps.db, {
      actor: actor.id,
      action: "command.find_my_pin_shown",
      subject: `command:${command.id}`,
      details: { type: command.type, deviceId: command.deviceId, why },
      at: this.deps.clock.now(),
    });
    return pin;
  }

  private follow(now: Date) {
    return { events: this.deps.events, reports: this.deps.reports, now };
  }

  private async refused(actor: Actor, req: CommandRequest, err: unknown, commandId?: string): Promise<void> {
    if (!(err instanceof DomainError)) return;
    await audit(this.deps.db, {
      actor: actor.id,
      action: "command.refused",
      subject: commandId ? `command:${commandId}` : `device:${req.deviceId}`,
      details: { type: req.type, reportId: req.reportId ?? null, code: err.code, reason: err.message },
      at: this.deps.clock.now(),
    });
  }
}

/** The personal-device rules' refusals, in English for logs and API callers (adapters translate the key). */
const PERSONAL_REFUSALS: Record<string, string> = {
  "personal.refused.company_device": "removing company data only is for personal devices; a company device is wiped",
  "personal.refused.full_impossible":
    "the platform cannot erase this personal device completely; only the company data can be removed",
  "personal.refused.no_company_part":
    "this personal device has no separate company part; a full reset needs the owner's consent",
  "personal.refused.needs_consent":
    "a full reset of a personal device needs its owner's consent, recorded first; ask the owner",
};

/**
 * Android's lost-mode screen has its own line for the organisation (lostOrganization), where
 * Apple has only the message: the company's name from its contact settings fills it, unless
 * the request names one.
 */
async function withOrganisation(
  tx: Pick<Db, "setting">,
  type: CommandType,
  platform: string,
  params: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  if (type !== "ENABLE_LOST_MODE" || platform !== "ANDROID" || params.Organization) return params;
  const { organisation } = await readCompanyContact(tx);
  return organisation ? { ...params, Organization: organisation } : params;
}

const MAX_TEXT = 200;

const isApple = (p: Platform) => p === "IOS" || p === "IPADOS" || p === "MACOS";

/** Six digits from the CSPRNG (Apple: "the six-character PIN for Find My"). */
export const newFindMyPin = () => String(randomInt(0, 1_000_000)).padStart(6, "0");

/**
 * Lock and erase of a Mac through an MDM service carry a Find My PIN (Apple's PIN key exists only
 * on macOS). The built-in agent gets none: it could not apply it, and an admin must never be
 * shown a PIN the Mac does not know.
 */
const needsFindMyPin = (d: Pick<Device, "platform" | "driver">, type: CommandType) =>
  d.platform === "MACOS" && d.driver !== "agent" && (type === "DEVICE_LOCK" || type === "ERASE_DEVICE");

/**
 * Clearing Activation Lock, only for a device that was lost, recovered (its report closed as
 * found) and wiped, whose bypass code was escrowed: otherwise it would unlock a device for
 * whoever holds it.
 */
async function activationLockClearRefusal(db: Db, device: Device): Promise<Refusal | null> {
  const no = (reasonKey: string, message: string): Refusal => ({ reasonKey, message });
  if (!device.activationLockBypassSealed)
    return no(
      "capability.activation_lock.no_code",
      "no Activation Lock bypass code was escrowed for this device (Apple gives it only for supervised devices, in the 15 days after supervision)",
    );
  const wiped = await db.command.count({ where: { deviceId: device.id, type: "ERASE_DEVICE", state: "ACKNOWLEDGED" } });
  if (!wiped)
    return no(
      "capability.activation_lock.not_wiped",
      "the device has not been wiped; clear Activation Lock only after its wipe",
    );
  const found = await db.lossReportDevice.count({ where: { deviceId: device.id, report: { status: "FOUND" } } });
  if (!found)
    return no(
      "capability.activation_lock.not_recovered",
      "the device has not been recovered (no loss report closed as found); clearing Activation Lock would unlock it for whoever holds it",
    );
  return null;
}

/** Apple's EnableLostMode keys; at least a message or a phone number, or the finder sees nothing. */
function normaliseParams(req: CommandRequest): Record<string, unknown> {
  const p = req.params ?? {};
  if (req.type !== "ENABLE_LOST_MODE") return p;
  const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  const out: Record<string, string> = {};
  const message = text(p.Message);
  const phone = text(p.PhoneNumber);
  const footnote = text(p.Footnote);
  if (!message && !phone)
    throw new InvalidInputError(
      "enter a lock-screen message or a phone number (at least one)",
      { field: "message" },
      { reason: "lost_mode.message_or_phone" },
    );
  for (const [k, v] of [
    ["Message", message],
    ["PhoneNumber", phone],
    ["Footnote", footnote],
  ] as const) {
    if (v.length > MAX_TEXT)
      throw new InvalidInputError(
        `${k} is longer than ${MAX_TEXT} characters`,
        { field: k },
        { reason: "lost_mode.too_long", params: { max: MAX_TEXT } },
      );
    if (v) out[k] = v;
  }
  if (phone && !/^[+0-9()\-\s]{3,30}$/.test(phone)) throw notAPhone({ field: "phone" });
  return out;
}
