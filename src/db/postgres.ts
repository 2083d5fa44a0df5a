// A PostgreSQL server through Prisma's adapter-pg, with migration scripts run whole (see
// whole-script.ts): a migration that defines a function or a trigger has ";" inside its body.
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { runScriptsWhole } from "./whole-script.js";

export class PostgresAdapterFactory extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const pool = (adapter as unknown as { client: pg.Pool }).client;
    return runScriptsWhole(adapter, (script) => pool.query(script));
  }
}
