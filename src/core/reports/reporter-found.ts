// The reporter says they found their device — from the button in their DM (as the Slack user the
// report is theirs by) or on their status page (by its token). Administrators are told in the
// incident's thread and close the case themselves (ending lost mode in the same step): a
// reporter's word does not end lost mode on a phone that may be in someone else's hands.
import type { Db } from "../../db/client.js";
import type { Actor } from "../actors.js";
import { audit } from "../audit.js";
import type { Clock } from "../clock.js";
import { NotAllowedError, NotFoundError } from "../errors.js";
import type { EventSink } from "../events.js";
import { hashStatusToken, looksLikeStatusToken } from "./tokens.js";

export const REPORTER_FOUND_NOTE = "reporter_found";
const CLOSED = ["FOUND", "DISMISSED", "CLOSED"];

export type ReporterFoundBy = { actor: Actor; reportId: string } | { statusToken: string };
export type ReporterFoundResult = {
  reference: string;
  outcome: "told" | "already_told" | "closed";
  /** The language the report was made in: the reporter's answer speaks it, as their DM did. */
  locale: string;
};

export async function reporterFound(
  deps: { db: Db; clock: Clock; events: EventSink },
  by: ReporterFoundBy,
): Promise<ReporterFoundResult> {
  const { db, clock, events } = deps;
  const select = {
    id: true,
    reference: true,
    status: true,
    reporterId: true,
    reporterSlackUserId: true,
    locale: true,
    events: { where: { note: REPORTER_FOUND_NOTE }, select: { id: true } },
  } as const;
  let report;
  if ("statusToken" in by) {
    if (!looksLikeStatusToken(by.statusToken))
      throw new NotFoundError("this report", {}, { reason: "not_found.report" });
    report = await db.lossReport.findUnique({ where: { statusTokenHash: hashStatusToken(by.statusToken) }, select });
  } else {
    report = await db.lossReport.findUnique({ where: { id: by.reportId }, select });
    const { actor } = by;
    const theirs =
      report &&
      ((actor.personId && actor.personId === report.reporterId) ||
        (actor.slackUserId && actor.slackUserId === report.reporterSlackUserId));
    if (report && !theirs)
      throw new NotAllowedError("only the person who reported it can say it was found", {}, { reason: "not_reporter" });
  }
  if (!report) throw new NotFoundError("this report", {}, { reason: "not_found.report" });
  if (CLOSED.includes(report.status)) return { reference: report.reference, outcome: "closed", locale: report.locale };
  if (report.events.length) return { reference: report.reference, outcome: "already_told", locale: report.locale };
  const now = clock.now();
  const actorId = "statusToken" in by ? "report:status-page" : by.actor.id;
  await db.$transaction(async (tx) => {
    await tx.lossReportEvent.create({
      data: { reportId: report.id, status: report.status, note: REPORTER_FOUND_NOTE, at: now },
    });
    await audit(tx, { actor: actorId, action: "report.reporter_found", subject: `report:${report.id}`, at: now });
    await events.publish(tx, { type: "report.reporter_found", reportId: report.id });
  });
  return { reference: report.reference, outcome: "told", locale: report.locale };
}
