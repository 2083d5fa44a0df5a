// The theft and loss checklist in the incident thread (incident response): administrators tick items —
// who and when recorded, each tick also in the audit log — and the answers say whether a report
// to the Personal Information Protection Commission is likely required and by when; reminders
// come before each deadline until the report is marked filed.
import { z } from "zod";
import type { Db } from "../../db/client.js";
import type { Prisma } from "../../db/client.js";
import type { Actor, Actors } from "../actors.js";
import { audit } from "../audit.js";
import type { Clock } from "../clock.js";
import { DAY } from "../clock.js";
import { InvalidInputError, NotFoundError } from "../errors.js";
import { notReportDeviceAdmin } from "../refusals.js";
import type { EventSink } from "../events.js";
import { assess, REMINDERS, type Assessment, type ChecklistAnswers } from "./appi.js";

const yes = z.boolean();
export const CHECKLIST_ITEMS = {
  carrier_suspended: yes,
  police_report: z.object({ kind: z.enum(["lost", "theft"]), number: z.string().trim().max(60).default("") }),
  personal_data: yes,
  encrypted: yes,
  people_count: z.number().int().min(0).max(100_000_000),
  sensitive: yes,
  financial: yes,
  wrongful: yes,
  ppc_preliminary_filed: yes,
  ppc_final_filed: yes,
} as const;
export type ChecklistKey = keyof typeof CHECKLIST_ITEMS;
export const CHECKLIST_KEYS = Object.keys(CHECKLIST_ITEMS) as ChecklistKey[];

export interface ChecklistState {
  reportId: string;
  reference: string;
  knownAt: Date;
  items: { key: ChecklistKey; value: unknown; checkedBy: string; checkedAt: Date }[];
  answers: ChecklistAnswers;
  assessment: Assessment;
}

export class IncidentChecklist {
  constructor(private readonly deps: { db: Db; clock: Clock; events: EventSink; actors: Actors; timeZone?: string }) {}

  async state(reportId: string): Promise<ChecklistState> {
    const report = await this.deps.db.lossReport.findUnique({
      where: { id: reportId },
      select: {
        id: true,
        reference: true,
        createdAt: true,
        circumstances: true,
        checklist: { orderBy: { checkedAt: "asc" } },
      },
    });
    if (!report) throw new NotFoundError("report", {}, { reason: "not_found.report" });
    const answers = Object.fromEntries(report.checklist.map((c) => [c.key, c.value])) as ChecklistAnswers;
    return {
      reportId: report.id,
      reference: report.reference,
      knownAt: report.createdAt,
      items: report.checklist.map((c) => ({
        key: c.key as ChecklistKey,
        value: c.value,
        checkedBy: c.checkedBy,
        checkedAt: c.checkedAt,
      })),
      answers,
      assessment: assess(answers, report.createdAt, report.circumstances === "STOLEN", this.deps.timeZone),
    };
  }

  /** Records answers (several at once from the form); each is one audit entry with who and when. */
  async record(
    actor: Actor,
    reportId: string,
    values: Partial<Record<ChecklistKey, unknown>>,
  ): Promise<ChecklistState> {
    this.deps.actors.requireAdmin(actor);
    const report = await this.deps.db.lossReport.findUnique({
      where: { id: reportId },
      select: { id: true, devices: { select: { deviceId: true } } },
    });
    if (!report) throw new NotFoundError("report", {}, { reason: "not_found.report" });
    if (!actor.systemAdmin) {
      const ok = await Promise.all(report.devices.map((d) => this.deps.actors.canActOnDevice(actor, d.deviceId)));
      if (!ok.some(Boolean)) throw notReportDeviceAdmin("record the checklist");
    }
    const parsed: [ChecklistKey, unknown][] = [];
    for (const [key, value] of Object.entries(values)) {
      const schema = CHECKLIST_ITEMS[key as ChecklistKey];
      if (!schema)
        throw new InvalidInputError(`unknown checklist item "${key}"`, { field: key }, { reason: "checklist.invalid" });
      const r = schema.safeParse(value);
      if (!r.success)
        throw new InvalidInputError(
          `${key}: ${r.error.issues[0]?.message ?? "invalid"}`,
          { field: key },
          { reason: "checklist.invalid" },
        );
      parsed.push([key as ChecklistKey, r.data]);
    }
    if (!parsed.length) return this.state(reportId);
    const now = this.deps.clock.now();
    await this.deps.db.$transaction(async (tx) => {
      for (const [key, value] of parsed) {
        const json = value as Prisma.InputJsonValue;
        await tx.incidentChecklistItem.upsert({
          where: { reportId_key: { reportId, key } },
          create: { reportId, key, value: json, checkedBy: actor.id, checkedAt: now },
          update: { value: json, checkedBy: actor.id, checkedAt: now },
        });
        await audit(tx, {
          actor: actor.id,
          action: "checklist.tick",
          subject: `report:${reportId}`,
          details: { key, value },
          at: now,
        });
      }
      await this.deps.events.publish(tx, {
        type: "checklist.changed",
        reportId,
        actor: actor.id,
        keys: parsed.map(([k]) => k),
      });
    });
    return this.state(reportId);
  }

  /** Scheduled: a reminder before each Commission deadline, once each, until marked filed. */
  async remindDue(now: Date): Promise<number> {
    const candidates = await this.deps.db.lossReport.findMany({
      where: { checklist: { some: { key: "personal_data" } }, createdAt: { gt: new Date(now.getTime() - 70 * DAY) } },
      select: { id: true },
      take: 1000,
    });
    let sent = 0;
    for (const { id } of candidates) {
      const s = await this.state(id);
      const a = s.assessment;
      if (a.verdict !== "likely_required") continue;
      for (const r of REMINDERS) {
        const due = r.kind === "preliminary" ? a.preliminaryDue! : a.finalDue!;
        const filed =
          r.kind === "preliminary"
            ? s.answers.ppc_preliminary_filed || s.answers.ppc_final_filed
            : s.answers.ppc_final_filed;
        if (filed || now.getTime() < due.getTime() - r.daysBefore * DAY || now.getTime() > due.getTime()) continue;
        const made = await this.deps.db.$transaction(async (tx) => {
          const { count } = await tx.incidentReminder.createMany({
            data: [{ reportId: id, key: r.key, sentAt: now }],
            skipDuplicates: true,
          });
          if (!count) return false;
          await audit(tx, {
            actor: "system",
            action: "checklist.reminder",
            subject: `report:${id}`,
            details: { key: r.key, dueAt: due.toISOString() },
            at: now,
          });
          await this.deps.events.publish(tx, {
            type: "checklist.reminder",
            reportId: id,
            kind: r.kind,
            dueAt: due,
            daysBefore: r.daysBefore,
          });
          return true;
        });
        if (made) sent++;
      }
    }
    return sent;
  }
}
