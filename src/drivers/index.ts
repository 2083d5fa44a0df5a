// The drivers this deployment can use, by Device.driver. Add a driver to the list below; the
// core only sees the DriverRegistry, so nothing else changes.
import type { Config } from "../config.js";
import type { Clock } from "../core/clock.js";
import { AgentDriver } from "./agent.js";
import { DriverRegistry, type CommandDriver } from "./driver.js";

export function buildDrivers(config: Config, clock: Clock, extra: CommandDriver[] = []): DriverRegistry {
  void config; // push drivers read their endpoints and credentials from here
  void clock;
  const drivers: CommandDriver[] = [new AgentDriver()];
  return new DriverRegistry([...drivers, ...extra]);
}
