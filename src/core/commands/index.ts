// The command lifecycle, one facade: AWAITING_APPROVAL → QUEUED → SENT → ACKNOWLEDGED | ERROR |
// EXPIRED | CANCELLED. Adapters call this; drivers report back through recordResult().
import type { Db } from "../../db/client.js";
import type { Command } from "../../generated/prisma/client.js";
import type { CommandResult, DriverRegistry } from "../ports/commands.js";
import { log } from "../../log.js";
import type { Actor, Actors } from "../actors.js";
import type { Clock } from "../clock.js";
import type { EventSink } from "../events.js";
import { CommandCollection, type PendingCommand } from "./collect.js";
import { CommandDispatch } from "./dispatch.js";
import { CommandExpiry } from "./expiry.js";
import { CommandRequests, type CommandRequest } from "./requests.js";
import { CommandResults } from "./results.js";
import { IncidentResolution } from "./resolution.js";
import { CommandRecheck, DEFAULT_RECHECK_AFTER_MS } from "./recheck.js";
import { SecretBox } from "../secrets.js";
import { SYSTEM } from "../actors.js";
import { DomainError, NotFoundError } from "../errors.js";
import { eraseOptionsFor, type EraseOptions } from "../devices/erase-options.js";
import { commandRefusal } from "./capability.js";
import type { ReportStatusWriter } from "./lifecycle.js";

export type { CommandRequest, PendingCommand };

export interface CommandsDeps {
  db: Db;
  clock: Clock;
  events: EventSink;
  actors: Actors;
  drivers: DriverRegistry;
  reports: ReportStatusWriter;
  wipeLimitPerHour?: number;
  /** SECRET_ENCRYPTION_KEY: seals a Mac's Find My PIN and escrowed bypass codes. */
  encryptionKey?: string;
  /** COMMAND_RECHECK_AFTER_MINUTES, in ms: a sent command with no answer is re-checked after it. */
  recheckAfterMs?: number;
}

export class Commands {
  private readonly requests: CommandRequests;
  private readonly results: CommandResults;
  private readonly dispatcher: CommandDispatch;
  private readonly expiry: CommandExpiry;
  private readonly collection: CommandCollection;
  private readonly resolution: IncidentResolution;

  private readonly recheck: CommandRecheck;

  constructor(private readonly deps: CommandsDeps) {
    const secrets = new SecretBox(deps.encryptionKey);
    const recheckAfterMs = deps.recheckAfterMs ?? DEFAULT_RECHECK_AFTER_MS;
    this.requests = new CommandRequests({ ...deps, secrets });
    this.results = new CommandResults({ ...deps, secrets });
    this.dispatcher = new CommandDispatch({ ...deps, results: this.results, secrets, recheckAfterMs });
    this.recheck = new CommandRecheck({ ...deps, recheckAfterMs }, this.requests, this.dispatcher);
    this.expiry = new CommandExpiry(deps);
    this.collection = new CommandCollection(deps);
    this.resolution = new IncidentResolution(deps);
  }

  /** The device's wipe still waiting for a second administrator's approval, if any. */
  async pendingWipeFor(deviceId: string): Promise<string | null> {
    const wipe = await this.deps.db.command.findFirst({
      where: { deviceId, type: "ERASE_DEVICE", state: "AWAITING_APPROVAL" },
      select: { id: true },
    });
    return wipe?.id ?? null;
  }

  /** Throws why not (and audits the refusal) before a modal opens; records the click. */
  check(actor: Actor, req: CommandRequest) {
    return this.requests.check(actor, req, { recordClick: true });
  }

  async request(actor: Actor, req: CommandRequest): Promise<Command> {
    const command = await this.requests.request(actor, req);
    if (command.state === "QUEUED") await this.handOver(command.id);
    return command;
  }

  async approve(actor: Actor, commandId: string): Promise<Command> {
    const command = await this.requests.approve(actor, commandId);
    await this.handOver(command.id);
    return command;
  }

  cancel(actor: Actor, commandId: string): Promise<Command> {
    return this.requests.cancel(actor, commandId);
  }

  /** May this actor close the report? Returns it with its devices (for the "found" modal). */
  checkResolve(actor: Actor, reportId: string) {
    return this.resolution.check(actor, reportId);
  }

  /**
   * Found, dismissed, or closed after the device was wiped (CLOSED): withdraws what no device has received, closes the report, and — when
   * asked — ends lost mode on the devices still in it.
   */
  async resolveReport(
    actor: Actor,
    reportId: string,
    outcome: "FOUND" | "DISMISSED" | "CLOSED",
    opts: { disableLostModeOn?: string[] } = {},
  ) {
    const done = await this.resolution.resolve(actor, reportId, outcome);
    const disabling: Command[] = [];
    for (const deviceId of opts.disableLostModeOn ?? []) {
      const c = await this.request(actor, { deviceId, type: "DISABLE_LOST_MODE", reportId }).catch((err) => {
        log.warn("ending lost mode after found failed", { deviceId, err });
        return null;
      });
      if (c) disabling.push(c);
    }
    return { ...done, disabling };
  }

  /** A device's (or its management service's) answer, by CommandUUID. */
  async recordResult(
    commandUuid: string,
    result: CommandResult,
    opts?: { deviceId?: string; actor?: string },
  ): Promise<Command> {
    const command = await this.results.record(commandUuid, result, opts);
    if (command.type === "DEVICE_INFORMATION" && command.state === "ACKNOWLEDGED")
      await this.escrowBypassCode(command.deviceId);
    return command;
  }

  /**
   * A supervised Apple device's Activation Lock bypass code is asked for as soon as the device
   * says it is supervised (Apple keeps it only 15 days after supervision), until it is escrowed.
   */
  async escrowBypassCode(deviceId: string): Promise<boolean> {
    const device = await this.deps.db.device.findUnique({ where: { id: deviceId } });
    if (!device || device.activationLockBypassSealed || commandRefusal(device, "ACTIVATION_LOCK_BYPASS_CODE"))
      return false;
    try {
      await this.request(SYSTEM, { deviceId, type: "ACTIVATION_LOCK_BYPASS_CODE" });
      return true;
    } catch (err) {
      if (err instanceof DomainError && err.code === "conflict") return true;
      log.warn("could not ask for the Activation Lock bypass code", { deviceId, err });
      return false;
    }
  }

  /** Apple's erase options for a wipe still awaiting approval (src/core/devices/erase-options.ts). */
  updateEraseOptions(actor: Actor, commandId: string, options: Record<string, unknown>): Promise<Command> {
    return this.requests.updateEraseOptions(actor, commandId, options);
  }

  /** A wipe's device and options, for the erase-options modal. */
  async eraseOptionsOf(actor: Actor, commandId: string) {
    const c = await this.deps.db.command.findUnique({ where: { id: commandId }, include: { device: true } });
    if (!c || c.type !== "ERASE_DEVICE") throw new NotFoundError("wipe", {}, { reason: "not_found.wipe" });
    await this.deps.actors.requireDeviceAdmin(actor, c.deviceId);
    return {
      commandId: c.id,
      state: c.state,
      deviceName: c.device.name,
      available: eraseOptionsFor(c.device),
      chosen: c.params as EraseOptions,
    };
  }

  /** A Mac's Find My PIN for a lock or erase, opened for an administrator (audited). */
  findMyPin(actor: Actor, commandId: string, why: "requested" | "approved" | "device_card"): Promise<string> {
    return this.requests.findMyPin(actor, commandId, why);
  }

  /** The device a command is for (its name), for replies about the command. */
  eraseOrLockDevice(commandId: string) {
    return this.deps.db.command
      .findUnique({ where: { id: commandId }, select: { device: { select: { id: true, name: true } } } })
      .then((c) => c?.device ?? null);
  }

  /** The device's newest lock or erase that carries a Find My PIN, if any (for its card). */
  async latestFindMyPinCommand(deviceId: string): Promise<{ id: string; type: string; requestedAt: Date } | null> {
    return this.deps.db.command.findFirst({
      where: { deviceId, findMyPinSealed: { not: null }, state: { notIn: ["CANCELLED"] } },
      orderBy: { requestedAt: "desc" },
      select: { id: true, type: true, requestedAt: true },
    });
  }

  /** Pending commands for a checking-in device (the agent's pull). */
  collect(deviceId: string): Promise<PendingCommand[]> {
    return this.collection.collect(deviceId);
  }

  /** Scheduled: push drivers' (re)sends, crash reconciliation, polling. */
  sweep(now: Date) {
    return this.dispatcher.sweep(now);
  }

  /** Scheduled: re-check sent commands whose answer has not come (COMMAND_RECHECK_AFTER_MINUTES). */
  recheckDue(now: Date): Promise<number> {
    return this.recheck.sweep(now);
  }

  /** Scheduled: lapse commands past their 7 days (never lost mode or a wipe after it). */
  expireDue(now: Date): Promise<number> {
    return this.expiry.expireDue(now);
  }

  // The click has already been answered; a driver that is slow or down is retried by the sweep.
  private async handOver(commandId: string): Promise<void> {
    await this.dispatcher
      .dispatch(commandId)
      .catch((err) => log.error("command hand-over failed; the sweep will retry", { commandId, err }));
  }
}
