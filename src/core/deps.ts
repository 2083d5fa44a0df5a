// What the core is built from: the database, the clock, where domain events go, the command
// drivers, and the settings that shape its rules. app.ts (and the command-line scripts) fill it in.
import type { Db } from "../db/client.js";
import type { Statements } from "../db/prepared.js";
import type { Clock } from "./clock.js";
import type { DriverSelection } from "./enrollments/index.js";
import type { EventSink } from "./events.js";
import type { ColumnHeaderNames } from "./inventory/columns.js";
import type { DriverRegistry } from "./ports/commands.js";
import type { RenewalSettings } from "./renewals/settings.js";
import type { EscalationSettings } from "./response/escalation.js";

export interface CoreSettings {
  systemAdminSlackIds: readonly string[];
  appLocale: "ja" | "en";
  timeZone: string;
  /** Where employees reach the portal, for links in messages. */
  publicUrl: string;
  /** Renewals and custody; absent in processes that never touch them. */
  renewals?: RenewalSettings;
  /** AGENT_ENROLLMENT_SECRET: devices present it to enroll; unset, enrolment is closed. */
  agentEnrollmentSecret?: string;
  /** AGENT_ENROLLMENT_SECRET_PREVIOUS: still accepted during a rotation. */
  previousAgentEnrollmentSecret?: string;
  /** ENROLLMENT_CODE_HOURS: how long a one-time enrolment code stays usable (72 when absent). */
  enrollmentCodeHours?: number;
  /** The inventory sheet's column headers in every language the app speaks (by column key). */
  inventoryHeaders?: ColumnHeaderNames;
  /** Which driver new Apple/Android devices get (MDM_DRIVER_APPLE, MDM_DRIVER_ANDROID). */
  mdmDrivers?: DriverSelection;
  /** Incident response: WIPE_LIMIT_PER_HOUR, the wipe limit until two admins change it. */
  brake?: { wipeLimitPerHour: number };
  /** COMMAND_RECHECK_AFTER_MINUTES in ms: a sent command with no answer is re-checked after it (1 h when absent). */
  commandRecheckAfterMs?: number;
  /** IMMEDIATE_ALERTS: every alert type starts posted at once where the table allows (true) or not. */
  immediateAlerts?: boolean;
  /** Days an alert is kept (ALERT_RETENTION_DAYS); 90 unless set. */
  alertRetentionDays?: number;
  /** Escalation when nobody acts (incident response); the defaults when absent. */
  escalation?: EscalationSettings;
}

export interface CoreDeps {
  db: Db;
  /** Hot-path statements run without Prisma (the agent check-in). */
  statements: Statements;
  clock: Clock;
  events: EventSink;
  settings: CoreSettings;
  /** How commands reach devices: the drivers app.ts wires (src/drivers/index.ts), the built-in agent among them. */
  drivers: DriverRegistry;
}
