// "Found": closes the report as found, offering to end lost mode first (report-close.ts).
import type { SlackDeps } from "../../deps.js";
import { reportClose } from "./report-close.js";

export const reportFound = (deps: SlackDeps) => reportClose(deps, "FOUND");
