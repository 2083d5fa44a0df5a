// Read helpers for the command lifecycle.
import type { Tx } from "../audit.js";

/** Who asked for a command: the audit log is the record (an admin may have no Person row). */
export async function requesterOf(tx: Tx, commandId: string): Promise<string | null> {
  const entry = await tx.auditEntry.findFirst({
    where: { subject: `command:${commandId}`, action: "command.request" },
    orderBy: { id: "asc" },
    select: { actor: true },
  });
  return entry?.actor ?? null;
}
