// Migrates one template database per run; every test file starts from a copy of it.
// PGlite: a data-directory dump in the temp dir. PostgreSQL (TEST_DATABASE_URL): a template database.
import { rm, writeFile } from "node:fs/promises";
import pg from "pg";
import { openDatabase } from "../src/db/client.js";
import { PGLITE_TEMPLATE, TEMPLATE_DB, serverUrl, withDatabase } from "./support/db.js";

export default async function setup() {
  const server = serverUrl();
  if (!server) {
    const db = await openDatabase({ kind: "pglite", dir: "memory://" });
    await db.migrate();
    const dump = await db.pglite!.dumpDataDir("none");
    await writeFile(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
    await db.close();
    process.env.LOSTDESK_PGLITE_TEMPLATE = PGLITE_TEMPLATE;
    return async () => {
      await rm(PGLITE_TEMPLATE, { force: true });
    };
  }
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  await admin.end();
  const db = await openDatabase({ kind: "postgres", url: withDatabase(server, TEMPLATE_DB) });
  await db.migrate();
  await db.close();
}
