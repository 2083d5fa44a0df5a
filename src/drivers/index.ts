// The drivers this deployment can use, by Device.driver. Add a driver to the list below; the
// core only sees the DriverRegistry, so nothing else changes.
import type { Config } from "../config.js";
import { DriverRegistry, type Clock, type CommandDriver } from "../core/ports/index.js";
import { AgentDriver } from "./agent.js";
import { androidFromConfig } from "./android.js";
import { nanoMdmFromConfig } from "./nanomdm.js";

export function buildDrivers(config: Config, clock: Clock, extra: CommandDriver[] = []): DriverRegistry {
  // Push drivers are registered whenever their service is configured, so devices already on
  // them keep working whatever MDM_DRIVER_* says for new devices.
  const remote = [nanoMdmFromConfig(config, clock), androidFromConfig(config, clock)].filter(
    (d): d is NonNullable<typeof d> => d !== null,
  );
  const drivers: CommandDriver[] = [new AgentDriver(), ...remote];
  return new DriverRegistry([...drivers, ...extra]);
}
