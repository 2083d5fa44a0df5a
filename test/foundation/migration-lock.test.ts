// Replicas started together on an empty PostgreSQL database all migrate it and come up: one
// migrates, the others wait for it (an advisory lock around migrate) and then find nothing to do.
// Before, one in several tries died with "cannot be rolled back because it is not in a failed
// state": it took the migration another replica was running for a failed one.
import pg from "pg";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import path from "node:path";
import { readMigrations } from "../../src/db/schema-engine.js";
import { serverUrl, withDatabase } from "../support/db.js";

const server = serverUrl();
const root = path.resolve(import.meta.dirname, "../..");

function migrateProcess(url: string): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/migrate.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, out })));
}

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

// PGlite is one process per directory (src/db/pglite-lock.ts): there are no replicas to race.
describe.skipIf(!server)("five replicas at once on an empty database", () => {
  it("all migrate and come up", async () => {
    const name = `lostdesk_mig_${randomBytes(5).toString("hex")}`;
    await admin(`CREATE DATABASE "${name}"`);
    const url = withDatabase(server!, name);
    try {
      // Separate processes, as replicas are: `npm run db:migrate` is start-up's migrate step alone.
      const runs = await Promise.all(Array.from({ length: 5 }, () => migrateProcess(url)));
      expect(runs.map((r) => `${r.code} ${r.out.trim()}`)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^0 applied: /)]),
      );
      for (const r of runs) expect(r.code, r.out).toBe(0);
      // Exactly one replica applied them; the others found the database already migrated.
      expect(runs.filter((r) => /applied: /.test(r.out))).toHaveLength(1);
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const rows = await c.query(
        "SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
      );
      await c.end();
      expect(rows.rows[0].n).toBe((await readMigrations()).length);
    } finally {
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  }, 120_000);
});
