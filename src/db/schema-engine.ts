// Prisma's migration engine, run offline: the wasm build of the schema engine talks to the
// database through the same driver adapter as the client, so neither PGlite nor a
// PostgreSQL server needs the CLI's downloaded binary (the design brief's "Verified facts").
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);
export const SCHEMA_PATH = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");
export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

const NO_FILTERS = { externalTables: [] as string[], externalEnums: [] as string[] };

interface Engine {
  markMigrationRolledBack(input: { migrationName: string }): Promise<unknown>;
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}

let bgModule: Promise<any> | undefined;

/** Instantiates the wasm once per process; every engine shares it. */
function loadWasm(): Promise<any> {
  bgModule ??= (async () => {
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const dir = path.dirname(bgPath);
    const bg = await import(pathToFileURL(bgPath).href);
    const bytes = await readFile(path.join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as any).__wbindgen_start();
    return bg;
  })();
  return bgModule;
}

/**
 * The engine keeps the connections it opened (and PostgreSQL's migration advisory lock with
 * them) after `free()`, so the next run would wait for the lock: track them and close them.
 */
async function openEngine(factory: SqlMigrationAwareDriverAdapterFactory, schema: string) {
  const bg = await loadWasm();
  const opened: { dispose(): Promise<void> }[] = [];
  const track = <T extends { dispose(): Promise<void> }>(adapter: T) => (opened.push(adapter), adapter);
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => track(await factory.connect()),
    connectToShadowDb: async () => track(await factory.connectToShadowDb()),
  };
  const engine: Engine = await bg.SchemaEngine.new(
    { datamodels: [["schema.prisma", schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  return {
    engine,
    async close() {
      engine.free();
      await Promise.allSettled(opened.map((a) => a.dispose()));
    },
  };
}

export interface MigrationDir {
  name: string;
  sql: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationDir[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => ({ name, sql: await readFile(path.join(dir, name, "migration.sql"), "utf8") })),
  );
}

function migrationList(migrations: MigrationDir[], dir: string) {
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: 'provider = "postgresql"\n' },
    shadowDbInitScript: "",
    migrationDirectories: migrations.map((m) => ({
      path: m.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } },
    })),
  };
}

export class MigrationError extends Error {
  readonly code = "migration_failed";
}

/**
 * Applies every migration not yet recorded in `_prisma_migrations`, exactly as
 * `prisma migrate deploy` does. A migration script goes to PostgreSQL as one multi-statement
 * query, which PostgreSQL runs as a single transaction: a failure leaves the data as it was.
 * Prisma still records the attempt as failed and would refuse every later start (P3009), so the
 * attempt is marked rolled back — which is what happened — and a fixed migration applies cleanly.
 */
export async function applyMigrations(
  factory: SqlMigrationAwareDriverAdapterFactory,
  dir = MIGRATIONS_DIR,
): Promise<string[]> {
  const [schema, migrations] = await Promise.all([readFile(SCHEMA_PATH, "utf8"), readMigrations(dir)]);
  const { engine, close } = await openEngine(factory, schema);
  try {
    await markFailedAsRolledBack(engine, factory);
    const out = await engine.applyMigrations({ migrationsList: migrationList(migrations, dir), filters: NO_FILTERS });
    return out.appliedMigrationNames;
  } catch (err) {
    const failed = await markFailedAsRolledBack(engine, factory).catch(() => []);
    const which = failed.length ? ` (in ${failed.join(", ")})` : "";
    throw new MigrationError(`database migration failed${which}: ${describe(err)}`);
  } finally {
    await close();
  }
}

async function markFailedAsRolledBack(
  engine: Engine,
  factory: SqlMigrationAwareDriverAdapterFactory,
): Promise<string[]> {
  const adapter = await factory.connect();
  try {
    const exists = await adapter.queryRaw({
      sql: "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present",
      args: [],
      argTypes: [],
    });
    if (!exists.rows[0]?.[0]) return [];
    const res = await adapter.queryRaw({
      sql: "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL",
      args: [],
      argTypes: [],
    });
    const names = res.rows.map((r) => String(r[0]));
    for (const migrationName of names) await engine.markMigrationRolledBack({ migrationName });
    return names;
  } finally {
    await adapter.dispose();
  }
}

/** SQL that takes a database at the existing migrations to the current schema.prisma ("" when none). */
export async function diffSchemaAgainstMigrations(
  factory: SqlMigrationAwareDriverAdapterFactory,
  dir = MIGRATIONS_DIR,
): Promise<string> {
  const [schema, migrations] = await Promise.all([readFile(SCHEMA_PATH, "utf8"), readMigrations(dir)]);
  const { engine, close } = await openEngine(factory, schema);
  try {
    const from = migrations.length ? { tag: "migrations", ...migrationList(migrations, dir) } : { tag: "empty" };
    const out = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const sql = out.stdout ?? "";
    return /^\s*(--[^\n]*\n\s*)*-- This is an empty migration\.?\s*$/.test(sql) ||
      !/\S/.test(sql.replace(/--.*$/gm, ""))
      ? ""
      : sql;
  } finally {
    await close();
  }
}

function describe(err: unknown): string {
  if (err && typeof err === "object" && "message" in err) return String((err as Error).message);
  try {
    return JSON.stringify(err);
  } catch {
    return String(err);
  }
}
