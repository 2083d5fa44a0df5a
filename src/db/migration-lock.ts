// Replicas started together on one PostgreSQL server must not migrate at the same time: one
// took the migration another was still running for a failed attempt, tried to mark it rolled
// back and died ("cannot be rolled back because it is not in a failed state"). The whole
// migrate step — that check included — runs under a session advisory lock on a connection of
// its own; the others wait, then find nothing left to apply. The lock goes with the connection,
// so a replica killed mid-migration never leaves it held.
import pg from "pg";
import { log } from "../log.js";

/** Ours, distinct from the schema engine's own lock key (72707369), which it takes inside. */
const MIGRATE_LOCK_KEY = 7_215_000_150;

export async function withMigrationLock<T>(url: string, run: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: "lostdesk-migrate" });
  client.on("error", () => {}); // a dropped lock connection surfaces as the migration's own error
  await client.connect();
  try {
    const got = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [MIGRATE_LOCK_KEY]);
    if (!got.rows[0]?.ok) {
      log.info("another replica is migrating the database; waiting for it", {});
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATE_LOCK_KEY]);
    }
    return await run();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATE_LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
}
