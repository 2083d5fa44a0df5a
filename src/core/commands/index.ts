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
}

export class Commands {
  private readonly requests: CommandRequests;
  private readonly results: CommandResults;
  private readonly dispatcher: CommandDispatch;
  private readonly expiry: CommandExpiry;
  private readonly collection: CommandCollection;
  private readonly resolution: IncidentResolution;

  constructor(private readonly deps: CommandsDeps) {
    this.requests = new CommandRequests(deps);
    this.results = new CommandResults(deps);
    this.dispatcher = new CommandDispatch({ ...deps, results: this.results });
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
  recordResult(
    commandUuid: string,
    result: CommandResult,
    opts?: { deviceId?: string; actor?: string },
  ): Promise<Command> {
    return this.results.record(commandUuid, result, opts);
  }

  /** Pending commands for a checking-in device (the agent's pull). */
  collect(deviceId: string): Promise<PendingCommand[]> {
    return this.collection.collect(deviceId);
  }

  /** Scheduled: push drivers' (re)sends, crash reconciliation, polling. */
  sweep(now: Date) {
    return this.dispatcher.sweep(now);
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
