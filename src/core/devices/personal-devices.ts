// Personal devices (incident response): an administrator's BYOD mark, and the owner's consent to erase
// their own device completely. An administrator asks;
// the question goes to the owner — by name, in Slack — and only the owner can answer. A consent
// is good for one full reset within 7 days; asking, answering, refusals and its use are audited.
// The public status page is not a place to consent: its link may be forwarded and its visitor is
// anonymous, so it cannot prove who agreed.
import type { Db } from "../../db/client.js";
import type { Command, OwnerConsent } from "../../generated/prisma/client.js";
import type { CommandRequest } from "../commands/requests.js";
import type { Actor, Actors } from "../actors.js";
import { audit } from "../audit.js";
import type { Clock } from "../clock.js";
import { CONSENT_VALID_MS } from "./consent.js";
import { ConflictError, NotAllowedError, NotFoundError } from "../errors.js";
import type { EventSink } from "../events.js";
import { fullResetCapability } from "./capabilities.js";

export interface PersonalDevicesDeps {
  db: Db;
  clock: Clock;
  events: EventSink;
  actors: Actors;
  commands: { request(actor: Actor, req: CommandRequest): Promise<Command> };
}

export type FullResetStep =
  | { kind: "asked" | "waiting"; consent: OwnerConsent }
  | { kind: "requested"; command: Command };

export class PersonalDevices {
  constructor(private readonly deps: PersonalDevicesDeps) {}

  /** A system administrator marks a device (by serial, UDID, IMEI or id) as the employee's own, or not; audited. */
  async setByod(actor: Actor, ref: string, byod: boolean) {
    this.deps.actors.requireSystemAdmin(actor);
    const now = this.deps.clock.now();
    const key = ref.trim();
    return this.deps.db.$transaction(async (tx) => {
      const device = await tx.device.findFirst({
        where: { OR: [{ serial: key }, { udid: key }, { imei: key }, { id: key }] },
      });
      if (!device) throw new NotFoundError("device", {}, { reason: "not_found.device" });
      const updated = await tx.device.update({ where: { id: device.id }, data: { byod } });
      await audit(tx, {
        actor: actor.id,
        action: "device.byod",
        subject: `device:${device.id}`,
        details: { from: device.byod, to: byod },
        at: now,
      });
      return updated;
    });
  }

  get(id: string): Promise<OwnerConsent | null> {
    return this.deps.db.ownerConsent.findUnique({ where: { id } });
  }

  /** The latest question for a device that has not lapsed (pending or given), if any. */
  current(deviceId: string): Promise<OwnerConsent | null> {
    return this.deps.db.ownerConsent.findFirst({
      where: {
        deviceId,
        state: { in: ["PENDING", "GIVEN"] },
        commandId: null,
        expiresAt: { gt: this.deps.clock.now() },
      },
      orderBy: { requestedAt: "desc" },
    });
  }

  /**
   * "Full reset" on a personal device: with the owner's consent recorded, the full reset is
   * requested (and goes through the usual second administrator and wipe limit); without it, the
   * owner is asked — or, asked already, the admin hears that the answer is still awaited.
   */
  async fullReset(actor: Actor, input: { deviceId: string; reportId?: string | null }): Promise<FullResetStep> {
    const open = await this.current(input.deviceId);
    if (open?.state === "GIVEN") {
      const command = await this.deps.commands.request(actor, {
        deviceId: input.deviceId,
        type: "ERASE_DEVICE",
        reportId: input.reportId ?? open.reportId,
        params: { scope: "full" },
      });
      return { kind: "requested", command };
    }
    const consent = await this.ask(actor, input);
    return { kind: open ? "waiting" : "asked", consent };
  }

  /**
   * An administrator asks the owner (in Slack, by their member id or their directory e-mail). An
   * open question (or a consent not yet used) is returned as it is rather than asked twice.
   */
  async ask(actor: Actor, input: { deviceId: string; reportId?: string | null }): Promise<OwnerConsent> {
    const { db, clock } = this.deps;
    const device = await db.device.findUnique({
      where: { id: input.deviceId },
      include: { owner: { select: { id: true } } },
    });
    if (!device) throw new NotFoundError("device", {}, { reason: "not_found.device" });
    await this.deps.actors.requireDeviceAdmin(actor, device.id);
    const now = clock.now();
    const refuse = async (reasonKey: string, message: string) => {
      await audit(db, {
        actor: actor.id,
        action: "consent.refused",
        subject: `device:${device.id}`,
        details: { reason: reasonKey },
        at: now,
      });
      throw new NotAllowedError(message, { reasonKey });
    };
    const cap = fullResetCapability(device);
    if (!cap.allowed)
      return refuse(cap.reasonKey ?? "capability.full_reset.company", "a full reset is not possible here");
    if (!device.owner) return refuse("personal.consent.no_owner", "the device has no recorded owner to ask");
    const open = await this.current(device.id);
    if (open) return open;
    return db.$transaction(async (tx) => {
      const row = await tx.ownerConsent.create({
        data: {
          deviceId: device.id,
          reportId: input.reportId ?? null,
          ownerId: device.owner!.id,
          requestedBy: actor.id,
          requestedAt: now,
          expiresAt: new Date(now.getTime() + CONSENT_VALID_MS),
        },
      });
      await audit(tx, {
        actor: actor.id,
        action: "consent.request",
        subject: `consent:${row.id}`,
        details: { deviceId: device.id, reportId: row.reportId, ownerId: row.ownerId },
        at: now,
      });
      await this.deps.events.publish(tx, { type: "consent.requested", consentId: row.id });
      return row;
    });
  }

  /** The owner, and only the owner, answers a pending question. */
  async decide(actor: Actor, consentId: string, give: boolean): Promise<OwnerConsent> {
    const { db, clock } = this.deps;
    const row = await this.get(consentId);
    if (!row) throw new NotFoundError("consent", {}, { reason: "not_found.consent" });
    const now = clock.now();
    if (!actor.personId || actor.personId !== row.ownerId) {
      await audit(db, {
        actor: actor.id,
        action: "consent.refused",
        subject: `consent:${row.id}`,
        details: { reason: "not_owner" },
        at: now,
      });
      throw new NotAllowedError("only the device's owner can answer this", { reasonKey: "personal.consent.not_owner" });
    }
    if (row.state !== "PENDING") throw alreadyAnswered(row.state);
    if (row.expiresAt <= now)
      throw new NotAllowedError("this question has lapsed; the administrators must ask again", {
        reasonKey: "personal.consent.lapsed",
      });
    return db.$transaction(async (tx) => {
      const { count } = await tx.ownerConsent.updateMany({
        where: { id: row.id, state: "PENDING" },
        data: { state: give ? "GIVEN" : "DECLINED", decidedAt: now },
      });
      if (!count) throw alreadyAnswered();
      await audit(tx, {
        actor: actor.id,
        action: give ? "consent.give" : "consent.decline",
        subject: `consent:${row.id}`,
        details: { deviceId: row.deviceId, reportId: row.reportId },
        at: now,
      });
      await this.deps.events.publish(tx, { type: "consent.decided", consentId: row.id });
      return tx.ownerConsent.findUniqueOrThrow({ where: { id: row.id } });
    });
  }
}

/** The owner answered already (in another tab, or a moment ago): their first answer stands. */
function alreadyAnswered(state?: string): ConflictError {
  return new ConflictError(
    state ? `already answered (${state.toLowerCase()})` : "already answered",
    {},
    { reason: "consent.already_answered" },
  );
}
