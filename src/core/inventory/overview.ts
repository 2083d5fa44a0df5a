// What the App Home shows: for administrators the work waiting on them, for employees their own
// devices and reports. Read-only; every list is short (the Home tab is not a report).
import type { Db } from "../../db/client.js";
import type { Actor } from "../actors.js";
import { HOUR } from "../clock.js";
import { deviceScope, OPEN_REPORT_STATUSES, reportScope } from "./scope.js";

export const HOME_LIST_LIMIT = 8;
/** Hours without a check-in before a device counts as silent, when no policy says otherwise. */
export const DEFAULT_SILENCE_HOURS = 24;

export async function adminOverview(db: Db, actor: Actor, now: Date, silenceHours = DEFAULT_SILENCE_HOURS) {
  const openWhere = { AND: [reportScope(actor), { status: { in: [...OPEN_REPORT_STATUSES] } }] };
  const silentWhere = {
    AND: [deviceScope(actor), { state: { in: ["MANAGED", "LOST_MODE"] as ("MANAGED" | "LOST_MODE")[] } }, { lastCheckInAt: { lt: new Date(now.getTime() - silenceHours * HOUR) } }],
  };
  const approvalsWhere = { state: "AWAITING_APPROVAL" as const, device: deviceScope(actor) };
  const [openReports, openCount, approvals, approvalCount, renewals, silent, silentCount] = await Promise.all([
    db.lossReport.findMany({
      where: openWhere,
      include: { devices: { include: { device: { select: { name: true } } } } },
      orderBy: { createdAt: "asc" },
      take: HOME_LIST_LIMIT,
    }),
    db.lossReport.count({ where: openWhere }),
    db.command.findMany({
      where: approvalsWhere,
      include: { device: { select: { name: true } }, requestedBy: { select: { name: true, email: true } }, report: { select: { reference: true } } },
      orderBy: { requestedAt: "asc" },
      take: HOME_LIST_LIMIT,
    }),
    db.command.count({ where: approvalsWhere }),
    db.renewal.findMany({ where: { expiresAt: { not: null } }, orderBy: { expiresAt: "asc" }, take: HOME_LIST_LIMIT }),
    db.device.findMany({ where: silentWhere, include: { owner: { select: { name: true } } }, orderBy: { lastCheckInAt: "asc" }, take: HOME_LIST_LIMIT }),
    db.device.count({ where: silentWhere }),
  ]);
  return { openReports, openCount, approvals, approvalCount, renewals, silent, silentCount, silenceHours };
}

export async function employeeOverview(db: Db, actor: Actor) {
  const mine = [
    ...(actor.personId ? [{ reporterId: actor.personId }] : []),
    ...(actor.slackUserId ? [{ reporterSlackUserId: actor.slackUserId }] : []),
  ];
  const [devices, reports] = await Promise.all([
    actor.personId
      ? db.device.findMany({ where: { ownerId: actor.personId }, orderBy: { name: "asc" }, take: HOME_LIST_LIMIT })
      : Promise.resolve([]),
    mine.length
      ? db.lossReport.findMany({ where: { OR: mine }, orderBy: { createdAt: "desc" }, take: HOME_LIST_LIMIT })
      : Promise.resolve([]),
  ]);
  return { devices, reports };
}

export type AdminOverview = Awaited<ReturnType<typeof adminOverview>>;
export type EmployeeOverview = Awaited<ReturnType<typeof employeeOverview>>;
