// What devices answer. Acknowledged and Error end a command; NotNow keeps it pending for the
// next check-in, as Apple devices do. An acknowledgement changes the device and the report:
// lost mode on, location known, wiped.
import { scopeOf } from "../devices/personal.js";
import type { Db, Prisma } from "../../db/client.js";
import type { Command, Device } from "../../generated/prisma/client.js";
import type { CommandResult } from "../ports/commands.js";
import { audit, type Tx } from "../audit.js";
import type { Clock } from "../clock.js";
import { NotFoundError } from "../errors.js";
import type { EventSink } from "../events.js";
import { reportFollows, transition, type ReportStatusWriter } from "./lifecycle.js";
import { applySelfReport, selfReportOf } from "../devices/self-report.js";
import { LIVE_STATES, locationOf, reportStatusOnAck, saysNoPasscode } from "./rules.js";
import { learnFromDevice } from "./recheck.js";
import type { SecretBox } from "../secrets.js";
import { log } from "../../log.js";

export interface ResultsDeps {
  db: Db;
  clock: Clock;
  events: EventSink;
  reports: ReportStatusWriter;
  /** Seals an escrowed Activation Lock bypass code (SECRET_ENCRYPTION_KEY). */
  secrets: SecretBox;
}

/** A passcode state the answer states outright (SecurityInfo, the agent's own report), else null. */
function passcodeSaid(answer: CommandResult): boolean | null {
  const v = answer.result?.passcodePresent ?? answer.result?.PasscodePresent;
  return typeof v === "boolean" ? v : null;
}

/** Notes the thread shows next to a transition (translated by the Slack adapter). */
export const NOTE = {
  notNow: "not_now",
  noPasscode: "no_passcode",
  expired: "expired",
  wipedMeanwhile: "device_wiped",
} as const;

export class CommandResults {
  constructor(private readonly deps: ResultsDeps) {}

  /**
   * Records a device's answer to command `uuid`. `deviceId`, when given (the agent's token),
   * must own the command. A repeated answer to a finished command changes nothing.
   */
  async record(
    uuid: string,
    answer: CommandResult,
    opts: { deviceId?: string; actor?: string } = {},
  ): Promise<Command> {
    const { db, clock, events } = this.deps;
    const command = await db.command.findUnique({ where: { uuid } });
    if (!command || (opts.deviceId && command.deviceId !== opts.deviceId))
      throw new NotFoundError("command", {}, { reason: "not_found.command" });
    if (command.state !== "QUEUED" && command.state !== "SENT") return command;
    const actor = opts.actor ?? `device:${command.deviceId}`;
    const now = clock.now();

    if (answer.status === "NotNow") {
      await db.$transaction(async (tx) => {
        await audit(tx, { actor, action: "command.not_now", subject: `command:${command.id}`, at: now });
        await events.publish(tx, {
          type: "command.changed",
          commandId: command.id,
          from: command.state,
          to: command.state,
          note: NOTE.notNow,
        });
      });
      return command;
    }

    // A bypass code is a secret: sealed onto the device, never kept in the command's result.
    const escrow = command.type === "ACTIVATION_LOCK_BYPASS_CODE" ? this.sealBypassCode(answer) : null;
    if (escrow) answer = { ...answer, result: escrow.result };

    return db.$transaction(async (tx) => {
      const device = await tx.device.findUniqueOrThrow({ where: { id: command.deviceId } });
      const ok = answer.status === "Acknowledged";
      const noPasscode = command.type === "DEVICE_LOCK" && saysNoPasscode(answer);
      const ended = await transition(
        tx,
        { events, now },
        {
          commandId: command.id,
          from: command.state,
          to: ok ? "ACKNOWLEDGED" : "ERROR",
          actor,
          data: {
            result: (answer.result ?? {}) as Prisma.InputJsonValue,
            error: ok ? null : (answer.error ?? "the device reported an error").slice(0, 1000),
          },
          ...(noPasscode ? { note: NOTE.noPasscode } : {}),
        },
      );
      if (!ended) return tx.command.findUniqueOrThrow({ where: { id: command.id } });
      // Passcode truth: only the device's own words count. An acknowledged lock proves nothing
      // (Apple's MessageResult speaks only of the message), so it never sets "passcode present".
      const said = noPasscode ? false : passcodeSaid(answer);
      if (said !== null && said !== device.passcodePresent)
        await tx.device.update({ where: { id: device.id }, data: { passcodePresent: said } });
      const located = ok ? await this.applyAck(tx, command, device, answer, now) : false;
      if (ok && escrow?.sealed)
        await tx.device.update({
          where: { id: device.id },
          data: { activationLockBypassSealed: escrow.sealed, activationLockBypassAt: now },
        });
      await reportFollows(
        tx,
        { events, reports: this.deps.reports, now },
        command.reportId,
        ok ? reportStatusOnAck(command.type, located) : null,
        { actor },
      );
      return tx.command.findUniqueOrThrow({ where: { id: command.id } });
    });
  }

  /** The acknowledged command's effect on the device; true when it told us where it is. */
  private async applyAck(tx: Tx, command: Command, device: Device, answer: CommandResult, now: Date): Promise<boolean> {
    switch (command.type) {
      case "ENABLE_LOST_MODE":
        await tx.device.update({ where: { id: device.id }, data: { state: "LOST_MODE" } });
        return false;
      case "DISABLE_LOST_MODE":
        await tx.device.updateMany({ where: { id: device.id, state: "LOST_MODE" }, data: { state: "MANAGED" } });
        return false;
      case "DEVICE_LOCATION": {
        const at = locationOf(answer.result);
        if (!at) return false;
        await tx.device.update({
          where: { id: device.id },
          data: { lastLatitude: at.latitude, lastLongitude: at.longitude, lastLocatedAt: now },
        });
        return true;
      }
      case "ERASE_DEVICE":
        await this.applyWipe(tx, command, device, now);
        return false;
      case "CLEAR_ACTIVATION_LOCK":
        // Apple accepted the bypass code: the device activates without the previous Apple ID.
        await tx.device.update({ where: { id: device.id }, data: { activationLockEnabled: false } });
        return false;
      case "DEVICE_INFORMATION": {
        const said = selfReportOf(answer.result?.device);
        const updated = await applySelfReport(tx, device, said, {
          now,
          authoritative: true,
          actor: `device:${device.id}`,
        });
        // The answer a lost-mode command never got (NanoMDM never retries a webhook).
        await learnFromDevice(tx, this.deps, updated, said, now);
        return false;
      }
      default:
        return false;
    }
  }

  /** The code from an ActivationLockBypassCode answer, sealed, and the result to keep instead. */
  private sealBypassCode(answer: CommandResult): { sealed: string | null; result: Record<string, unknown> } {
    const code = answer.result?.activationLockBypassCode ?? answer.result?.ActivationLockBypassCode;
    if (typeof code !== "string" || !code.trim()) return { sealed: null, result: { escrowed: false } };
    try {
      return { sealed: this.deps.secrets.encrypt(code.trim()), result: { escrowed: true } };
    } catch (err) {
      log.warn("an Activation Lock bypass code could not be stored", { reason: (err as Error).message });
      return { sealed: null, result: { escrowed: false, reason: "SECRET_ENCRYPTION_KEY is not set" } };
    }
  }

  /**
   * A wiped device leaves management — except ADE, which re-enrolls on activation (the vendor's guide to commands for a lost device 「デバイスの紛失時の対応」).
   * Its agent token dies with the data, and nothing else queued for it can arrive any more.
   */
  private async applyWipe(tx: Tx, command: Command, device: Device, now: Date): Promise<void> {
    // Company data removed from a personal device: it left management, the owner's data stays.
    const state =
      scopeOf(command.params) === "company_data" ? "UNENROLLED" : device.ade ? "AWAITING_REENROLLMENT" : "WIPED";
    await tx.device.update({ where: { id: device.id }, data: { state, agentTokenHash: null } });
    const others = await tx.command.findMany({
      where: { deviceId: device.id, id: { not: command.id }, state: { in: [...LIVE_STATES] } },
    });
    for (const other of others) {
      await transition(
        tx,
        { events: this.deps.events, now },
        { commandId: other.id, from: other.state, to: "CANCELLED", actor: "system", note: NOTE.wipedMeanwhile },
      );
    }
  }
}
