// Exporting a case record: an administrator who may act on the report's devices asks for it;
// the export itself is recorded in the audit log (who took a copy of personal data, and when),
// and the documents are rendered by the port the app wires (the core speaks no language).
import type { Db } from "../../db/client.js";
import type { Actor, Actors } from "../actors.js";
import { audit } from "../audit.js";
import type { Clock } from "../clock.js";
import { InvalidInputError, NotFoundError } from "../errors.js";
import { notReportDeviceAdmin } from "../refusals.js";
import type { EventSink } from "../events.js";
import { loadCaseRecord, type CaseRecord } from "./case-record.js";
import type { CaseDocuments } from "../ports/case-documents.js";

export interface CaseDestination {
  channel: string;
  threadTs?: string;
}

export class CaseRecords {
  constructor(
    private readonly deps: {
      db: Db;
      clock: Clock;
      events: EventSink;
      actors: Actors;
      timeZone?: string;
      /** Absent in processes that never export (the command-line scripts). */
      documents?: CaseDocuments;
    },
  ) {}

  private async authorised(actor: Actor, reference: string) {
    this.deps.actors.requireAdmin(actor);
    const ref = reference.trim().toUpperCase();
    if (!/^LR-\d{4}-\d{3,}$/.test(ref))
      throw new InvalidInputError(
        `"${reference}" is not a report reference such as LR-2026-0001`,
        { field: "reference" },
        { reason: "report.reference_format" },
      );
    const report = await this.deps.db.lossReport.findUnique({
      where: { reference: ref },
      select: { id: true, reference: true, devices: { select: { deviceId: true } } },
    });
    if (!report) throw new NotFoundError("report", { reference: ref }, { reason: "not_found.report" });
    if (!actor.systemAdmin) {
      const allowed = await Promise.all(report.devices.map((d) => this.deps.actors.canActOnDevice(actor, d.deviceId)));
      if (!allowed.some(Boolean)) throw notReportDeviceAdmin("export its case record");
    }
    return report;
  }

  /** The record itself (tests, scripts). */
  async record(actor: Actor, reference: string): Promise<CaseRecord> {
    const report = await this.authorised(actor, reference);
    return (await loadCaseRecord(this.deps.db, report.id, this.deps.clock.now()))!;
  }

  /**
   * Records the export (committed first, so the document shows its own export), renders the PDF
   * and the CSV outside any transaction (a font embed takes a moment), then hands both files to
   * delivery in one short transaction.
   */
  async export(actor: Actor, reference: string, to: CaseDestination): Promise<{ reportId: string; reference: string }> {
    const report = await this.authorised(actor, reference);
    const documents = this.deps.documents;
    if (!documents) throw new Error("case records cannot be exported from this process: no document renderer is wired");
    const now = this.deps.clock.now();
    await audit(this.deps.db, {
      actor: actor.id,
      action: "case.export",
      subject: `report:${report.id}`,
      details: { channel: to.channel },
      at: now,
    });
    const record = (await loadCaseRecord(this.deps.db, report.id, now))!;
    const timeZone = this.deps.timeZone ?? "Asia/Tokyo";
    const { pdf, csv } = await documents.render(record, timeZone);
    const base = `case-${record.report.reference}`;
    const files = [
      {
        filename: `${base}.pdf`,
        title: `事故報告書 / Incident report ${record.report.reference}`,
        base64: Buffer.from(pdf).toString("base64"),
      },
      {
        filename: `${base}.csv`,
        title: `${record.report.reference} CSV`,
        base64: Buffer.from(csv, "utf8").toString("base64"),
      },
    ];
    await this.deps.db.$transaction((tx) =>
      this.deps.events.publish(tx, {
        type: "case.export",
        reportId: report.id,
        reference: report.reference,
        actor: actor.id,
        channel: to.channel,
        threadTs: to.threadTs ?? null,
        files,
      }),
    );
    return { reportId: report.id, reference: report.reference };
  }
}
