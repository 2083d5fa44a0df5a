// The MDM core, assembled: each capability is a class that takes its dependencies in the
// constructor. Adapters (Slack, web, jobs) receive this object and call it; nothing in here
// knows about Slack, HTTP or cron.
import { Actors } from "./actors.js";
import type { CoreDeps } from "./deps.js";
import { ApiTokens } from "./api-tokens.js";
import { LossReports } from "./reports/service.js";
import { DeviceSide } from "./devices/device-side.js";
import { Commands } from "./commands/index.js";
import { Enrollments } from "./enrollments/index.js";
import { DeviceAgents } from "./devices/agent-enrollment.js";
import { AlertRoutingSettings, AlertService, AppPolicyService, AppUsage } from "./alerts/index.js";
import { DigestService } from "./digest/index.js";
import { Inventory } from "./inventory/index.js";
import { People } from "./people.js";
import { CompanyContactSettings } from "./company-contact.js";
import { Preferences } from "./preferences.js";
import { Housekeeping } from "./housekeeping.js";
import { JobRuns } from "./job-runs.js";
import { RateLimits } from "./rate-limits.js";
import { InboundReceipts } from "./receipts.js";
import { Outbox } from "./outbox.js";
import { HomeViewers } from "./home-viewers.js";
import { createRenewalServices } from "./renewals/index.js";
import { ResponseBrake } from "./brake/service.js";
import { PersonalDevices } from "./devices/personal-devices.js";
import { CaseRecords } from "./response/cases.js";
import { IncidentChecklist } from "./response/checklist.js";
import { DEFAULT_ESCALATION, IncidentEscalation } from "./response/escalation.js";

export type { CoreDeps, CoreSettings } from "./deps.js";

export function createCore(deps: CoreDeps) {
  const actors = new Actors({ db: deps.db, systemAdminSlackIds: deps.settings.systemAdminSlackIds });
  const receipts = new InboundReceipts({ db: deps.db });
  const jobRuns = new JobRuns({ db: deps.db });
  const rateLimits = new RateLimits({ db: deps.db });
  const immediateByDefault = deps.settings.immediateAlerts ?? true;
  const appUsage = new AppUsage({ db: deps.db, clock: deps.clock, events: deps.events, immediateByDefault });
  const commands = new Commands({
    ...deps,
    actors,
    drivers: deps.drivers,
    reports: new LossReports({ ...deps, actors }),
    wipeLimitPerHour: deps.settings.brake?.wipeLimitPerHour,
    encryptionKey: deps.settings.renewals?.encryptionKey,
    recheckAfterMs: deps.settings.commandRecheckAfterMs,
  });
  // What devices do by themselves (a location while lost, lost mode left on the phone).
  const deviceSide = new DeviceSide({
    db: deps.db,
    clock: deps.clock,
    events: deps.events,
    reports: new LossReports({ ...deps, actors }),
  });
  return {
    /** The time the core works by: adapters render "now" from it too. */
    clock: deps.clock,
    /** Where employees reach the portal, for links in messages. */
    publicUrl: deps.settings.publicUrl,
    actors,
    commands,
    agents: new DeviceAgents({
      db: deps.db,
      statements: deps.statements,
      clock: deps.clock,
      events: deps.events,
      commands,
      appUsage,
      enrollmentSecret: () => deps.settings.agentEnrollmentSecret,
      previousEnrollmentSecret: () => deps.settings.previousAgentEnrollmentSecret,
      codeHours: deps.settings.enrollmentCodeHours,
      actors,
    }),
    reports: new LossReports({ db: deps.db, clock: deps.clock, events: deps.events, actors, settings: deps.settings }),
    inventory: new Inventory({
      db: deps.db,
      clock: deps.clock,
      events: deps.events,
      actors,
      headerNames: deps.settings.inventoryHeaders,
    }),
    preferences: new Preferences({ db: deps.db, clock: deps.clock }),
    people: new People({ db: deps.db, clock: deps.clock }),
    companyContact: new CompanyContactSettings({ db: deps.db, clock: deps.clock, actors }),
    ...createRenewalServices(deps, actors),
    alerts: new AlertService({ db: deps.db, clock: deps.clock, events: deps.events, actors, immediateByDefault }),
    /** Per alert type "post at once", and the owners' and department admins' messages. */
    alertRouting: new AlertRoutingSettings({ db: deps.db, clock: deps.clock, actors, immediateByDefault }),
    enrollments: new Enrollments({
      ...deps,
      commands,
      appUsage,
      alerts: new AlertService({ ...deps, actors, immediateByDefault }),
      drivers: deps.settings.mdmDrivers,
      registry: deps.drivers,
      deviceSide,
    }),
    deviceSide,
    /** Installed apps from any source, checked against the app usage policy. */
    appUsage,
    appPolicy: new AppPolicyService({ db: deps.db, clock: deps.clock, actors }),
    apiTokens: new ApiTokens({ db: deps.db, clock: deps.clock }),
    digest: new DigestService({ db: deps.db, clock: deps.clock, events: deps.events, actors }),
    escalation: new IncidentEscalation({
      db: deps.db,
      events: deps.events,
      settings: () => deps.settings.escalation ?? DEFAULT_ESCALATION,
    }),
    receipts,
    outbox: new Outbox({ db: deps.db }),
    homeViewers: new HomeViewers({ db: deps.db }),
    jobRuns,
    rateLimits,
    housekeeping: new Housekeeping({
      db: deps.db,
      receipts,
      jobRuns,
      rateLimits,
      alertRetentionDays: deps.settings.alertRetentionDays ?? 90,
    }),
    checklist: new IncidentChecklist({
      db: deps.db,
      clock: deps.clock,
      events: deps.events,
      actors,
      timeZone: deps.settings.timeZone,
    }),
    cases: new CaseRecords({
      db: deps.db,
      clock: deps.clock,
      events: deps.events,
      actors,
      timeZone: deps.settings.timeZone,
    }),
    /** Incident response: BYOD marks and the owner's consent to a full reset of a personal device. */
    personal: new PersonalDevices({ db: deps.db, clock: deps.clock, events: deps.events, actors, commands }),
    brake: new ResponseBrake({
      db: deps.db,
      clock: deps.clock,
      events: deps.events,
      actors,
      commands,
      wipeLimitPerHour: deps.settings.brake?.wipeLimitPerHour,
    }),
  };
}

export type Core = ReturnType<typeof createCore>;
