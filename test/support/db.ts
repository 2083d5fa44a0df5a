// A real, empty, migrated database for each test file: in-memory PGlite by default, or a fresh
// database on the PostgreSQL server named by TEST_DATABASE_URL. Either way it is cloned from a
// template that test/global-setup.ts migrates once per run (the migration path itself is
// tested in test/foundation/database.test.ts).
import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type Database } from "../../src/db/client.js";

// One template per checkout, so suites run from two checkouts on one server never drop each other's.
export const TEMPLATE_DB = `lostdesk_test_template_${createHash("sha256").update(process.cwd()).digest("hex").slice(0, 8)}`;
export const PGLITE_TEMPLATE = path.join(tmpdir(), `lostdesk-test-template-${process.ppid}.tar`);

export function serverUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** `via` reroutes the app's connections (a proxy that can cut them); PostgreSQL only. */
export async function createTestDatabase(opts: { via?: (url: string) => string } = {}): Promise<Database> {
  const server = serverUrl();
  if (!server) {
    const template = process.env.LOSTDESK_PGLITE_TEMPLATE;
    if (template) {
      return openDatabase({ kind: "pglite", dir: "memory://" }, { template: new Blob([await readFile(template)]) });
    }
    const db = await openDatabase({ kind: "pglite", dir: "memory://" });
    await db.migrate();
    return db;
  }
  const name = `lostdesk_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(server, name);
  const db = await openDatabase({ kind: "postgres", url: opts.via ? opts.via(url) : url });
  const close = db.close.bind(db);
  db.close = async () => {
    await close();
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    await c.end();
  };
  return db;
}
