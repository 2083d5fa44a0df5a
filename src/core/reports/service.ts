// Loss reports: every way in (web form, Google Form, Slack /lost) ends here, in one
// transaction that stores the report, matches reporter and device(s), records the first status
// and publishes `report.created` — which queues the admin message in the same transaction, so a
// report is never stored without its message or announced without being stored.
import type { Actor } from "../actors.js";
import { markFirstAction } from "../response/escalation.js";
import { audit, type Tx } from "../audit.js";
import type { Clock } from "../clock.js";
import { InvalidInputError, NotFoundError } from "../errors.js";
import { reportClosed } from "../refusals.js";
import type { EventSink } from "../events.js";
import type { Actors } from "../actors.js";
import type { Db } from "../../db/client.js";
import { Prisma } from "../../db/client.js";
import type { ReportStatus } from "../../generated/prisma/enums.js";
import { applySourceEdit, editedValues, type FieldChange } from "./edits.js";
import { matchDevices, matchReporter } from "./matching.js";
import { nextReference } from "./reference.js";
import { hashStatusToken, newStatusToken } from "./tokens.js";
import type { NewReport } from "./new-report.js";
import { statusView, type StatusView } from "./status.js";
import { reporterFound, type ReporterFoundBy, type ReporterFoundResult } from "./reporter-found.js";

export type { NewReport };

export interface CreatedReport {
  created: boolean;
  report: { id: string; reference: string };
  /** Only when created: the one moment the token exists outside the reporter's link. */
  statusToken: string | null;
}

export interface LossReportsDeps {
  db: Db;
  clock: Clock;
  events: EventSink;
  actors: Actors;
  settings: { timeZone: string };
}

/** Statuses after which a report takes no more actions. */
export const CLOSED_STATUSES: readonly ReportStatus[] = ["FOUND", "DISMISSED", "CLOSED"];

export class LossReports {
  constructor(private readonly deps: LossReportsDeps) {}

  /** What the public status page shows for the token in its link; null for no such report. */
  /** The reporter says they found it: administrators are told in the incident's thread. */
  reporterFound(by: ReporterFoundBy): Promise<ReporterFoundResult> {
    return reporterFound(this.deps, by);
  }

  statusView(token: string): Promise<StatusView | null> {
    return statusView(this.deps.db, this, token);
  }

  async create(input: NewReport): Promise<CreatedReport> {
    const existing = await this.findDuplicate(input);
    if (existing) return existing;
    try {
      return await this.insert(input);
    } catch (err) {
      // Two deliveries of the same response raced (two replicas, webhook and poller): one won.
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
        const dup = await this.findDuplicate(input);
        if (dup) return dup;
      }
      throw err;
    }
  }

  /**
   * A response from a form (pushed or polled): a new one becomes a report; one we already have,
   * submitted again later, is the reporter's edit and is added to its report as an event.
   */
  async importResponse(input: NewReport & { externalId: string }): Promise<CreatedReport & { edited: FieldChange[] }> {
    const result = await this.create(input);
    if (result.created) return { ...result, edited: [] };
    const { db, clock, events } = this.deps;
    const edited = await db.$transaction(async (tx) => {
      const changes = await applySourceEdit(tx, result.report.id, input, input.externalSubmittedAt ?? null);
      if (!changes.length) return changes;
      const report = await tx.lossReport.findUniqueOrThrow({
        where: { id: result.report.id },
        select: { status: true },
      });
      const now = clock.now();
      await tx.lossReportEvent.create({
        data: {
          reportId: result.report.id,
          status: report.status,
          note: `edited: ${changes.map((c) => c.field).join(", ")}`,
          at: now,
        },
      });
      await audit(tx, {
        actor: `report:${input.channel.toLowerCase()}`,
        action: "report.edited",
        subject: `report:${result.report.id}`,
        details: { fields: changes.map((c) => c.field) },
        at: now,
      });
      await events.publish(tx, { type: "report.edited", reportId: result.report.id, changes });
      return changes;
    });
    return { ...result, edited };
  }

  /** Where the form poller stopped (JobState), so a restart or another replica carries on. */
  async pollCursor(key: string): Promise<string | null> {
    const state = await this.deps.db.jobState.findUnique({ where: { key } });
    return (state?.value as { since?: string | null } | undefined)?.since ?? null;
  }

  async savePollCursor(key: string, since: string): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.db.jobState.upsert({
      where: { key },
      create: { key, value: { since }, updatedAt: now },
      update: { value: { since }, updatedAt: now },
    });
  }

  private async findDuplicate(input: NewReport): Promise<CreatedReport | null> {
    const { db } = this.deps;
    if (input.externalId) {
      const r = await db.lossReport.findUnique({
        where: { channel_externalId: { channel: input.channel, externalId: input.externalId } },
        select: { id: true, reference: true },
      });
      if (r) return { created: false, report: r, statusToken: null };
    }
    if (input.receiptKey) {
      const receipt = await db.inboundReceipt.findUnique({ where: { key: input.receiptKey } });
      const reportId = (receipt?.result as { reportId?: string } | null)?.reportId;
      if (reportId) {
        const r = await db.lossReport.findUnique({ where: { id: reportId }, select: { id: true, reference: true } });
        if (r) return { created: false, report: r, statusToken: null };
      }
    }
    return null;
  }

  private async insert(input: NewReport): Promise<CreatedReport> {
    const { db, clock, events, settings } = this.deps;
    const email = input.reporterEmail.trim().toLowerCase();
    const description = input.deviceDescription.trim().slice(0, 500);
    if (!description)
      throw new InvalidInputError(
        "Say which device was lost.",
        { field: "device" },
        { reason: "report.device_missing" },
      );
    const token = input.statusToken ?? newStatusToken();
    const now = clock.now();

    return db.$transaction(async (tx) => {
      const reporter = await matchReporter(tx, email, input.reporterSlackUserId ?? null);
      const picked =
        input.deviceIds?.length && reporter.personId
          ? (
              await tx.device.findMany({
                where: { id: { in: input.deviceIds }, ownerId: reporter.personId },
                select: { id: true },
              })
            ).map((d) => d.id)
          : [];
      const matched = picked.length ? picked : await matchDevices(tx, description, reporter.personId);
      const reference = await nextReference(tx, now, settings.timeZone);
      const report = await tx.lossReport.create({
        data: {
          reference,
          statusTokenHash: hashStatusToken(token),
          channel: input.channel,
          externalId: input.externalId ?? null,
          externalSubmittedAt: input.externalSubmittedAt ?? null,
          reporterId: reporter.personId,
          reporterEmail: email,
          // Clipped exactly as a later edit of the same response is.
          ...editedValues(input),
          reporterSlackUserId: reporter.slackUserId,
          reporterVerified: reporter.personId !== null,
          locale: input.locale,
          status: "RECEIVED",
          createdAt: now,
          devices: { create: matched.map((deviceId) => ({ deviceId, how: picked.length ? "reporter" : "matched" })) },
          events: { create: { status: "RECEIVED", at: now } },
        },
        select: { id: true, reference: true },
      });
      if (input.receiptKey) {
        await tx.inboundReceipt.create({
          data: { key: input.receiptKey, createdAt: now, result: { reportId: report.id } },
        });
      }
      await audit(tx, {
        actor: input.reporterSlackUserId
          ? `slack:${input.reporterSlackUserId}`
          : reporter.personId
            ? `person:${reporter.personId}`
            : `report:${input.channel.toLowerCase()}`,
        action: "report.create",
        subject: `report:${report.id}`,
        details: {
          channel: input.channel,
          reference,
          verified: reporter.personId !== null,
          matchedBy: reporter.how,
          devices: matched,
          externalId: input.externalId ?? null,
        },
        at: now,
      });
      await events.publish(tx, { type: "report.created", reportId: report.id, statusToken: token });
      return { created: true, report, statusToken: token };
    });
  }

  /**
   * Records a status the report reached (lost mode requested, device located, …) for the
   * status page, and re-renders the admin message. Call inside the change's own transaction.
   */
  async recordStatus(
    tx: Tx,
    reportId: string,
    status: ReportStatus,
    opts: { note?: string; actor?: string } = {},
  ): Promise<void> {
    const now = this.deps.clock.now();
    const closing = CLOSED_STATUSES.includes(status);
    const before = await tx.lossReport.findUnique({ where: { id: reportId }, select: { status: true } });
    // An administrator acted on it, so administrators knew, even if Slack's receipt was not
    // reconciled yet: the history says so rather than skip the step.
    if (before?.status === "RECEIVED" && status !== "ADMINS_NOTIFIED" && status !== "RECEIVED") {
      await tx.lossReportEvent.create({ data: { reportId, status: "ADMINS_NOTIFIED", at: now } });
    }
    await tx.lossReport.update({ where: { id: reportId }, data: { status, ...(closing ? { closedAt: now } : {}) } });
    await tx.lossReportEvent.create({ data: { reportId, status, note: opts.note ?? null, at: now } });
    // Response timing (incident response): lost mode confirmed by the device, and the first person's decision.
    if (status === "LOST_MODE_ENABLED")
      await tx.lossReport.updateMany({ where: { id: reportId, lostModeOnAt: null }, data: { lostModeOnAt: now } });
    if (opts.actor?.startsWith("slack:")) await markFirstAction(tx, reportId, now);
    await audit(tx, {
      actor: opts.actor ?? "system",
      action: `report.status.${status.toLowerCase()}`,
      subject: `report:${reportId}`,
      at: now,
    });
    await this.deps.events.publish(tx, { type: "report.changed", reportId });
  }

  /**
   * Admins are notified when Slack has the message, not when it is queued: a report waiting in
   * the outbox (Slack down or unconfigured) still says "received". Cheap; safe to repeat.
   */
  async reconcileNotified(reportId?: string): Promise<number> {
    const { db } = this.deps;
    const waiting = await db.lossReport.findMany({
      where: { status: "RECEIVED", ...(reportId ? { id: reportId } : {}) },
      select: { id: true },
      take: 200,
    });
    if (!waiting.length) return 0;
    const refs = await db.slackMessageRef.findMany({ where: { key: { in: waiting.map((r) => `report:${r.id}`) } } });
    let moved = 0;
    for (const ref of refs) {
      const id = ref.key.slice("report:".length);
      await db.$transaction(async (tx) => {
        const { count } = await tx.lossReport.updateMany({
          where: { id, status: "RECEIVED" },
          data: { status: "ADMINS_NOTIFIED" },
        });
        if (!count) return;
        moved++;
        await tx.lossReportEvent.create({
          data: { reportId: id, status: "ADMINS_NOTIFIED", at: this.deps.clock.now() },
        });
      });
    }
    return moved;
  }

  /** An admin says which device a report is about (the picker on the admin message). */
  async pickDevice(actor: Actor, reportId: string, deviceId: string): Promise<void> {
    const { db, clock, actors } = this.deps;
    actors.requireAdmin(actor);
    await actors.requireDeviceAdmin(actor, deviceId);
    await db.$transaction(async (tx) => {
      const report = await tx.lossReport.findUnique({ where: { id: reportId }, select: { status: true } });
      if (!report) throw new NotFoundError("this loss report", {}, { reason: "not_found.report" });
      if (CLOSED_STATUSES.includes(report.status)) throw reportClosed();
      const device = await tx.device.findUnique({ where: { id: deviceId }, select: { id: true } });
      if (!device) throw new NotFoundError("this device", {}, { reason: "not_found.device" });
      await tx.lossReportDevice.upsert({
        where: { reportId_deviceId: { reportId, deviceId } },
        create: { reportId, deviceId, how: "picked" },
        update: {},
      });
      await audit(tx, {
        actor: actor.id,
        action: "report.pick_device",
        subject: `report:${reportId}`,
        details: { deviceId },
        at: clock.now(),
      });
      await this.deps.events.publish(tx, { type: "report.changed", reportId });
    });
  }
}
