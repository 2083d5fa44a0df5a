// A statement on a hot path (the agent check-in), run without Prisma: prepared once by name and
// then only bound and executed, parameters and columns as text. Prisma's query compiler and
// adapter cost more CPU than the statement itself, and an unnamed statement is parsed and planned
// again on every run. Kept to what the hot path needs; everything else goes through Prisma.
import type { PGlite } from "@electric-sql/pglite";
import { protocol } from "@electric-sql/pglite";
import pg from "pg";
import { log } from "../log.js";

/** One row: each column as PostgreSQL's text form, or null. */
export type TextRow = (string | null)[];

export interface PreparedStatement {
  run(values: string[]): Promise<TextRow[]>;
}

export interface PreparedOptions {
  /**
   * PostgreSQL: commit without waiting for the WAL to reach the disk. Only for a statement whose
   * effect may be lost to a crash of the database server (not of the app): the last ~0.6 s of
   * such commits can be, while every other transaction stays durable (a later ordinary commit
   * flushes them too). PGlite does not sync its WAL either way.
   */
  asyncCommit?: boolean;
}

export interface Statements {
  prepare(name: string, text: string, opts?: PreparedOptions): PreparedStatement;
  close(): Promise<void>;
}

const asText = { getTypeParser: () => (value: string) => value };

/**
 * PostgreSQL: a pool of its own beside Prisma's (connections opened on demand), because the
 * commit setting is per session; node-postgres prepares a named statement once per connection.
 */
export function postgresStatements(url: string, max: number): Statements {
  const pools = new Map<string, pg.Pool>();
  const poolFor = (asyncCommit: boolean) => {
    const key = asyncCommit ? "async" : "sync";
    let pool = pools.get(key);
    if (!pool) {
      pool = new pg.Pool({
        connectionString: url,
        max,
        application_name: "lostdesk-hot",
        ...(asyncCommit ? { options: "-c synchronous_commit=off" } : {}),
      });
      // An idle connection the server dropped: the pool replaces it; the next query reports it.
      pool.on("error", (err) => log.warn("database connection lost (hot-path pool)", { reason: err.message }));
      pools.set(key, pool);
    }
    return pool;
  };
  return {
    prepare(name, text, opts = {}) {
      const pool = poolFor(Boolean(opts.asyncCommit));
      return {
        async run(values) {
          const r = await pool.query<TextRow>({ name, text, values, rowMode: "array", types: asText });
          return r.rows;
        },
      };
    },
    async close() {
      await Promise.all([...pools.values()].map((p) => p.end()));
    },
  };
}

const { serialize } = protocol;
const { DataRowMessage } = protocol.messages;
const TEXT_OID = 25;
// SQLSTATE 26000: the session lost the statement (DEALLOCATE, DISCARD ALL).
const NO_SUCH_STATEMENT = "26000";

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * PGlite: its one session is Prisma's too, so a run waits for any open transaction to end (the
 * same lock PGlite's own `query` takes) and never lands inside one. Bind, execute and sync go to
 * the backend as one message; PGlite's `query` sends six, and parses and plans each time.
 */
export function pgliteStatements(db: PGlite): Statements {
  return {
    prepare(name, text) {
      let prepared = false;
      const exec = (message: Uint8Array) =>
        db._runExclusiveTransaction(() => db._runExclusiveQuery(() => db.execProtocol(message)));
      const once = async (values: string[]) => {
        if (!prepared) {
          await exec(concat([serialize.parse({ name, text, types: values.map(() => TEXT_OID) }), serialize.sync()]));
          prepared = true;
        }
        const r = await exec(
          concat([serialize.bind({ statement: name, values }), serialize.execute({}), serialize.sync()]),
        );
        const rows: TextRow[] = [];
        for (const m of r.messages) if (m instanceof DataRowMessage) rows.push(m.fields);
        return rows;
      };
      return {
        async run(values) {
          try {
            return await once(values);
          } catch (err) {
            if ((err as { code?: string }).code !== NO_SUCH_STATEMENT) throw err;
            prepared = false;
            return once(values);
          }
        },
      };
    },
    async close() {},
  };
}
