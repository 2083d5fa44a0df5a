// The one way a command changes state: a guarded `updateMany where state = expected`, so two
// replicas or two clicks racing on the same command see exactly one winner, followed by the
// audit entry and the domain event in the same transaction.
import type { Prisma } from "../../db/client.js";
import type { CommandState, ReportStatus } from "../../generated/prisma/client.js";
import { audit, type Tx } from "../audit.js";
import type { EventSink } from "../events.js";
import { isLive, isProgress } from "./rules.js";

export interface TransitionDeps {
  events: EventSink;
  now: Date;
}

export interface Transition {
  commandId: string;
  from: CommandState;
  to: CommandState;
  actor: string;
  data?: Prisma.CommandUncheckedUpdateManyInput;
  /** Shown in the thread with the transition (an error text, "not now"). */
  note?: string;
  details?: Record<string, unknown>;
}

/** true when this call made the change; false when the command was no longer in `from`. */
export async function transition(tx: Tx, deps: TransitionDeps, t: Transition): Promise<boolean> {
  const ends = !isLive(t.to);
  const { count } = await tx.command.updateMany({
    where: { id: t.commandId, state: t.from },
    data: { ...t.data, state: t.to, ...(ends ? { activeKey: null, completedAt: deps.now, nextAttemptAt: null } : {}) },
  });
  if (count === 0) return false;
  await audit(tx, {
    actor: t.actor,
    action: `command.${t.to.toLowerCase()}`,
    subject: `command:${t.commandId}`,
    details: { from: t.from, to: t.to, ...(t.note ? { note: t.note } : {}), ...t.details },
    at: deps.now,
  });
  await deps.events.publish(tx, {
    type: "command.changed",
    commandId: t.commandId,
    from: t.from,
    to: t.to,
    ...(t.note ? { note: t.note } : {}),
  });
  return true;
}

/** What the command lifecycle needs from loss reports (LossReports.recordStatus). */
export interface ReportStatusWriter {
  recordStatus(tx: Tx, reportId: string, status: ReportStatus, opts?: { actor?: string }): Promise<void>;
}

export interface ReportFollowDeps {
  events: EventSink;
  reports: ReportStatusWriter;
  now: Date;
}

/**
 * The loss report follows its commands: its status only moves forward through the response (a
 * late location after a wipe does not undo "wiped"), and the incident message is re-rendered.
 * Call it last in the transaction: the message is rendered from what the transaction has
 * written by then.
 */
export async function reportFollows(
  tx: Tx,
  deps: ReportFollowDeps,
  reportId: string | null,
  status: ReportStatus | null,
  opts: { actor?: string } = {},
): Promise<void> {
  if (!reportId) return;
  const report = await tx.lossReport.findUnique({ where: { id: reportId }, select: { status: true } });
  if (!report) return;
  if (status && isProgress(report.status, status)) return deps.reports.recordStatus(tx, reportId, status, opts);
  await deps.events.publish(tx, { type: "report.changed", reportId });
}
