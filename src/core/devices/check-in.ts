// The agent check-in's common case in one statement: find the device by its token hash, record
// that it is alive, and read what is waiting for it. Only when something is still QUEUED does
// the check-in enter a transaction for the QUEUED→SENT transition (with its audit entry and
// event); SENT commands are handed again until the device answers, exactly as the transactional
// path does, so nothing is handed out that the slow path would not hand out, and a command queued
// after this statement's snapshot is collected at the next check-in.
//
// The statement is prepared once and run without Prisma (db/prepared.ts), and on PostgreSQL it
// commits without waiting for the disk: all it writes is the last-seen time, which a crash of
// the database server may set back by a fraction of a second; it never changes a command.
import type { PreparedStatement, Statements, TextRow } from "../../db/prepared.js";
import type { CommandType } from "../../generated/prisma/client.js";
import type { PendingCommand } from "../commands/index.js";

export interface CheckInRead {
  deviceId: string;
  /** true when a command is still QUEUED: the caller hands over through the transaction. */
  queued: boolean;
  pending: PendingCommand[];
}

// Columns: deviceId, id, uuid, type, params (JSON text), state. The time is given as an ISO
// instant and stored as UTC, as Prisma stores DateTime in a timestamp without time zone.
export const CHECK_IN_SQL = `
  WITH d AS (
    UPDATE "Device" SET "lastCheckInAt" = ($2::timestamptz AT TIME ZONE 'UTC'), "updatedAt" = ($2::timestamptz AT TIME ZONE 'UTC')
    WHERE "agentTokenHash" = $1
    RETURNING id
  )
  SELECT d.id, c.id, c.uuid, c.type::text, c.params::text, c.state::text
  FROM d LEFT JOIN "Command" c ON c."deviceId" = d.id AND c.state IN ('QUEUED', 'SENT')
  ORDER BY c."queuedAt" ASC, c."requestedAt" ASC`;

export type TouchAndRead = (tokenHash: string, now: Date) => Promise<CheckInRead | null>;

export function checkInStatement(statements: Statements): TouchAndRead {
  const statement: PreparedStatement = statements.prepare("agent_check_in", CHECK_IN_SQL, { asyncCommit: true });
  /** null: no device has this token hash (unknown or revoked). */
  return async (tokenHash, now) => read(await statement.run([tokenHash, now.toISOString()]));
}

function read(rows: TextRow[]): CheckInRead | null {
  if (!rows.length) return null;
  const pending: PendingCommand[] = [];
  let queued = false;
  for (const row of rows) {
    const [, id, uuid, type, params, state] = row as [
      string,
      string | null,
      string,
      CommandType,
      string | null,
      string,
    ];
    if (id === null) continue; // the device, with nothing waiting
    if (state === "QUEUED") queued = true;
    pending.push({
      id,
      uuid,
      type,
      params: ((params === null ? null : JSON.parse(params)) ?? {}) as Record<string, unknown>,
    });
  }
  return { deviceId: rows[0]![0]!, queued, pending };
}
