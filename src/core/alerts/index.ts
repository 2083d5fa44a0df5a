export { AlertService, MAX_BATCH, type IntakeResult } from "./service.js";
export { AppPolicyService, parsePolicyCsv, type PolicyMode } from "./policy.js";
export { ALERT_TYPES, isImmediate, isAlertType, type AlertType } from "./types.js";
export { toCsv } from "./csv.js";
