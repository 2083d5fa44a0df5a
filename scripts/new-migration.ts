// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql with
// the change from the existing migrations to prisma/schema.prisma. Uses an in-memory PGlite as the
// shadow database, so no server and no download are needed.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGliteAdapterFactory } from "../src/db/pglite.js";
import { MIGRATIONS_DIR, diffSchemaAgainstMigrations } from "../src/db/schema-engine.js";

const name = (process.argv[2] ?? "")
  .trim()
  .replace(/[^A-Za-z0-9_]+/g, "_")
  .toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>   (e.g. add_device_notes)");
  process.exit(2);
}
const sql = await diffSchemaAgainstMigrations(new PGliteAdapterFactory(new PGlite()));
if (!sql) {
  console.log("schema.prisma matches the migrations: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, "migration.sql"), sql);
await writeFile(path.join(MIGRATIONS_DIR, "migration_lock.toml"), 'provider = "postgresql"\n');
console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
