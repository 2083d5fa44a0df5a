// Owners' and department admins' own summaries. The DMs leave in the outbox's bulk lane, paced
// to Slack's limits (20,000 of them take over an hour), so nothing about their content is needed
// at 10:00: the digest's transaction queues one compact row per person — who, which digest
// window, the day's dedupe key — in one INSERT … SELECT per kind, and each DM is built when it is
// delivered, from the committed alerts of that window (summaryFor). The 10:00 run therefore reads
// no alert per person and holds nobody's summary in memory; each delivery is a few index probes
// (a person's devices, then each device's alerts by (deviceId, createdAt)).
import { Prisma } from "../../db/client.js";
import type { Tx } from "../audit.js";
import { LANES } from "../outbox.js";
import type { AlertCount, PersonalAlert, PersonalSummary } from "./build.js";
import { PERSONAL_ALERT_LINES } from "./build.js";
import { type NoResponseDevice, noResponseDevices } from "./no-response.js";
import type { DigestSettings } from "./settings.js";

export type PersonalKind = "owner" | "departmentAdmin";

/** What a queued digest DM carries until it is delivered: whose summary, over which window. */
export interface PersonalDigestRef {
  kind: PersonalKind;
  person: string;
  /** The digest window, ISO 8601: alerts created after `since`, up to and including `at`. */
  since: string;
  at: string;
}

/** The outbox payload of a queued digest DM: `user` is who it goes to as queued; `digest` says
 *  what to build at delivery (the person is read again then). */
export interface PersonalDigestPayload {
  user: string;
  digest: PersonalDigestRef;
}

export const isPersonalDigestPayload = (p: Record<string, unknown>): p is PersonalDigestPayload & typeof p =>
  typeof p.digest === "object" && p.digest !== null && typeof (p.digest as PersonalDigestRef).person === "string";

/**
 * Queues the day's personal DMs: owners with an alert on one of their devices in the window or a
 * silent device, department admins whose departments have either. `key` is the digest's (one per
 * day); the dedupe key per person makes a second run for the same day queue nothing.
 */
export async function queuePersonalDigests(
  tx: Tx,
  digest: { key: string; since: Date; at: Date; noResponse: NoResponseDevice[] },
  settings: Pick<DigestSettings, "ownerSummaries" | "departmentAdminSummaries">,
): Promise<number> {
  const { key, since, at, noResponse } = digest;
  const window = { since: since.toISOString(), at: at.toISOString() };
  let queued = 0;
  if (settings.ownerSummaries) {
    const silent = JSON.stringify([...new Set(noResponse.map((d) => d.ownerId).filter(Boolean))]);
    // Per owner an EXISTS over their devices' alerts in the window by (deviceId, createdAt): it stops
    // at the first alert, so the day's million alerts are never read, let alone sorted.
    queued += await tx.$executeRaw`
      INSERT INTO "OutboxMessage" (method, payload, "dedupeKey", lane)
      SELECT 'dm',
        jsonb_build_object('user', p."slackUserId", 'digest',
          jsonb_build_object('kind', 'owner', 'person', p.id, 'since', ${window.since}::text, 'at', ${window.at}::text)),
        ${`${key}:owner:`} || p.id, ${LANES.bulk}::smallint
      FROM "Person" p
      WHERE p."slackUserId" IS NOT NULL AND (
        p.id IN (SELECT jsonb_array_elements_text(${silent}::jsonb))
        OR EXISTS (
          SELECT 1 FROM "Device" d JOIN "Alert" a ON a."deviceId" = d.id
          WHERE d."ownerId" = p.id AND a."createdAt" > ${since} AND a."createdAt" <= ${at}))
      ORDER BY p.id
      ON CONFLICT ("dedupeKey") DO NOTHING`;
  }
  if (settings.departmentAdminSummaries) {
    const silent = JSON.stringify([...new Set(noResponse.map((d) => d.departmentId).filter(Boolean))]);
    queued += await tx.$executeRaw`
      INSERT INTO "OutboxMessage" (method, payload, "dedupeKey", lane)
      SELECT 'dm',
        jsonb_build_object('user', p."slackUserId", 'digest',
          jsonb_build_object('kind', 'departmentAdmin', 'person', p.id, 'since', ${window.since}::text, 'at', ${window.at}::text)),
        ${`${key}:departmentAdmin:`} || p.id, ${LANES.bulk}::smallint
      FROM "Person" p
      WHERE p."slackUserId" IS NOT NULL AND EXISTS (
        SELECT 1 FROM "DepartmentAdmin" da
        WHERE da."personId" = p.id AND (
          da."departmentId" IN (SELECT jsonb_array_elements_text(${silent}::jsonb))
          OR EXISTS (
            SELECT 1 FROM "Person" o JOIN "Device" d ON d."ownerId" = o.id JOIN "Alert" a ON a."deviceId" = d.id
            WHERE o."departmentId" = da."departmentId" AND a."createdAt" > ${since} AND a."createdAt" <= ${at})))
      ORDER BY p.id
      ON CONFLICT ("dedupeKey") DO NOTHING`;
  }
  return queued;
}

/**
 * A queued DM's summary as of its delivery: the person as they are now (a person who left or was
 * unlinked from Slack, or is no longer a department's admin, gets nothing: null), their devices
 * now, and the alerts of the digest's window. Silent devices are those the rule still finds at the
 * digest's time; one that has answered since is left out — the owner need not be told. Null as
 * well when nothing is left to say.
 */
export async function personalSummary(
  tx: Tx,
  ref: PersonalDigestRef,
  settings: DigestSettings,
): Promise<(PersonalSummary & { timeZone: string | null }) | null> {
  const since = new Date(ref.since);
  const at = new Date(ref.at);
  if (Number.isNaN(since.getTime()) || Number.isNaN(at.getTime())) return null;
  const person = await tx.person.findUnique({
    where: { id: ref.person },
    select: {
      id: true,
      slackUserId: true,
      locale: true,
      timeZone: true,
      departmentsAdmin: { select: { departmentId: true } },
    },
  });
  if (!person?.slackUserId) return null;
  let scope: Prisma.DeviceWhereInput;
  let devices: Prisma.Sql;
  if (ref.kind === "owner") {
    scope = { ownerId: person.id };
    devices = Prisma.sql`SELECT id, name FROM "Device" WHERE "ownerId" = ${person.id}`;
  } else {
    const departments = person.departmentsAdmin.map((d) => d.departmentId);
    if (!departments.length) return null;
    scope = { owner: { departmentId: { in: departments } } };
    devices = Prisma.sql`SELECT d.id, d.name FROM "Device" d JOIN "Person" o ON o.id = d."ownerId"
      WHERE o."departmentId" IN (${Prisma.join(departments)})`;
  }
  const alertCounts = await tx.$queryRaw<AlertCount[]>`
    WITH dev AS (${devices})
    SELECT a.type, count(*)::int AS count FROM dev JOIN "Alert" a ON a."deviceId" = dev.id
    WHERE a."createdAt" > ${since} AND a."createdAt" <= ${at}
    GROUP BY a.type ORDER BY count DESC, a.type`;
  const alerts = alertCounts.length
    ? await tx.$queryRaw<PersonalAlert[]>`
        WITH dev AS (${devices})
        SELECT a.type, dev.name AS "deviceName", a."detectedAt", a.details
        FROM dev JOIN "Alert" a ON a."deviceId" = dev.id
        WHERE a."createdAt" > ${since} AND a."createdAt" <= ${at}
        ORDER BY a."createdAt" DESC, a.id DESC LIMIT ${PERSONAL_ALERT_LINES}`
    : [];
  const noResponse = await noResponseDevices(tx, at, settings, 100_000, scope);
  if (!alertCounts.length && !noResponse.length) return null;
  return {
    personId: person.id,
    slackUserId: person.slackUserId,
    locale: person.locale,
    timeZone: person.timeZone,
    alertCounts,
    alerts: alerts.map((a) => ({ ...a, detectedAt: new Date(a.detectedAt), details: a.details ?? {} })),
    noResponse,
  };
}
