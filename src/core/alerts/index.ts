export { AlertService, MAX_BATCH, type IntakeResult } from "./service.js";
export {
  AppPolicyService,
  parsePolicyCsv,
  type LineError as PolicyLineError,
  type PolicyLineCode,
  type PolicyMode,
} from "./policy.js";
export { ALERT_TYPES, canPostAtOnce, isImmediate, isAlertType, type AlertType } from "./types.js";
export { AppUsage, normaliseApps, type InstalledApp } from "./app-usage.js";
export { alertRecipients, type AlertRecipient } from "./recipients.js";
export {
  AlertRoutingSettings,
  readAlertRouting,
  type AlertRouting,
  type AlertRoutingChange,
} from "./routing.js";
