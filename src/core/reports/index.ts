// Loss reports: intake, matching, status history, the public status view.
export { LossReports, CLOSED_STATUSES, type NewReport, type CreatedReport } from "./service.js";
export { statusView, type StatusView } from "./status.js";
export { loadIncident, type Incident, type IncidentDevice } from "./incident.js";
export {
  parseReportForm,
  parseLostAt,
  reportFormSchema,
  CIRCUMSTANCES,
  CIRCUMSTANCES_ENUM,
  type FieldErrors,
  type ReportForm,
} from "./input.js";
export { hashStatusToken, newStatusToken } from "./tokens.js";
