// The digest's facts, aggregated in SQL (GROUP BY) so a million alerts never come into memory:
// alerts by type since the last digest, devices with no response, open loss reports, commands
// awaiting approval or still pending, and renewals coming due.
import type { Tx } from "../audit.js";
import { DAY, HOUR } from "../clock.js";
import { noResponseDevices, type NoResponseDevice } from "./no-response.js";
import type { DigestSettings } from "./settings.js";
import { weeklyResponseMedians, type ResponseMedians } from "../response/metrics.js";
import { LIVE_STATES } from "../commands/rules.js";
import type { CommandState, CommandType, RenewalKind, ReportStatus } from "../types.js";

/** Renewals whose deadline is within this many days (or past) are listed. */
export const RENEWAL_HORIZON_DAYS = 60;
const CLOSED_REPORTS = ["FOUND", "DISMISSED", "CLOSED"] as const;

export interface AlertCount {
  type: string;
  count: number;
}

/** One alert as an owner's or department admin's summary lists it: the facts, not a count. */
export interface PersonalAlert {
  type: string;
  deviceName: string;
  detectedAt: Date;
  details: Record<string, unknown>;
}

/** Alerts listed one by one in a personal summary; the rest are in the counts. */
export const PERSONAL_ALERT_LINES = 10;

export interface PersonalSummary {
  personId: string;
  slackUserId: string;
  locale: string | null;
  alertCounts: AlertCount[];
  /** The latest alerts on these devices since the last digest, newest first (at most PERSONAL_ALERT_LINES). */
  alerts: PersonalAlert[];
  noResponse: NoResponseDevice[];
}

export interface Digest {
  at: Date;
  since: Date;
  alertCounts: AlertCount[];
  alertsTotal: number;
  noResponse: NoResponseDevice[];
  openReports: { id: string; reference: string; status: ReportStatus; createdAt: Date; deviceDescription: string }[];
  awaitingApproval: { id: string; type: CommandType; deviceName: string; requestedAt: Date }[];
  pendingCommands: {
    id: string;
    type: CommandType;
    state: CommandState;
    deviceName: string;
    queuedAt: Date | null;
    expiresAt: Date | null;
  }[];
  /** Every renewal's next deadline (never hidden); dueSoon: within RENEWAL_HORIZON_DAYS or past. */
  renewals: { id: string; kind: RenewalKind; label: string; expiresAt: Date; overdue: boolean; dueSoon: boolean }[];
  /** This week's response medians (incident response). */
  response?: ResponseMedians;
}

export async function buildDigest(tx: Tx, at: Date, since: Date, settings: DigestSettings): Promise<Digest> {
  const alertCounts = (await alertsByType(tx, since, at)).sort(
    (a, b) => b.count - a.count || a.type.localeCompare(b.type),
  );
  const noResponse = await noResponseDevices(tx, at, settings);

  const openReports = await tx.lossReport.findMany({
    where: { status: { notIn: [...CLOSED_REPORTS] } },
    select: { id: true, reference: true, status: true, createdAt: true, deviceDescription: true },
    orderBy: { createdAt: "asc" },
    take: 5000,
  });
  const commands = await tx.command.findMany({
    where: { state: { in: [...LIVE_STATES] } },
    select: {
      id: true,
      type: true,
      state: true,
      requestedAt: true,
      queuedAt: true,
      expiresAt: true,
      device: { select: { name: true } },
    },
    orderBy: { requestedAt: "asc" },
    take: 5000,
  });
  const renewals = await tx.renewal.findMany({
    where: { expiresAt: { not: null } },
    select: { id: true, kind: true, label: true, expiresAt: true },
    orderBy: { expiresAt: "asc" },
  });

  const digest: Digest = {
    at,
    since,
    alertCounts,
    alertsTotal: alertCounts.reduce((n, c) => n + c.count, 0),
    noResponse,
    openReports,
    awaitingApproval: commands
      .filter((c) => c.state === "AWAITING_APPROVAL")
      .map((c) => ({ id: c.id, type: c.type, deviceName: c.device.name, requestedAt: c.requestedAt })),
    pendingCommands: commands
      .filter((c) => c.state !== "AWAITING_APPROVAL")
      .map((c) => ({
        id: c.id,
        type: c.type,
        state: c.state,
        deviceName: c.device.name,
        queuedAt: c.queuedAt,
        expiresAt: c.expiresAt,
      })),
    renewals: renewals.map((r) => ({
      id: r.id,
      kind: r.kind,
      label: r.label,
      expiresAt: r.expiresAt!,
      overdue: r.expiresAt! <= at,
      dueSoon: r.expiresAt!.getTime() <= at.getTime() + RENEWAL_HORIZON_DAYS * DAY,
    })),
    response: await weeklyResponseMedians(tx, at),
  };
  return digest;
}

/**
 * Alerts created in (since, at] by type. The whole hours come from AlertHourCount (kept by
 * triggers as alerts are stored and deleted), the part-hours at either end from the alerts
 * themselves by their createdAt index: a day's million alerts are 24 rows per type, not a scan.
 */
export async function alertsByType(tx: Tx, since: Date, at: Date): Promise<AlertCount[]> {
  let from = new Date(Math.ceil(since.getTime() / HOUR) * HOUR);
  let to = new Date(Math.floor(at.getTime() / HOUR) * HOUR);
  if (from >= to) from = to = at; // under an hour, or within one: the alerts themselves
  return tx.$queryRaw<AlertCount[]>`
    SELECT type, sum(n)::int AS count FROM (
      SELECT type, n FROM "AlertHourCount" WHERE hour >= ${from} AND hour < ${to}
      UNION ALL
      SELECT type, count(*)::int FROM "Alert"
      WHERE ("createdAt" > ${since} AND "createdAt" <= ${from}) OR ("createdAt" > ${to} AND "createdAt" <= ${at})
      GROUP BY type) x
    GROUP BY type HAVING sum(n) > 0`;
}
