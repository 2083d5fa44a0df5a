// Everything a driver may see of the core: the command port it implements, the device records
// it reports, and the clock it reads. Drivers import from here and nowhere else in src/core.
export * from "./commands.js";
export type { RemoteDevice } from "./devices.js";
export type { DeviceSideChange, ReportedLocation } from "./device-side.js";
export type { Clock } from "../clock.js";
export type { CommandType, Platform } from "../../generated/prisma/enums.js";
