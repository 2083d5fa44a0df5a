// Escalation when nobody acts (incident response): a new incident that no administrator has acted on
// within N minutes (one value in business hours, another outside them) is escalated to the
// on-call group; a device in lost mode that is not found within 24 hours (Google's own advice:
// wipe it then) brings the wipe question to the thread. Each fires once per incident, whatever
// the number of replicas (a guarded update), and the sweep is a plain function of the clock.
import type { Db } from "../../db/client.js";
import { audit, type Tx } from "../audit.js";
import { HOUR } from "../clock.js";
import type { EventSink } from "../events.js";
import { DEFAULT_BUSINESS_HOURS, isBusinessTime, type BusinessHours } from "./calendar.js";

export interface EscalationSettings {
  businessMinutes: number;
  offHoursMinutes: number;
  businessHours: BusinessHours;
  /** Slack user group id of the on-call rota (ESCALATION_USERGROUP); unset, the channel is told. */
  userGroup?: string;
  lostModeWipeAfterHours: number;
}

export const DEFAULT_ESCALATION: EscalationSettings = {
  businessMinutes: 15,
  offHoursMinutes: 15,
  businessHours: DEFAULT_BUSINESS_HOURS,
  lostModeWipeAfterHours: 24,
};

const OPEN = ["RECEIVED", "ADMINS_NOTIFIED"] as const;
const IN_LOST_MODE = ["LOST_MODE_ENABLED", "LOCATED"] as const;

/** Minutes allowed before escalation for an incident reported at `at`. */
export function escalationMinutes(at: Date, s: EscalationSettings): { minutes: number; businessHours: boolean } {
  const business = isBusinessTime(at, s.businessHours);
  return { minutes: business ? s.businessMinutes : s.offHoursMinutes, businessHours: business };
}

/** The first administrator decision on an incident (a command requested, found, dismissed). */
export async function markFirstAction(tx: Tx, reportId: string | null | undefined, at: Date): Promise<void> {
  if (!reportId) return;
  await tx.lossReport.updateMany({ where: { id: reportId, firstActionAt: null }, data: { firstActionAt: at } });
}

export class IncidentEscalation {
  constructor(private readonly deps: { db: Db; events: EventSink; settings: () => EscalationSettings }) {}

  async sweep(now: Date): Promise<{ escalated: number; wipeAsked: number }> {
    const s = this.deps.settings();
    let escalated = 0;
    let wipeAsked = 0;
    // Oldest allowance is the larger of the two; fetch candidates past the smaller one.
    const soonest = new Date(now.getTime() - Math.min(s.businessMinutes, s.offHoursMinutes) * 60_000);
    const waiting = await this.deps.db.lossReport.findMany({
      where: { status: { in: [...OPEN] }, firstActionAt: null, escalatedAt: null, createdAt: { lte: soonest } },
      select: { id: true, createdAt: true },
      take: 500,
    });
    for (const r of waiting) {
      const { minutes, businessHours } = escalationMinutes(r.createdAt, s);
      if (r.createdAt.getTime() + minutes * 60_000 > now.getTime()) continue;
      if (
        await this.once(r.id, "escalatedAt", now, async (tx) => {
          await audit(tx, {
            actor: "system",
            action: "report.escalated",
            subject: `report:${r.id}`,
            details: { minutes, businessHours, userGroup: s.userGroup ?? null },
            at: now,
          });
          await this.deps.events.publish(tx, {
            type: "incident.escalated",
            reportId: r.id,
            minutes,
            businessHours,
            userGroup: s.userGroup ?? null,
          });
        })
      )
        escalated++;
    }
    const since = new Date(now.getTime() - s.lostModeWipeAfterHours * HOUR);
    const lost = await this.deps.db.lossReport.findMany({
      where: { status: { in: [...IN_LOST_MODE] }, wipeAskedAt: null, lostModeOnAt: { lte: since } },
      select: { id: true, devices: { select: { deviceId: true, device: { select: { state: true } } } } },
      take: 500,
    });
    for (const r of lost) {
      const inLostMode = r.devices.filter((d) => d.device.state === "LOST_MODE").map((d) => d.deviceId);
      if (!inLostMode.length) continue;
      const wipes = await this.deps.db.command.count({
        where: { reportId: r.id, type: "ERASE_DEVICE", state: { notIn: ["CANCELLED", "EXPIRED"] } },
      });
      if (wipes) continue;
      if (
        await this.once(r.id, "wipeAskedAt", now, async (tx) => {
          await audit(tx, {
            actor: "system",
            action: "report.wipe_question",
            subject: `report:${r.id}`,
            details: { hours: s.lostModeWipeAfterHours, deviceIds: inLostMode },
            at: now,
          });
          await this.deps.events.publish(tx, {
            type: "incident.wipe_question",
            reportId: r.id,
            deviceIds: inLostMode,
            hours: s.lostModeWipeAfterHours,
          });
        })
      )
        wipeAsked++;
    }
    return { escalated, wipeAsked };
  }

  private async once(
    reportId: string,
    field: "escalatedAt" | "wipeAskedAt",
    now: Date,
    then: (tx: Tx) => Promise<void>,
  ): Promise<boolean> {
    return this.deps.db.$transaction(async (tx) => {
      const { count } = await tx.lossReport.updateMany({
        where: { id: reportId, [field]: null },
        data: { [field]: now },
      });
      if (!count) return false;
      await then(tx);
      return true;
    });
  }
}
