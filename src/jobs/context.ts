// What every schedule is given: the core whose use cases it calls, and the configuration that
// says when.
import type { Config } from "../config.js";
import type { Core } from "../core/index.js";

export interface JobContext {
  core: Core;
  config: Config;
}
