// Handing queued commands to the device's driver. For a push driver the command is marked SENT
// (with a short lease in nextAttemptAt) BEFORE the remote call, so a crash mid-call is found by
// the sweep and reconciled with the same CommandUUID instead of being sent blind a second time.
// A pull driver (the agent) answers "held": the command waits, QUEUED, for the next check-in.
import type { Db } from "../../db/client.js";
import type { Command, Device } from "../../generated/prisma/client.js";
import type { CommandDriver, DriverRegistry, OutgoingCommand, SendOutcome } from "../ports/commands.js";
import { log } from "../../log.js";
import { audit } from "../audit.js";
import type { Clock } from "../clock.js";
import type { EventSink } from "../events.js";
import { reportFollows, transition, type ReportStatusWriter } from "./lifecycle.js";
import type { CommandResults } from "./results.js";
import type { SecretBox } from "../secrets.js";

const SEND_LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 20;

export interface DispatchDeps {
  db: Db;
  /** Opens the secrets a command carries sealed (a Mac's Find My PIN, a bypass code). */
  secrets: SecretBox;
  /** How long a sent command may go unanswered before it is re-checked (CommandRecheck). */
  recheckAfterMs: number;
  clock: Clock;
  events: EventSink;
  drivers: DriverRegistry;
  results: CommandResults;
  reports: ReportStatusWriter;
}

type WithDevice = Command & { device: Device };

export class CommandDispatch {
  /** Drivers that answered "held": pull-based, nothing is sent, so nothing to mark in progress. */
  private readonly pulling = new Set<string>();

  constructor(private readonly deps: DispatchDeps) {}

  /** Hands one queued command to its driver now (after a click), if nobody else has. */
  async dispatch(commandId: string): Promise<void> {
    const { db, clock } = this.deps;
    const now = clock.now();
    const target = await db.command.findUnique({
      where: { id: commandId },
      select: { device: { select: { driver: true } } },
    });
    if (target && this.pulling.has(target.device.driver)) {
      // A pull driver holds whatever it is given: record the hand-over, keep it QUEUED for the device.
      await db.command.updateMany({
        where: { id: commandId, state: "QUEUED", driver: null },
        data: { driver: target.device.driver },
      });
      return;
    }
    const claimed = await db.command.updateMany({
      where: { id: commandId, state: "QUEUED", OR: [{ driver: null }, { nextAttemptAt: { lte: now } }] },
      data: {
        state: "SENT",
        sentAt: now,
        nextAttemptAt: new Date(now.getTime() + SEND_LEASE_MS),
        attempts: { increment: 1 },
      },
    });
    if (!claimed.count) return;
    const command = await db.command.findUniqueOrThrow({ where: { id: commandId }, include: { device: true } });
    await this.send(command, "QUEUED");
  }

  /**
   * The periodic sweep for push drivers: queued commands due for (re)sending, sends that a crash
   * interrupted, and results of services that answer only when polled.
   */
  async sweep(now: Date): Promise<{ dispatched: number; reconciled: number; polled: number }> {
    const { db } = this.deps;
    const due = await db.command.findMany({
      where: { state: "QUEUED", OR: [{ driver: null }, { nextAttemptAt: { lte: now } }] },
      select: { id: true },
      take: 100,
    });
    for (const c of due)
      await this.dispatch(c.id).catch((err) => log.error("command dispatch failed", { commandId: c.id, err }));

    const interrupted = await db.command.findMany({
      where: { state: "SENT", nextAttemptAt: { lte: now } },
      include: { device: true },
      take: 100,
    });
    for (const c of interrupted) {
      const renewed = await db.command.updateMany({
        where: { id: c.id, state: "SENT", nextAttemptAt: c.nextAttemptAt },
        data: { nextAttemptAt: new Date(now.getTime() + SEND_LEASE_MS), attempts: { increment: 1 } },
      });
      if (renewed.count)
        await this.send(c, "SENT").catch((err) => log.error("command reconcile failed", { commandId: c.id, err }));
    }

    let polled = 0;
    const waiting = await db.command.findMany({
      where: { state: "SENT", nextAttemptAt: null, driverRef: { not: null } },
      include: { device: true },
      take: 100,
    });
    for (const c of waiting) {
      const driver = this.driverFor(c);
      if (!driver?.poll) continue;
      try {
        const answer = await driver.poll({ ...this.outgoing(c), driverRef: c.driverRef! });
        polled++;
        if (answer) await this.deps.results.record(c.uuid, answer, { actor: `driver:${driver.name}` });
      } catch (err) {
        log.warn("command poll failed", { commandId: c.id, driver: driver.name, err });
      }
    }
    return { dispatched: due.length, reconciled: interrupted.length, polled };
  }

  private driverFor(c: WithDevice): CommandDriver | null {
    try {
      return this.deps.drivers.get(c.device.driver);
    } catch {
      return null;
    }
  }

  /** Calls the driver for a command this process has claimed (state SENT, lease set). */
  private async send(c: WithDevice, claimedFrom: "QUEUED" | "SENT"): Promise<void> {
    const { db, clock, events } = this.deps;
    const driver = this.driverFor(c);
    let outcome: SendOutcome;
    if (!driver) outcome = { kind: "failed", reason: `no driver "${c.device.driver}" is configured` };
    else {
      try {
        outcome = await driver.send(this.outgoing(c));
      } catch (err) {
        outcome = { kind: "retry", reason: err instanceof Error ? err.message : String(err) };
      }
    }
    const now = clock.now();
    const name = driver?.name ?? c.device.driver;
    const mine = { id: c.id, state: "SENT" as const };
    if (outcome.kind === "held") {
      // Pull-based: back to QUEUED, owned by the driver, until the device collects it.
      this.pulling.add(name);
      await db.command.updateMany({
        where: mine,
        data: { state: "QUEUED", sentAt: null, driver: name, nextAttemptAt: null },
      });
      return;
    }
    if (outcome.kind === "retry" && c.attempts + 1 < MAX_ATTEMPTS) {
      const wait = outcome.afterMs ?? Math.min(2 ** c.attempts * 30_000, 60 * 60_000);
      await db.$transaction(async (tx) => {
        const { count } = await tx.command.updateMany({
          where: mine,
          data: {
            state: "QUEUED",
            sentAt: null,
            driver: name,
            error: outcome.reason.slice(0, 500),
            nextAttemptAt: new Date(now.getTime() + wait),
          },
        });
        if (count)
          await audit(tx, {
            actor: `driver:${name}`,
            action: "command.retry",
            subject: `command:${c.id}`,
            details: { reason: outcome.reason, waitMs: wait },
            at: now,
          });
      });
      return;
    }
    if (outcome.kind === "answered") {
      // The service answered for the device at once: recorded like any device's answer.
      await db.command.updateMany({ where: mine, data: { driver: name, nextAttemptAt: null } });
      await this.deps.results.record(c.uuid, outcome.result, { actor: `driver:${name}` });
      return;
    }
    await db.$transaction(async (tx) => {
      if (outcome.kind === "sent") {
        const { count } = await tx.command.updateMany({
          where: mine,
          data: {
            driver: name,
            nextAttemptAt: null,
            error: null,
            ...(outcome.driverRef ? { driverRef: outcome.driverRef } : {}),
            // A service that only answers by webhook can lose the answer: re-checked if none comes.
            ...(driver?.resend ? { recheckDueAt: new Date(now.getTime() + this.deps.recheckAfterMs) } : {}),
          },
        });
        // The lease was the only sign of an unfinished send; now the thread learns it went out.
        if (count && claimedFrom === "QUEUED") {
          await audit(tx, {
            actor: `driver:${name}`,
            action: "command.sent",
            subject: `command:${c.id}`,
            details: { driverRef: outcome.driverRef ?? null },
            at: now,
          });
          await events.publish(tx, { type: "command.changed", commandId: c.id, from: "QUEUED", to: "SENT" });
          await reportFollows(tx, { events, reports: this.deps.reports, now }, c.reportId, null);
        }
        return;
      }
      const reason =
        outcome.kind === "failed" ? outcome.reason : `gave up after ${c.attempts + 1} attempts: ${outcome.reason}`;
      const ok = await transition(
        tx,
        { events, now },
        {
          commandId: c.id,
          from: "SENT",
          to: "ERROR",
          actor: `driver:${name}`,
          note: reason.slice(0, 500),
          data: { driver: name, error: reason.slice(0, 1000) },
        },
      );
      if (ok) await reportFollows(tx, { events, reports: this.deps.reports, now }, c.reportId, null);
    });
  }

  /** The command as the driver sees it, with its sealed secrets opened (never stored open). */
  outgoing(c: WithDevice): OutgoingCommand {
    const out = outgoing(c);
    if (c.findMyPinSealed) out.params = { ...out.params, pin: this.deps.secrets.decrypt(c.findMyPinSealed) };
    if (c.type === "CLEAR_ACTIVATION_LOCK" && c.device.activationLockBypassSealed)
      out.params = { ...out.params, escrowKey: this.deps.secrets.decrypt(c.device.activationLockBypassSealed) };
    return out;
  }
}

export function outgoing(c: WithDevice): OutgoingCommand {
  return {
    id: c.id,
    uuid: c.uuid,
    type: c.type,
    params: (c.params ?? {}) as Record<string, unknown>,
    expiresAt: c.expiresAt,
    driverRef: c.driverRef,
    device: {
      id: c.device.id,
      platform: c.device.platform,
      udid: c.device.udid,
      serial: c.device.serial,
      imei: c.device.imei,
      externalId: c.device.externalId,
      supervised: c.device.supervised,
      ade: c.device.ade,
    },
  };
}
