// Owners' and department admins' own summaries, a page at a time: a fleet of 100,000 devices
// has 20,000 owners and a million alerts a day, so nothing here holds more than one page of
// people. The alerts are read twice in SQL, once for the counts per (owner, type) and once for
// each owner's latest alerts with their facts, into temporary tables that vanish with the digest's transaction;
// a department's figures are derived from its owners' (a department's latest alerts are among
// its owners' latest), so the alerts are never read per department.
import type { Tx } from "../audit.js";
import type { AlertCount, PersonalAlert, PersonalSummary } from "./build.js";
import { PERSONAL_ALERT_LINES } from "./build.js";
import type { NoResponseDevice } from "./no-response.js";
import type { DigestSettings } from "./settings.js";

/** People per page: the summaries of one page are built, published, and let go. */
export const PERSONAL_PAGE = 1000;

type Publish = (kind: "owner" | "departmentAdmin", summaries: PersonalSummary[]) => Promise<void>;

interface Row {
  key: string;
  personId: string;
  slackUserId: string;
  locale: string | null;
  counts: AlertCount[] | null;
  alerts: (Omit<PersonalAlert, "detectedAt"> & { detectedAt: string })[] | null;
}

export async function publishPersonalSummaries(
  tx: Tx,
  window: { since: Date; at: Date; noResponse: NoResponseDevice[] },
  settings: Pick<DigestSettings, "ownerSummaries" | "departmentAdminSummaries">,
  publish: Publish,
  pageSize = PERSONAL_PAGE,
): Promise<void> {
  if (!settings.ownerSummaries && !settings.departmentAdminSummaries) return;
  const { since, at, noResponse } = window;
  // Tens of thousands of groups, and the million alerts sorted by owner below, outgrow the
  // default 4 MB of sort memory and spill to disk. JIT compiling costs more than it saves here.
  await tx.$executeRaw`SET LOCAL work_mem = '160MB'`;
  await tx.$executeRaw`SET LOCAL jit = off`;
  await tx.$executeRaw`
    CREATE TEMP TABLE digest_owner_counts ON COMMIT DROP AS
    SELECT d."ownerId" AS owner, a.type, count(*)::int AS n FROM "Alert" a JOIN "Device" d ON d.id = a."deviceId"
    WHERE a."createdAt" > ${since} AND a."createdAt" <= ${at} AND d."ownerId" IS NOT NULL
    GROUP BY d."ownerId", a.type`;
  // Each owner's latest alerts: the window's alerts are sorted by owner once, narrow (owner, time,
  // id) and byte-wise (COLLATE "C": the order within an owner is by time, so the collation of ids
  // does not matter) — the sort of a day's million alerts with their facts and in the database's
  // collation was most of a large digest's time. The facts are joined for the ten kept only, and
  // go into the table, so a page reads no alert again.
  await tx.$executeRaw`
    CREATE TEMP TABLE digest_owner_latest ON COMMIT DROP AS
    SELECT x.owner, a.id, a.type, a."createdAt", a."detectedAt", a.details, d.name AS "deviceName", x.n
    FROM (
      SELECT d."ownerId" AS owner, a.id, row_number() OVER (
          PARTITION BY d."ownerId" COLLATE "C" ORDER BY a."createdAt" DESC, a.id COLLATE "C" DESC) AS n
      FROM "Alert" a JOIN "Device" d ON d.id = a."deviceId"
      WHERE a."createdAt" > ${since} AND a."createdAt" <= ${at} AND d."ownerId" IS NOT NULL) x
    JOIN "Alert" a ON a.id = x.id JOIN "Device" d ON d.id = a."deviceId"
    WHERE x.n <= ${PERSONAL_ALERT_LINES}`;
  await tx.$executeRaw`CREATE INDEX ON digest_owner_counts (owner)`;
  await tx.$executeRaw`CREATE INDEX ON digest_owner_latest (owner)`;
  // Without statistics the planner guesses these tables empty and scans them for every person.
  await tx.$executeRaw`ANALYZE digest_owner_counts`;
  await tx.$executeRaw`ANALYZE digest_owner_latest`;

  if (settings.ownerSummaries) await owners(tx, noResponse, publish, pageSize);
  if (settings.departmentAdminSummaries) await departmentAdmins(tx, noResponse, publish, pageSize);
}

async function owners(tx: Tx, noResponse: NoResponseDevice[], publish: Publish, pageSize: number) {
  const silent = groupBy(noResponse, (d) => d.ownerId);
  const withAlerts = await tx.$queryRaw<{ owner: string }[]>`SELECT DISTINCT owner FROM digest_owner_counts`;
  const ids = [...new Set([...withAlerts.map((r) => r.owner), ...silent.keys()])].sort();
  for (let i = 0; i < ids.length; i += pageSize) {
    const page = JSON.stringify(ids.slice(i, i + pageSize));
    const rows = await tx.$queryRaw<Row[]>`
      SELECT p.id AS key, p.id AS "personId", p."slackUserId", p.locale,
        (SELECT json_agg(json_build_object('type', c.type, 'count', c.n) ORDER BY c.n DESC, c.type)
           FROM digest_owner_counts c WHERE c.owner = p.id) AS counts,
        (SELECT json_agg(json_build_object('type', l.type, 'deviceName', l."deviceName",
                 'detectedAt', to_char(l."detectedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'details', l.details) ORDER BY l.n)
           FROM digest_owner_latest l WHERE l.owner = p.id) AS alerts
      FROM "Person" p
      WHERE p.id IN (SELECT jsonb_array_elements_text(${page}::jsonb)) AND p."slackUserId" IS NOT NULL
      ORDER BY p.id`;
    const summaries = rows.map((r) => summary(r, silent.get(r.key) ?? []));
    if (summaries.length) await publish("owner", summaries);
  }
}

/** Department figures from the owners': the sum of their counts, the latest of their latest. */
async function departmentAdmins(tx: Tx, noResponse: NoResponseDevice[], publish: Publish, pageSize: number) {
  const silent = groupBy(noResponse, (d) => d.departmentId);
  const departments = await tx.$queryRaw<Omit<Row, "personId" | "slackUserId" | "locale">[]>`
    WITH dc AS (
      SELECT p."departmentId" AS dep, c.type, sum(c.n)::int AS n FROM digest_owner_counts c
      JOIN "Person" p ON p.id = c.owner WHERE p."departmentId" IS NOT NULL GROUP BY p."departmentId", c.type),
    dl AS (
      SELECT * FROM (
        SELECT p."departmentId" AS dep, l.type, l."deviceName", l."detectedAt", l.details, l."createdAt", l.id,
          row_number() OVER (PARTITION BY p."departmentId" ORDER BY l."createdAt" DESC, l.id DESC) AS n
        FROM digest_owner_latest l JOIN "Person" p ON p.id = l.owner WHERE p."departmentId" IS NOT NULL) x
      WHERE n <= ${PERSONAL_ALERT_LINES})
    SELECT dep.id AS key,
      (SELECT json_agg(json_build_object('type', dc.type, 'count', dc.n) ORDER BY dc.n DESC, dc.type)
         FROM dc WHERE dc.dep = dep.id) AS counts,
      (SELECT json_agg(json_build_object('type', dl.type, 'deviceName', dl."deviceName",
               'detectedAt', to_char(dl."detectedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'details', dl.details)
               ORDER BY dl."createdAt" DESC, dl.id DESC)
         FROM dl WHERE dl.dep = dep.id) AS alerts
    FROM "Department" dep
    WHERE EXISTS (SELECT 1 FROM dc WHERE dc.dep = dep.id)`;
  const byDepartment = new Map(departments.map((d) => [d.key, d]));
  const deptIds = [...new Set([...byDepartment.keys(), ...silent.keys()])];
  const admins = await tx.departmentAdmin.findMany({
    where: { departmentId: { in: deptIds }, person: { slackUserId: { not: null } } },
    select: { departmentId: true, person: { select: { id: true, slackUserId: true, locale: true } } },
    orderBy: [{ personId: "asc" }],
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
    const dep = byDepartment.get(a.departmentId);
    for (const c of dep?.counts ?? []) {
      const existing = s.alertCounts.find((x) => x.type === c.type);
      if (existing) existing.count += c.count;
      else s.alertCounts.push({ ...c });
    }
    s.alerts = [...s.alerts, ...alertsOf(dep?.alerts)]
      .sort((x, y) => y.detectedAt.getTime() - x.detectedAt.getTime())
      .slice(0, PERSONAL_ALERT_LINES);
    s.noResponse.push(...(silent.get(a.departmentId) ?? []));
    byAdmin.set(a.person.id, s);
  }
  const all = [...byAdmin.values()];
  for (let i = 0; i < all.length; i += pageSize) await publish("departmentAdmin", all.slice(i, i + pageSize));
}

function summary(r: Row, noResponse: NoResponseDevice[]): PersonalSummary {
  return {
    personId: r.personId,
    slackUserId: r.slackUserId,
    locale: r.locale,
    alertCounts: r.counts ?? [],
    alerts: alertsOf(r.alerts),
    noResponse,
  };
}

function alertsOf(list: Row["alerts"] | undefined): PersonalAlert[] {
  return (list ?? []).map((a) => ({ ...a, detectedAt: new Date(a.detectedAt), details: a.details ?? {} }));
}

function groupBy(list: NoResponseDevice[], key: (d: NoResponseDevice) => string | null) {
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
