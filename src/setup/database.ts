// The database: does it answer, which server, and are there connections enough for every replica.
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import { CONNECTIONS_PER_REPLICA, serverInfo } from "../db/server-info.js";
import { check, type CheckResult } from "./types.js";

const FIX = "running-on-postgresql";
/** Oldest PostgreSQL the project is tested on. */
const MIN_MAJOR = 13;

export async function databaseCheck(config: Pick<Config, "APP_REPLICAS">, db: Database): Promise<CheckResult> {
  if (!(await db.ping())) return check("database", "failing", "setup.database.unreachable", undefined, FIX);
  if (db.target.kind === "pglite")
    return check("database", "ok", "setup.database.pglite", {
      dir: db.target.dir.startsWith("memory://") ? "memory" : db.target.dir,
    });
  let info;
  try {
    info = await serverInfo(db);
  } catch (err) {
    return check(
      "database",
      "failing",
      "setup.database.unreadable",
      { reason: (err as Error).message.slice(0, 200) },
      FIX,
    );
  }
  const major = Number.parseInt(info.version, 10);
  const available = info.maxConnections - info.reserved;
  const needed = config.APP_REPLICAS * CONNECTIONS_PER_REPLICA;
  const vars = { version: info.version, max: info.maxConnections, available, replicas: config.APP_REPLICAS, needed };
  if (needed > available) return check("database", "failing", "setup.database.connections", vars, FIX);
  if (major < MIN_MAJOR) return check("database", "warning", "setup.database.old", { ...vars, min: MIN_MAJOR }, FIX);
  return check("database", "ok", "setup.database.postgres", vars);
}
