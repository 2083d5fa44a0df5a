// No command stays "sent" forever. NanoMDM posts each result once and never retries, so an answer
// lost to a 401, a 503 or our own downtime would leave the command waiting with nobody asking.
// A sent command with no answer after COMMAND_RECHECK_AFTER_MINUTES is re-checked, each re-check
// waiting twice as long as the one before (at most a day), until it is answered or expires:
//   - lost mode (on or off) and a wipe: the device is asked DeviceInformation; its
//     IsMDMLostModeEnabled settles lost mode either way (CommandRecheck.learnFromDevice), and any
//     answer at all proves a wipe has not run yet. A wipe is never enqueued again: NanoMDM's file
//     storage would queue it afresh, and after the device re-enrolled it would erase it again.
//   - everything else: enqueued again under the same CommandUUID. NanoMDM's SQL storages refuse
//     it as a duplicate (it still holds the command); its file storage writes it into the queue
//     again, so the device runs it (harmless for a lock, a location, a sound, a query) and answers.
// What was learned is posted in the incident thread (event command.rechecked).
import type { Db } from "../../db/client.js";
import type { Command, Device } from "../../generated/prisma/client.js";
import type { DriverRegistry, OutgoingCommand } from "../ports/commands.js";
import { log } from "../../log.js";
import { SYSTEM } from "../actors.js";
import { audit, type Tx } from "../audit.js";
import type { Clock } from "../clock.js";
import { HOUR } from "../clock.js";
import { DomainError } from "../errors.js";
import type { EventSink, RecheckLearned } from "../events.js";
import { reportFollows, transition, type ReportStatusWriter } from "./lifecycle.js";
import type { CommandRequests } from "./requests.js";
import { reportStatusOnAck } from "./rules.js";

export const DEFAULT_RECHECK_AFTER_MS = HOUR;
const MAX_RECHECK_GAP_MS = 24 * HOUR;

/** Answered by asking the device about itself, never by enqueueing the command again. */
const ASK_DEVICE = new Set(["ENABLE_LOST_MODE", "DISABLE_LOST_MODE", "ERASE_DEVICE"]);

export interface RecheckDeps {
  db: Db;
  clock: Clock;
  events: EventSink;
  drivers: DriverRegistry;
  reports: ReportStatusWriter;
  recheckAfterMs: number;
}

/** The wait before re-check number `n + 1` (n re-checks done): after, 2×after, 4×after … at most a day. */
export function recheckGap(afterMs: number, n: number): number {
  return Math.min(afterMs * 2 ** n, Math.max(afterMs, MAX_RECHECK_GAP_MS));
}

export class CommandRecheck {
  constructor(
    private readonly deps: RecheckDeps,
    private readonly requests: Pick<CommandRequests, "request">,
    /** The command dispatch (dispatch.ts), as far as a re-check needs it. */
    private readonly dispatch: {
      outgoing(c: Command & { device: Device }): OutgoingCommand;
      dispatch(commandId: string): Promise<void>;
    },
  ) {}

  /** Scheduled: every sent command whose re-check is due. Returns how many were re-checked. */
  async sweep(now: Date = this.deps.clock.now()): Promise<number> {
    const { db } = this.deps;
    const due = await db.command.findMany({
      where: { state: "SENT", nextAttemptAt: null, recheckDueAt: { lte: now } },
      include: { device: true },
      orderBy: { recheckDueAt: "asc" },
      take: 100,
    });
    let done = 0;
    for (const c of due) {
      // Claimed by moving its next re-check on: two replicas never re-check the same command twice.
      const claimed = await db.command.updateMany({
        where: { id: c.id, state: "SENT", recheckDueAt: c.recheckDueAt },
        data: {
          rechecks: { increment: 1 },
          recheckDueAt: new Date(now.getTime() + recheckGap(this.deps.recheckAfterMs, c.rechecks + 1)),
        },
      });
      if (!claimed.count) continue;
      try {
        await this.recheck(c, now);
        done++;
      } catch (err) {
        log.warn("command re-check failed; tried again at the next one", { commandId: c.id, err });
      }
    }
    return done;
  }

  private async recheck(c: Command & { device: Device }, now: Date): Promise<void> {
    if (ASK_DEVICE.has(c.type)) {
      const asked = await this.askDevice(c.deviceId);
      return this.tell(c, asked ? "asked_device" : "unreachable", now);
    }
    const driver = this.deps.drivers.has(c.device.driver) ? this.deps.drivers.get(c.device.driver) : null;
    if (!driver?.resend) return;
    const outcome = await driver.resend(this.dispatch.outgoing(c));
    if (outcome.kind === "failed") {
      // The service does not know the device (any more): a plain reason, not "sent" forever.
      await this.deps.db.$transaction(async (tx) => {
        const ok = await transition(
          tx,
          { events: this.deps.events, now },
          {
            commandId: c.id,
            from: "SENT",
            to: "ERROR",
            actor: `driver:${driver.name}`,
            note: outcome.reason.slice(0, 500),
            data: { error: outcome.reason.slice(0, 1000) },
          },
        );
        if (ok) await reportFollows(tx, this.follow(now), c.reportId, null);
      });
      return;
    }
    const learned: RecheckLearned =
      outcome.kind === "still_queued"
        ? "still_queued"
        : outcome.kind === "queued_again"
          ? "queued_again"
          : "unreachable";
    await this.tell(c, learned, now);
  }

  /** DeviceInformation, once while live (a query already waiting answers just as well). */
  private async askDevice(deviceId: string): Promise<boolean> {
    try {
      const q = await this.requests.request(SYSTEM, { deviceId, type: "DEVICE_INFORMATION" });
      await this.dispatch.dispatch(q.id);
      return true;
    } catch (err) {
      if (err instanceof DomainError && err.code === "conflict") return true;
      log.warn("could not ask the device about a command with no answer", { deviceId, err });
      return false;
    }
  }

  private follow(now: Date) {
    return { events: this.deps.events, reports: this.deps.reports, now };
  }

  private tell(c: Command, learned: RecheckLearned, now: Date): Promise<void> {
    return this.deps.db.$transaction((tx) => tellRecheck(tx, this.deps.events, c, learned, now));
  }
}

async function tellRecheck(tx: Tx, events: EventSink, c: Command, learned: RecheckLearned, now: Date): Promise<void> {
  await audit(tx, {
    actor: "system",
    action: "command.rechecked",
    subject: `command:${c.id}`,
    details: { type: c.type, learned, recheck: c.rechecks },
    at: now,
  });
  await events.publish(tx, { type: "command.rechecked", commandId: c.id, learned });
}

/**
 * A DeviceInformation answer, inside its transaction: what it says about lost mode settles a
 * lost-mode command still waiting (its own answer was lost), and any answer tells a waiting
 * wipe's thread that the device is alive and not yet erased.
 */
export async function learnFromDevice(
  tx: Tx,
  deps: { events: EventSink; reports: ReportStatusWriter },
  device: Device,
  said: { lostModeEnabled?: boolean },
  now: Date,
): Promise<void> {
  const waiting = await tx.command.findMany({
    where: {
      deviceId: device.id,
      state: "SENT",
      type: { in: ["ENABLE_LOST_MODE", "DISABLE_LOST_MODE", "ERASE_DEVICE"] },
    },
  });
  for (const c of waiting) {
    if (c.type === "ERASE_DEVICE") {
      if (c.rechecks > 0) await tellRecheck(tx, deps.events, c, "not_wiped_yet", now);
      continue;
    }
    if (said.lostModeEnabled === undefined) continue;
    const wanted = c.type === "ENABLE_LOST_MODE";
    if (said.lostModeEnabled !== wanted) {
      if (c.rechecks > 0) await tellRecheck(tx, deps.events, c, wanted ? "lost_mode_off" : "lost_mode_on", now);
      continue;
    }
    const ok = await transition(
      tx,
      { events: deps.events, now },
      {
        commandId: c.id,
        from: "SENT",
        to: "ACKNOWLEDGED",
        actor: `device:${device.id}`,
        note: "confirmed_by_device",
        data: { result: { confirmedBy: "DeviceInformation", lostModeEnabled: said.lostModeEnabled } },
      },
    );
    if (!ok) continue;
    await tx.device.updateMany({
      where: { id: device.id, state: wanted ? "MANAGED" : "LOST_MODE" },
      data: { state: wanted ? "LOST_MODE" : "MANAGED" },
    });
    await reportFollows(tx, { ...deps, now }, c.reportId, reportStatusOnAck(c.type, false));
  }
}
