// Closing an incident: the device was found, or the report needs no action. Commands nobody
// has received yet are withdrawn — a found phone must not be wiped by a wipe still queued.
import type { Db } from "../../db/client.js";
import type { Actor, Actors } from "../actors.js";
import type { Clock } from "../clock.js";
import { audit } from "../audit.js";
import { DomainError, NotFoundError } from "../errors.js";
import { reportClosed } from "../refusals.js";
import type { EventSink } from "../events.js";
import { transition, type ReportStatusWriter } from "./lifecycle.js";

export interface ResolutionDeps {
  db: Db;
  clock: Clock;
  events: EventSink;
  actors: Actors;
  reports: ReportStatusWriter;
}

const CLOSED = ["FOUND", "DISMISSED", "CLOSED"];

export class IncidentResolution {
  constructor(private readonly deps: ResolutionDeps) {}

  /** Authorises and returns the report's devices: admins of every device it names may close it. */
  async check(actor: Actor, reportId: string) {
    const { db, actors } = this.deps;
    const report = await db.lossReport.findUnique({
      where: { id: reportId },
      select: {
        id: true,
        reference: true,
        status: true,
        devices: { select: { device: { select: { id: true, name: true, state: true } } } },
      },
    });
    if (!report) throw new NotFoundError("this loss report", {}, { reason: "not_found.report" });
    try {
      actors.requireAdmin(actor);
      for (const { device } of report.devices) await actors.requireDeviceAdmin(actor, device.id);
      if (CLOSED.includes(report.status)) throw reportClosed(report.status);
    } catch (err) {
      const code = err instanceof DomainError ? err.code : "error";
      await audit(db, {
        actor: actor.id,
        action: "report.resolve.refused",
        subject: `report:${reportId}`,
        details: { code },
        at: this.deps.clock.now(),
      });
      throw err;
    }
    return report;
  }

  async resolve(
    actor: Actor,
    reportId: string,
    outcome: "FOUND" | "DISMISSED" | "CLOSED",
  ): Promise<{ reference: string; withdrawn: number }> {
    const { db, clock, events, reports } = this.deps;
    const report = await this.check(actor, reportId);
    const now = clock.now();
    return db.$transaction(async (tx) => {
      const pending = await tx.command.findMany({
        where: { reportId, state: { in: ["AWAITING_APPROVAL", "QUEUED"] } },
      });
      let withdrawn = 0;
      for (const c of pending) {
        if (
          await transition(
            tx,
            { events, now },
            { commandId: c.id, from: c.state, to: "CANCELLED", actor: actor.id, details: { because: outcome } },
          )
        )
          withdrawn++;
      }
      await reports.recordStatus(tx, reportId, outcome, { actor: actor.id });
      return { reference: report.reference, withdrawn };
    });
  }
}
