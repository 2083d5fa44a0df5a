// The agent check-in's common case in one statement: find the device by its token hash, record
// that it is alive, and read what is waiting for it. Only when something is still QUEUED does
// the check-in enter a transaction for the QUEUED→SENT transition (with its audit entry and
// event); SENT commands are handed again until the device answers, exactly as the transactional
// path does, so nothing is handed out that the slow path would not hand out, and a command queued
// after this statement's snapshot is collected at the next check-in.
import type { Db } from "../../db/client.js";
import type { CommandType } from "../../generated/prisma/client.js";
import type { PendingCommand } from "../commands/index.js";

interface Row {
  deviceId: string;
  id: string | null;
  uuid: string | null;
  type: CommandType | null;
  params: unknown;
  state: string | null;
}

export interface CheckInRead {
  deviceId: string;
  /** true when a command is still QUEUED: the caller hands over through the transaction. */
  queued: boolean;
  pending: PendingCommand[];
}

/** null: no device has this token hash (unknown or revoked). */
export async function touchAndRead(db: Db, tokenHash: string, now: Date): Promise<CheckInRead | null> {
  const rows = await db.$queryRaw<Row[]>`
    WITH d AS (
      UPDATE "Device" SET "lastCheckInAt" = ${now}, "updatedAt" = ${now}
      WHERE "agentTokenHash" = ${tokenHash}
      RETURNING id
    )
    SELECT d.id AS "deviceId", c.id, c.uuid, c.type::text AS type, c.params, c.state::text AS state
    FROM d LEFT JOIN "Command" c ON c."deviceId" = d.id AND c.state IN ('QUEUED', 'SENT')
    ORDER BY c."queuedAt" ASC, c."requestedAt" ASC`;
  if (!rows.length) return null;
  const commands = rows.filter((r) => r.id !== null);
  return {
    deviceId: rows[0]!.deviceId,
    queued: commands.some((r) => r.state === "QUEUED"),
    pending: commands.map((r) => ({
      id: r.id!,
      uuid: r.uuid!,
      type: r.type!,
      params: (r.params ?? {}) as Record<string, unknown>,
    })),
  };
}
