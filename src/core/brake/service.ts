// The brake on destruction, as the core's one door: the response policy and its two-admin
// changes, and bulk requests (several devices at once) that go through exactly the same rules as
// a single click — each command is requested through Commands, so the wipe limit and the
// approval policy apply whatever the surface.
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client.js";
import type { Command, CommandType, PolicyChange } from "../../generated/prisma/client.js";
import type { Actor, Actors } from "../actors.js";
import { audit } from "../audit.js";
import type { Clock } from "../clock.js";
import { ConflictError, DomainError, InvalidInputError, NotAllowedError, NotFoundError } from "../errors.js";
import type { EventSink } from "../events.js";
import type { CommandRequest } from "../commands/requests.js";
import {
  applyChange,
  policyChangeSchema,
  readResponsePolicy,
  writeResponsePolicy,
  type PolicyChangeValue,
  type ResponsePolicy,
} from "./policy.js";

export interface BrakeDeps {
  db: Db;
  clock: Clock;
  events: EventSink;
  actors: Actors;
  commands: { request(actor: Actor, req: CommandRequest): Promise<Command> };
  wipeLimitPerHour?: number;
}

export type BulkType = Extract<CommandType, "ERASE_DEVICE" | "DEVICE_LOCK" | "ENABLE_LOST_MODE">;
export const BULK_MAX_DEVICES = 200;

export interface BulkOutcome {
  batchId: string;
  results: { deviceId: string; name: string; command?: Command; refused?: DomainError }[];
}

export class ResponseBrake {
  constructor(private readonly deps: BrakeDeps) {}

  policy(): Promise<ResponsePolicy> {
    return readResponsePolicy(this.deps.db, { wipeLimitPerHour: this.deps.wipeLimitPerHour });
  }

  pendingChanges(): Promise<PolicyChange[]> {
    return this.deps.db.policyChange.findMany({ where: { state: "PENDING" }, orderBy: { proposedAt: "asc" } });
  }

  change(id: string): Promise<PolicyChange | null> {
    return this.deps.db.policyChange.findUnique({ where: { id } });
  }

  /** One system administrator proposes; nothing changes until another approves. */
  async propose(actor: Actor, value: PolicyChangeValue): Promise<PolicyChange> {
    this.deps.actors.requireSystemAdmin(actor);
    const change = policyChangeSchema.parse(value);
    const now = this.deps.clock.now();
    return this.deps.db.$transaction(async (tx) => {
      const row = await tx.policyChange.create({ data: { change, proposedBy: actor.id, proposedAt: now } });
      await audit(tx, {
        actor: actor.id,
        action: "policy.propose",
        subject: `policy:${row.id}`,
        details: change,
        at: now,
      });
      await this.deps.events.publish(tx, { type: "policy.changed", changeId: row.id });
      return row;
    });
  }

  /** A second, different system administrator applies the change. */
  async approve(actor: Actor, changeId: string): Promise<{ change: PolicyChange; policy: ResponsePolicy }> {
    this.deps.actors.requireSystemAdmin(actor);
    const row = await this.change(changeId);
    if (!row) throw new NotFoundError("policy change", {}, { reason: "not_found.policy_change" });
    if (row.proposedBy === actor.id) {
      await audit(this.deps.db, {
        actor: actor.id,
        action: "policy.refused",
        subject: `policy:${row.id}`,
        details: { reason: "proposer" },
        at: this.deps.clock.now(),
      });
      throw new NotAllowedError(
        "a policy change needs a second administrator: you proposed it, so someone else must approve it",
        { reasonKey: "brake.refused.policy_self" },
      );
    }
    return this.decide(actor, row, "APPLIED");
  }

  async withdraw(actor: Actor, changeId: string): Promise<PolicyChange> {
    this.deps.actors.requireSystemAdmin(actor);
    const row = await this.change(changeId);
    if (!row) throw new NotFoundError("policy change", {}, { reason: "not_found.policy_change" });
    return (await this.decide(actor, row, "WITHDRAWN")).change;
  }

  private async decide(actor: Actor, row: PolicyChange, to: "APPLIED" | "WITHDRAWN") {
    const now = this.deps.clock.now();
    return this.deps.db.$transaction(async (tx) => {
      const { count } = await tx.policyChange.updateMany({
        where: { id: row.id, state: "PENDING" },
        data: { state: to, decidedBy: actor.id, decidedAt: now },
      });
      if (!count)
        throw new ConflictError(
          `this change is already ${row.state.toLowerCase()}`,
          { state: row.state },
          { reason: row.state === "WITHDRAWN" ? "policy_change.already_withdrawn" : "policy_change.already_applied" },
        );
      let policy = await readResponsePolicy(tx, { wipeLimitPerHour: this.deps.wipeLimitPerHour });
      if (to === "APPLIED") {
        policy = applyChange(policy, policyChangeSchema.parse(row.change));
        await writeResponsePolicy(tx, policy);
      }
      await audit(tx, {
        actor: actor.id,
        action: to === "APPLIED" ? "policy.apply" : "policy.withdraw",
        subject: `policy:${row.id}`,
        details: { change: row.change, policy },
        at: now,
      });
      await this.deps.events.publish(tx, { type: "policy.changed", changeId: row.id });
      return { change: await tx.policyChange.findUniqueOrThrow({ where: { id: row.id } }), policy };
    });
  }

  /**
   * Several devices at once (`/mdm bulk`, a pasted CSV): every reference must name a device
   * (else nothing is requested and the answer lists the unknown ones), the request is posted to
   * the security channel, and each device's command goes through the same door as a click.
   */
  async requestMany(
    actor: Actor,
    input: { type: BulkType; deviceRefs: string[]; params?: Record<string, unknown>; source: "slack" | "csv" },
  ): Promise<BulkOutcome> {
    this.deps.actors.requireAdmin(actor);
    const refs = [...new Set(input.deviceRefs.map((r) => r.trim()).filter(Boolean))];
    if (!refs.length)
      throw new InvalidInputError(
        "name at least one device by serial number, UDID or IMEI",
        { field: "devices" },
        { reason: "bulk.no_devices" },
      );
    if (refs.length > BULK_MAX_DEVICES)
      throw new InvalidInputError(
        `at most ${BULK_MAX_DEVICES} devices in one request`,
        { field: "devices", max: BULK_MAX_DEVICES },
        { reason: "bulk.too_many", params: { max: BULK_MAX_DEVICES } },
      );
    const devices = await this.deps.db.device.findMany({
      where: { OR: [{ serial: { in: refs } }, { udid: { in: refs } }, { imei: { in: refs } }, { id: { in: refs } }] },
      select: { id: true, name: true, serial: true, udid: true, imei: true },
    });
    const known = new Set(devices.flatMap((d) => [d.id, d.serial, d.udid, d.imei].filter(Boolean) as string[]));
    const unknown = refs.filter((r) => !known.has(r));
    if (unknown.length)
      throw new InvalidInputError(`no device has the serial number, UDID or IMEI ${unknown.join(", ")}`, {
        field: "devices",
        unknown: unknown.join(", "),
        reasonKey: "brake.bulk.unknown",
      });
    const batchId = randomUUID();
    const now = this.deps.clock.now();
    const deviceIds = devices.map((d) => d.id);
    if (deviceIds.length > 1) {
      await this.deps.db.$transaction(async (tx) => {
        await audit(tx, {
          actor: actor.id,
          action: "command.bulk_request",
          subject: `batch:${batchId}`,
          details: { type: input.type, deviceIds, source: input.source },
          at: now,
        });
        await this.deps.events.publish(tx, {
          type: "security.notice",
          kind: "bulk_request",
          batchId,
          actor: actor.id,
          commandType: input.type,
          deviceIds,
          source: input.source,
        });
      });
    }
    const results: BulkOutcome["results"] = [];
    for (const d of devices) {
      try {
        const command = await this.deps.commands.request(actor, {
          deviceId: d.id,
          type: input.type,
          params: input.params,
          batchId,
        });
        results.push({ deviceId: d.id, name: d.name, command });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        results.push({ deviceId: d.id, name: d.name, refused: err });
      }
    }
    return { batchId, results };
  }
}
