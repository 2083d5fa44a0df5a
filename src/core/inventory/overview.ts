// What the App Home shows: for administrators the work waiting on them, for employees their own
// devices and reports. Read-only; every list is short (the Home tab is not a report).
import type { Tx } from "../audit.js";
import type { Actor } from "../actors.js";
import { noResponseWhere } from "../digest/no-response.js";
import { readDigestSettings } from "../digest/settings.js";
import { REPORTER_FOUND_NOTE } from "../reports/reporter-found.js";
import { type Incident, loadIncident } from "../reports/incident.js";
import { deviceScope, OPEN_REPORT_STATUSES, reportScope } from "./scope.js";

export const HOME_LIST_LIMIT = 8;

// Sequential on purpose: this also runs inside another change's transaction (the Home refresh),
// where one connection answers one query at a time.
export async function adminOverview(db: Tx, actor: Actor, now: Date) {
  const openWhere = { AND: [reportScope(actor), { status: { in: [...OPEN_REPORT_STATUSES] } }] };
  // "Silent" is the digest's no-response rule (per-platform thresholds, /mdm policy), so the
  // Home and the morning digest never disagree about which devices have gone quiet.
  const silentWhere = { AND: [deviceScope(actor), noResponseWhere(now, await readDigestSettings(db))] };
  const approvalsWhere = { state: "AWAITING_APPROVAL" as const, device: deviceScope(actor) };
  // Each open incident whole (devices, capabilities, live commands): the Home offers the same
  // next steps as the incident message in the channel.
  const openIds = await db.lossReport.findMany({
    where: openWhere,
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: HOME_LIST_LIMIT,
  });
  const incidents: Incident[] = [];
  for (const { id } of openIds) {
    const incident = await loadIncident(db, id);
    if (incident) incidents.push(incident);
  }
  const openCount = await db.lossReport.count({ where: openWhere });
  const approvals = await db.command.findMany({
    where: approvalsWhere,
    include: {
      device: { select: { name: true } },
      requestedBy: { select: { name: true, email: true } },
      report: { select: { reference: true } },
    },
    orderBy: { requestedAt: "asc" },
    take: HOME_LIST_LIMIT,
  });
  const approvalCount = await db.command.count({ where: approvalsWhere });
  const renewals = await db.renewal.findMany({
    where: { expiresAt: { not: null } },
    orderBy: { expiresAt: "asc" },
    take: HOME_LIST_LIMIT,
  });
  const silent = await db.device.findMany({
    where: silentWhere,
    include: { owner: { select: { name: true } } },
    orderBy: { lastCheckInAt: { sort: "asc", nulls: "first" } },
    take: HOME_LIST_LIMIT,
  });
  const silentCount = await db.device.count({ where: silentWhere });
  return { incidents, openCount, approvals, approvalCount, renewals, silent, silentCount };
}

export async function employeeOverview(db: Tx, actor: Actor) {
  const mine = [
    ...(actor.personId ? [{ reporterId: actor.personId }] : []),
    ...(actor.slackUserId ? [{ reporterSlackUserId: actor.slackUserId }] : []),
  ];
  const [devices, reports] = await Promise.all([
    actor.personId
      ? db.device.findMany({ where: { ownerId: actor.personId }, orderBy: { name: "asc" }, take: HOME_LIST_LIMIT })
      : Promise.resolve([]),
    mine.length
      ? db.lossReport.findMany({
          // Their cases still open: what they can still act on ("I found it") and follow.
          where: { OR: mine, status: { in: [...OPEN_REPORT_STATUSES] } },
          include: { events: { where: { note: REPORTER_FOUND_NOTE }, select: { id: true } } },
          orderBy: { createdAt: "desc" },
          take: HOME_LIST_LIMIT,
        })
      : Promise.resolve([]),
  ]);
  const openCount = mine.length
    ? await db.lossReport.count({ where: { OR: mine, status: { in: [...OPEN_REPORT_STATUSES] } } })
    : 0;
  return { devices, reports, openCount };
}

export type AdminOverview = Awaited<ReturnType<typeof adminOverview>>;
export type EmployeeOverview = Awaited<ReturnType<typeof employeeOverview>>;
