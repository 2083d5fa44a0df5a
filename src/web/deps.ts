// What every route is given: the configuration, the core it calls, and the database handle
// (only the health check pings it).
import type { Config } from "../config.js";
import type { Core } from "../core/index.js";
import type { Database } from "../db/client.js";

export interface WebDeps {
  config: Config;
  core: Core;
  db: Database;
}
