// The digest's facts, aggregated in SQL (GROUP BY) so a million alerts never come into memory:
// alerts by type since the last digest, devices with no response, open loss reports, commands
// awaiting approval or still pending, and renewals coming due.
import type { Tx } from "../audit.js";
import { DAY } from "../clock.js";
import { noResponseDevices, type NoResponseDevice } from "./no-response.js";
import type { DigestSettings } from "./settings.js";
import { weeklyResponseMedians, type ResponseMedians } from "../response/metrics.js";

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
  openReports: { id: string; reference: string; status: string; createdAt: Date; deviceDescription: string }[];
  awaitingApproval: { id: string; type: string; deviceName: string; requestedAt: Date }[];
  pendingCommands: {
    id: string;
    type: string;
    state: string;
    deviceName: string;
    queuedAt: Date | null;
    expiresAt: Date | null;
  }[];
  /** Every renewal's next deadline (never hidden); dueSoon: within RENEWAL_HORIZON_DAYS or past. */
  renewals: { id: string; kind: string; label: string; expiresAt: Date; overdue: boolean; dueSoon: boolean }[];
  owners: PersonalSummary[];
  departmentAdmins: PersonalSummary[];
  /** This week's response medians (issue 19). */
  response?: ResponseMedians;
}

export async function buildDigest(tx: Tx, at: Date, since: Date, settings: DigestSettings): Promise<Digest> {
  const inWindow = { createdAt: { gt: since, lte: at } };
  const byType = await tx.alert.groupBy({ by: ["type"], where: inWindow, _count: { _all: true } });
  const alertCounts = byType
    .map((g) => ({ type: g.type, count: g._count._all }))
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
  const noResponse = await noResponseDevices(tx, at, settings);

  const openReports = await tx.lossReport.findMany({
    where: { status: { notIn: [...CLOSED_REPORTS] } },
    select: { id: true, reference: true, status: true, createdAt: true, deviceDescription: true },
    orderBy: { createdAt: "asc" },
    take: 5000,
  });
  const commands = await tx.command.findMany({
    where: { state: { in: ["AWAITING_APPROVAL", "QUEUED", "SENT"] } },
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
    owners: [],
    departmentAdmins: [],
    response: await weeklyResponseMedians(tx, at),
  };
  if (settings.ownerSummaries || settings.departmentAdminSummaries) {
    const counts = await personalCounts(tx, since, at);
    if (settings.ownerSummaries) digest.owners = await ownerSummaries(tx, since, at, counts.owners, noResponse);
    if (settings.departmentAdminSummaries)
      digest.departmentAdmins = await departmentAdminSummaries(tx, since, at, counts.departments, noResponse);
  }
  return digest;
}

/**
 * Alert counts per (owner, type) and per (department, type) since the last digest, in one pass
 * over the alerts: a department's counts are the sum of its owners'. Two separate GROUP BYs
 * over a million alerts took three times as long.
 */
async function personalCounts(tx: Tx, since: Date, at: Date) {
  // 60,000 (owner, type) groups outgrow the default 4 MB of sort memory and spill to disk;
  // LOCAL: for this transaction only.
  await tx.$executeRaw`SET LOCAL work_mem = '32MB'`;
  const rows = await tx.$queryRaw<{ kind: "o" | "d"; key: string; type: string; n: bigint }[]>`
    WITH o AS MATERIALIZED (
      SELECT d."ownerId" AS owner, a.type, count(*) AS n FROM "Alert" a JOIN "Device" d ON d.id = a."deviceId"
      WHERE a."createdAt" > ${since} AND a."createdAt" <= ${at} AND d."ownerId" IS NOT NULL
      GROUP BY d."ownerId", a.type)
    SELECT 'o' AS kind, owner AS key, type, n FROM o
    UNION ALL
    SELECT 'd', p."departmentId", o.type, sum(o.n)::bigint FROM o JOIN "Person" p ON p.id = o.owner
    WHERE p."departmentId" IS NOT NULL GROUP BY p."departmentId", o.type`;
  const owners = new Map<string, AlertCount[]>();
  const departments = new Map<string, AlertCount[]>();
  for (const r of rows) {
    const map = r.kind === "o" ? owners : departments;
    const list = map.get(r.key);
    const count = { type: r.type, count: Number(r.n) };
    if (list) list.push(count);
    else map.set(r.key, [count]);
  }
  return { owners, departments };
}

/** The latest PERSONAL_ALERT_LINES alerts per owner or department, in SQL (a window per key). */
async function latestBy(tx: Tx, column: "ownerId" | "departmentId", since: Date, at: Date) {
  type Row = PersonalAlert & { key: string };
  const rows =
    column === "ownerId"
      ? await tx.$queryRaw<Row[]>`
          SELECT key, type, "detectedAt", details, "deviceName" FROM (
            SELECT d."ownerId" AS key, a.type, a."detectedAt", a.details, d.name AS "deviceName",
              row_number() OVER (PARTITION BY d."ownerId" ORDER BY a."createdAt" DESC, a.id DESC) AS n
            FROM "Alert" a JOIN "Device" d ON d.id = a."deviceId"
            WHERE a."createdAt" > ${since} AND a."createdAt" <= ${at} AND d."ownerId" IS NOT NULL) x
          WHERE n <= ${PERSONAL_ALERT_LINES} ORDER BY key, n`
      : await tx.$queryRaw<Row[]>`
          SELECT key, type, "detectedAt", details, "deviceName" FROM (
            SELECT p."departmentId" AS key, a.type, a."detectedAt", a.details, d.name AS "deviceName",
              row_number() OVER (PARTITION BY p."departmentId" ORDER BY a."createdAt" DESC, a.id DESC) AS n
            FROM "Alert" a JOIN "Device" d ON d.id = a."deviceId" JOIN "Person" p ON p.id = d."ownerId"
            WHERE a."createdAt" > ${since} AND a."createdAt" <= ${at} AND p."departmentId" IS NOT NULL) x
          WHERE n <= ${PERSONAL_ALERT_LINES} ORDER BY key, n`;
  const map = new Map<string, PersonalAlert[]>();
  for (const { key, ...alert } of rows)
    map.set(key, [...(map.get(key) ?? []), { ...alert, details: alert.details ?? {} }]);
  return map;
}

function groupNoResponse(list: NoResponseDevice[], key: (d: NoResponseDevice) => string | null) {
  const map = new Map<string, NoResponseDevice[]>();
  for (const d of list) {
    const k = key(d);
    if (!k) continue;
    const devices = map.get(k);
    if (devices) devices.push(d);
    else map.set(k, [d]);
  }
  return map;
}

async function ownerSummaries(
  tx: Tx,
  since: Date,
  at: Date,
  counts: Map<string, AlertCount[]>,
  noResponse: NoResponseDevice[],
): Promise<PersonalSummary[]> {
  const latest = await latestBy(tx, "ownerId", since, at);
  const silent = groupNoResponse(noResponse, (d) => d.ownerId);
  const ids = [...new Set([...counts.keys(), ...silent.keys()])];
  const people = await tx.person.findMany({
    where: { id: { in: ids }, slackUserId: { not: null } },
    select: { id: true, slackUserId: true, locale: true },
  });
  return people.map((p) => ({
    personId: p.id,
    slackUserId: p.slackUserId!,
    locale: p.locale,
    alertCounts: counts.get(p.id) ?? [],
    alerts: latest.get(p.id) ?? [],
    noResponse: silent.get(p.id) ?? [],
  }));
}

async function departmentAdminSummaries(
  tx: Tx,
  since: Date,
  at: Date,
  counts: Map<string, AlertCount[]>,
  noResponse: NoResponseDevice[],
): Promise<PersonalSummary[]> {
  const latest = await latestBy(tx, "departmentId", since, at);
  const silent = groupNoResponse(noResponse, (d) => d.departmentId);
  const deptIds = [...new Set([...counts.keys(), ...silent.keys()])];
  const admins = await tx.departmentAdmin.findMany({
    where: { departmentId: { in: deptIds }, person: { slackUserId: { not: null } } },
    select: { departmentId: true, person: { select: { id: true, slackUserId: true, locale: true } } },
  });
  // An admin of several departments gets one message covering all of them.
  const byAdmin = new Map<string, PersonalSummary>();
  for (const a of admins) {
    const s = byAdmin.get(a.person.id) ?? {
      personId: a.person.id,
      slackUserId: a.person.slackUserId!,
      locale: a.person.locale,
      alertCounts: [],
      alerts: [],
      noResponse: [],
    };
    for (const c of counts.get(a.departmentId) ?? []) {
      const existing = s.alertCounts.find((x) => x.type === c.type);
      if (existing) existing.count += c.count;
      else s.alertCounts.push({ ...c });
    }
    s.alerts = [...s.alerts, ...(latest.get(a.departmentId) ?? [])]
      .sort((x, y) => y.detectedAt.getTime() - x.detectedAt.getTime())
      .slice(0, PERSONAL_ALERT_LINES);
    s.noResponse.push(...(silent.get(a.departmentId) ?? []));
    byAdmin.set(a.person.id, s);
  }
  return [...byAdmin.values()];
}
