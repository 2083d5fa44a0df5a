// The one Prisma client, over PGlite (embedded, default) or a PostgreSQL server.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "../generated/prisma/client.js";
import { PGliteAdapterFactory } from "./pglite.js";
import { PostgresAdapterFactory } from "./postgres.js";
import { listenPglite, listenPostgres, type Listening } from "./listen.js";
import { withMigrationLock } from "./migration-lock.js";
import { lockDirectory } from "./pglite-lock.js";
import { pgliteStatements, postgresStatements, type Statements } from "./prepared.js";
import { applyMigrations } from "./schema-engine.js";

export type Db = PrismaClient;
export { Prisma } from "../generated/prisma/client.js";

export type DatabaseTarget =
  | { kind: "pglite"; dir: string } // dir "memory://" for tests
  | { kind: "postgres"; url: string };

/** DATABASE_URL → where the data lives. Unset, `file:<dir>` or a path: PGlite; postgres://: a server. */
export function parseDatabaseUrl(raw: string | undefined): DatabaseTarget {
  const value = raw?.trim();
  if (!value) return { kind: "pglite", dir: path.resolve("data/pglite") };
  if (/^postgres(ql)?:\/\//i.test(value)) {
    new URL(value); // throws on a malformed URL, caught by the config schema
    return { kind: "postgres", url: value };
  }
  if (value.startsWith("memory://")) return { kind: "pglite", dir: value };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new Error(`unsupported scheme "${value.split(":")[0]}": use postgres://…, file:<dir> or a directory path`);
  }
  return { kind: "pglite", dir: path.resolve(value.replace(/^file:/, "")) };
}

export interface Database {
  prisma: Db;
  target: DatabaseTarget;
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** The embedded database, when that is what this is. */
  pglite: PGlite | null;
  /** Hot-path statements run without Prisma (db/prepared.ts). */
  statements: Statements;
  migrate(): Promise<string[]>;
  ping(): Promise<boolean>;
  /** Calls `onNotify` when a transaction that ran NOTIFY `channel` commits (see db/listen.ts). */
  listen(channel: string, onNotify: () => void): Promise<Listening>;
  close(): Promise<void>;
}

/** Connections per pool (Prisma's, and the hot path's beside it). */
const POOL_MAX = 10;

export interface OpenOptions {
  /** PGlite only: start from this data-directory dump instead of an empty cluster (fast test databases). */
  template?: Blob;
}

export async function openDatabase(target: DatabaseTarget, opts: OpenOptions = {}): Promise<Database> {
  let factory: SqlMigrationAwareDriverAdapterFactory;
  let closeDriver = async () => {};
  let pglite: PGlite | null = null;
  let listen: Database["listen"];
  let statements: Statements;
  if (target.kind === "postgres") {
    factory = new PostgresAdapterFactory({ connectionString: target.url, max: POOL_MAX });
    statements = postgresStatements(target.url, POOL_MAX);
    listen = async (channel, onNotify) => listenPostgres(target.url, channel, onNotify);
  } else {
    let unlock = () => {};
    if (!target.dir.startsWith("memory://")) {
      mkdirSync(target.dir, { recursive: true });
      unlock = lockDirectory(target.dir);
    }
    let embedded: PGlite;
    try {
      embedded = opts.template ? await PGlite.create({ loadDataDir: opts.template }) : await PGlite.create(target.dir);
    } catch (err) {
      unlock();
      throw err;
    }
    pglite = embedded;
    factory = new PGliteAdapterFactory(embedded);
    statements = pgliteStatements(embedded);
    closeDriver = async () => {
      await embedded.close();
      unlock();
    };
    listen = (channel, onNotify) => listenPglite(embedded, channel, onNotify);
  }
  const prisma = new PrismaClient({ adapter: factory });
  return {
    prisma,
    target,
    factory,
    pglite,
    statements,
    // PGlite has one process by its directory lock; PostgreSQL replicas take turns.
    migrate: () =>
      target.kind === "postgres"
        ? withMigrationLock(target.url, () => applyMigrations(factory))
        : applyMigrations(factory),
    listen,
    async ping() {
      try {
        await prisma.$queryRaw`SELECT 1`;
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await statements.close();
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}
