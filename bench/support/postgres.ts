// The PostgreSQL server the benches measure on (BENCH_DATABASE_URL), and scratch databases on
// it that each bench creates fresh and drops afterwards.
import pg from "pg";
import { withDatabase } from "../../test/support/db.js";

export const benchServerUrl = () => process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/bench";

async function adminQuery(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: withDatabase(benchServerUrl(), "postgres") });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** An empty database named after BENCH_DATABASE_URL's, plus `suffix`; `drop` removes it. */
export async function scratchDatabase(suffix = ""): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${new URL(benchServerUrl()).pathname.slice(1) || "bench"}${suffix}`;
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(benchServerUrl(), name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
