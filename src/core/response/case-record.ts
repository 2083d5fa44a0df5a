// The case record (incident response): one document per incident, assembled from the append-only audit
// log and the rows it describes — the report (who, when, how), every decision with its actor
// and time, every command with the device's answers, location fixes, the checklist, and the
// closing — with each device's serial, UDID, IMEI and owner. Nothing here writes or deletes:
// cancelling a command is one more audit entry, so the record always shows it.
import type { Tx } from "../audit.js";
import { locationOf } from "../commands/rules.js";

export interface CaseEntry {
  at: Date;
  actor: string;
  /** The actor's name and e-mail when the actor is a person we know. */
  actorName: string | null;
  action: string;
  subject: string | null;
  deviceName: string | null;
  commandType: string | null;
  details: Record<string, unknown>;
}

export interface CaseRecord {
  report: {
    id: string;
    reference: string;
    channel: string;
    reporterName: string | null;
    reporterEmail: string;
    reporterVerified: boolean;
    createdAt: Date;
    lostAt: Date | null;
    lostAtText: string | null;
    location: string | null;
    circumstances: string;
    contactPhone: string | null;
    status: string;
    closedAt: Date | null;
    deviceDescription: string;
    firstActionAt: Date | null;
    lostModeOnAt: Date | null;
  };
  devices: {
    id: string;
    name: string;
    platform: string;
    model: string | null;
    serial: string | null;
    udid: string | null;
    imei: string | null;
    ownership: string | null;
    ownerName: string | null;
    ownerEmail: string | null;
    state: string;
  }[];
  commands: {
    id: string;
    type: string;
    state: string;
    deviceName: string;
    requestedAt: Date;
    requestedBy: string | null;
    approvals: { actor: string; actorName: string | null; at: Date }[];
    completedAt: Date | null;
    error: string | null;
    result: unknown;
    breakGlass: boolean;
  }[];
  locations: { at: Date; deviceName: string; latitude: number; longitude: number }[];
  checklist: { key: string; value: unknown; checkedBy: string; checkedByName: string | null; checkedAt: Date }[];
  timeline: CaseEntry[];
  generatedAt: Date;
}

export async function loadCaseRecord(tx: Tx, reportId: string, now: Date): Promise<CaseRecord | null> {
  const report = await tx.lossReport.findUnique({
    where: { id: reportId },
    include: {
      devices: { include: { device: { include: { owner: { select: { name: true, email: true } } } } } },
      commands: {
        include: {
          approvals: { orderBy: { at: "asc" } },
          device: { select: { name: true } },
          requestedBy: { select: { name: true, email: true } },
        },
        orderBy: { requestedAt: "asc" },
      },
      checklist: { orderBy: { checkedAt: "asc" } },
    },
  });
  if (!report) return null;
  const commandIds = report.commands.map((c) => c.id);
  const deviceIds = report.devices.map((d) => d.deviceId);
  const entries = await tx.auditEntry.findMany({
    where: {
      OR: [
        { subject: `report:${reportId}` },
        { subject: { in: commandIds.map((id) => `command:${id}`) } },
        // Clicks and refusals on a device, made from this incident.
        { subject: { in: deviceIds.map((id) => `device:${id}`) }, details: { path: ["reportId"], equals: reportId } },
      ],
    },
    orderBy: { id: "asc" },
    take: 20_000,
  });
  const slackIds = [
    ...new Set(
      [
        ...entries.map((e) => e.actor),
        ...report.checklist.map((c) => c.checkedBy),
        ...report.commands.flatMap((c) => c.approvals.map((a) => a.actor)),
      ]
        .filter((a) => a.startsWith("slack:"))
        .map((a) => a.slice(6)),
    ),
  ];
  const people = await tx.person.findMany({
    where: { slackUserId: { in: slackIds } },
    select: { slackUserId: true, name: true, email: true },
  });
  const names = new Map(people.map((p) => [`slack:${p.slackUserId}`, p.name ? `${p.name} <${p.email}>` : p.email]));
  const byCommand = new Map(report.commands.map((c) => [`command:${c.id}`, c]));
  const byDevice = new Map(report.devices.map((d) => [`device:${d.deviceId}`, d.device]));
  const timeline: CaseEntry[] = entries.map((e) => {
    const c = e.subject ? byCommand.get(e.subject) : undefined;
    const d = e.subject ? byDevice.get(e.subject) : undefined;
    const details = (e.details ?? {}) as Record<string, unknown>;
    return {
      at: e.at,
      actor: e.actor,
      actorName: names.get(e.actor) ?? null,
      action: e.action,
      subject: e.subject,
      deviceName: c?.device.name ?? d?.name ?? null,
      commandType: c?.type ?? (typeof details.type === "string" ? details.type : null),
      details,
    };
  });
  const locations = report.commands.flatMap((c) => {
    const at = c.type === "DEVICE_LOCATION" && c.state === "ACKNOWLEDGED" ? locationOf(c.result) : null;
    return at ? [{ at: c.completedAt ?? c.updatedAt, deviceName: c.device.name, ...at }] : [];
  });
  return {
    report: {
      id: report.id,
      reference: report.reference,
      channel: report.channel,
      reporterName: report.reporterName,
      reporterEmail: report.reporterEmail,
      reporterVerified: report.reporterVerified,
      createdAt: report.createdAt,
      lostAt: report.lostAt,
      lostAtText: report.lostAtText,
      location: report.location,
      circumstances: report.circumstances,
      contactPhone: report.contactPhone,
      status: report.status,
      closedAt: report.closedAt,
      deviceDescription: report.deviceDescription,
      firstActionAt: report.firstActionAt,
      lostModeOnAt: report.lostModeOnAt,
    },
    devices: report.devices.map(({ device: d }) => ({
      id: d.id,
      name: d.name,
      platform: d.platform,
      model: d.model,
      serial: d.serial,
      udid: d.udid,
      imei: d.imei,
      ownership: d.ownership ?? null,
      ownerName: d.owner?.name ?? null,
      ownerEmail: d.owner?.email ?? null,
      state: d.state,
    })),
    commands: report.commands.map((c) => ({
      id: c.id,
      type: c.type,
      state: c.state,
      deviceName: c.device.name,
      requestedAt: c.requestedAt,
      requestedBy: c.requestedBy
        ? c.requestedBy.name
          ? `${c.requestedBy.name} <${c.requestedBy.email}>`
          : c.requestedBy.email
        : null,
      approvals: c.approvals.map((a) => ({ actor: a.actor, actorName: names.get(a.actor) ?? null, at: a.at })),
      completedAt: c.completedAt,
      error: c.error,
      result: c.result,
      breakGlass: c.breakGlass,
    })),
    locations,
    checklist: report.checklist.map((c) => ({
      key: c.key,
      value: c.value,
      checkedBy: c.checkedBy,
      checkedByName: names.get(c.checkedBy) ?? null,
      checkedAt: c.checkedAt,
    })),
    timeline,
    generatedAt: now,
  };
}
