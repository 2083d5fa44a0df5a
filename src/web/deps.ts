// What every route is given: the configuration, the core it calls, and the database handle
// (only the health check pings it).
import type { Config } from "../config.js";
import type { Core } from "../core/index.js";
import type { Database } from "../db/client.js";
import type { SetupMonitor } from "../setup/index.js";

export interface WebDeps {
  config: Config;
  core: Core;
  db: Database;
  /** The setup checks' latest results (the landing page, /healthz's degraded reasons). */
  setup?: SetupMonitor;
  /** `npm run demo`: the local Slack preview is mounted (the landing page links to it). */
  preview?: boolean;
}
