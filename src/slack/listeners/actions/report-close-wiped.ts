// "Close — wiped": the device was erased; the report closes as such (never as "no action
// needed"), and the employee is told what happened to their data.
import type { SlackDeps } from "../../deps.js";
import { reportClose } from "./report-close.js";

export const reportCloseWiped = (deps: SlackDeps) => reportClose(deps, "CLOSED");
