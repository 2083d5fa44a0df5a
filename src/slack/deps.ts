// What every Slack listener is given: the core it calls and the configuration it reads.
import type { Config } from "../config.js";
import type { Core } from "../core/index.js";

export interface SlackDeps {
  core: Core;
  config: Config;
  /** Whether the database answers now (src/db/reachability.ts); absent: assumed to. */
  databaseReachable?: () => Promise<boolean>;
}
