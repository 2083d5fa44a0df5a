// What the doctor asks the database server: its version and how many connections it allows.
import type { Database } from "./client.js";

export interface ServerInfo {
  version: string;
  maxConnections: number;
  /** Connections kept for superusers: not available to the app. */
  reserved: number;
}

/** Connections one replica opens at most: the pool of 10 (client.ts) and the LISTEN connection. */
export const CONNECTIONS_PER_REPLICA = 11;

export async function serverInfo(db: Database): Promise<ServerInfo> {
  const rows = await db.prisma.$queryRaw<{ version: string; max: number; reserved: number }[]>`
    SELECT current_setting('server_version') AS version,
           current_setting('max_connections')::int AS max,
           current_setting('superuser_reserved_connections')::int AS reserved`;
  const row = rows[0]!;
  return { version: row.version, maxConnections: Number(row.max), reserved: Number(row.reserved) };
}
