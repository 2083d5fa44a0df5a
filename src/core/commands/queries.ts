// Read helpers shared by the core and the Slack renderers (they read through the same tx).
import type { Tx } from "../audit.js";

/** Who asked for a command: the audit log is the record (an admin may have no Person row). */
export async function requesterOf(tx: Tx, commandId: string): Promise<{ actor: string; slackUserId: string | null } | null> {
  const entry = await tx.auditEntry.findFirst({
    where: { subject: `command:${commandId}`, action: "command.request" },
    orderBy: { id: "asc" },
    select: { actor: true },
  });
  if (!entry) return null;
  return { actor: entry.actor, slackUserId: entry.actor.startsWith("slack:") ? entry.actor.slice(6) : null };
}

/** Who approved a wipe (the second administrator), from the audit log. */
export async function approverOf(tx: Tx, commandId: string): Promise<{ actor: string; slackUserId: string | null } | null> {
  const entry = await tx.auditEntry.findFirst({
    where: { subject: `command:${commandId}`, action: "command.approve" },
    orderBy: { id: "asc" },
    select: { actor: true },
  });
  if (!entry) return null;
  return { actor: entry.actor, slackUserId: entry.actor.startsWith("slack:") ? entry.actor.slice(6) : null };
}

/** A report's commands, newest first, with their device: what the incident message shows. */
export function commandsForReport(tx: Tx, reportId: string) {
  return tx.command.findMany({
    where: { reportId },
    orderBy: { requestedAt: "desc" },
    include: { device: { select: { id: true, name: true, platform: true, state: true, ade: true } } },
  });
}

export function liveCommandsForDevice(tx: Tx, deviceId: string) {
  return tx.command.findMany({
    where: { deviceId, state: { in: ["AWAITING_APPROVAL", "QUEUED", "SENT"] } },
    orderBy: { requestedAt: "asc" },
  });
}
