// "Dismiss": the report needs no action (a false alarm). Pending commands are withdrawn, and a
// device still in lost mode is offered its "end lost mode" in the same step (report-close.ts).
import type { SlackDeps } from "../../deps.js";
import { reportClose } from "./report-close.js";

export const reportDismiss = (deps: SlackDeps) => reportClose(deps, "DISMISSED");
