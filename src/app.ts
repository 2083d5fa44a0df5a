// Wires one running app from its parts. main.ts calls it with the real environment; tests call
// it with an in-memory database, a fake Slack and a manual clock.
import type { AddressInfo } from "node:net";
import { createServer, type RequestListener, type Server } from "node:http";
import { randomUUID } from "node:crypto";
import { slackEnabled, type Config } from "./config.js";
import { systemClock, type Clock } from "./core/clock.js";
import { createCore, type Core } from "./core/index.js";
import { DEFAULT_BUSINESS_HOURS, parseBusinessHours } from "./core/response/calendar.js";
import type { Database } from "./db/client.js";
import type { Listening } from "./db/listen.js";
import { allTranslations, pickLocale } from "./i18n/index.js";
import { formerCsvHeaders } from "./i18n/messages/admin.js";
import { DbRunCoordinator } from "./jobs/coordinator.js";
import { defineJobs } from "./jobs/index.js";
import { Scheduler, type Job } from "./jobs/scheduler.js";
import { log } from "./log.js";
import { Router } from "express";
import { mountSlack } from "./slack/app.js";
import { createWebClient } from "./slack/web-client.js";
import { OutboxDelivery } from "./slack/delivery.js";
import { inventoryFile, type InventoryFileSource } from "./slack/mdm/export.js";
import { SlackNotifier } from "./slack/notifier.js";
import { SlackRenderer } from "./slack/renderer.js";
import { digestDmAtDelivery } from "./slack/notifications/digest-personal.js";
import { createWebApp } from "./web/app.js";
import { buildDrivers } from "./drivers/index.js";
import { caseDocuments } from "./documents/case-record/index.js";
import type { CommandDriver } from "./core/ports/commands.js";
import { SetupMonitor, type CheckContext } from "./setup/index.js";
import { databaseReachability } from "./db/reachability.js";

export interface AppOptions {
  config: Config;
  db: Database;
  clock?: Clock;
  /** Drivers added to (or replacing) the configured ones, e.g. a test's driver with its own credentials. */
  drivers?: CommandDriver[];
  /** Replica name, for leases and logs. */
  instance?: string;
  /** Run the setup checks (npm run doctor's) in the background from start-up, for / and /healthz. */
  doctor?: boolean;
  /** Credentials and clients the setup checks use instead of the configured ones (tests). */
  checks?: Pick<CheckContext, "androidAuth" | "googleAuth" | "slackClient">;
  /** `npm run demo`: the local Slack preview's pages, mounted before the app's own routes. */
  preview?: Router;
  /** Address to listen on (all interfaces unless given; the preview listens on loopback only). */
  host?: string;
  /** How long an administrator's Home refresh waits for further changes to show with it (default 2 s). */
  homeRefreshDelayMs?: number;
}

export interface RunningApp {
  core: Core;
  config: Config;
  db: Database;
  clock: Clock;
  server: Server;
  url: string;
  /** Turns committed changes into Slack messages (outbox rows); runs whether or not Slack is configured. */
  renderer: SlackRenderer;
  delivery: OutboxDelivery | null;
  coordinator: DbRunCoordinator;
  jobs: Job[];
  scheduler: Scheduler;
  setup: SetupMonitor;
  /** Resolves when Slack listener work acked so far has finished (what tests wait on). */
  slackSettled(): Promise<void>;
  stop(): Promise<void>;
}

const publicUrlOf = (config: Config) => config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;

export function buildCore(
  config: Config,
  db: Database,
  clock: Clock,
  extraDrivers: CommandDriver[] = [],
  homeRefreshDelayMs = 2_000,
): Core {
  const publicUrl = publicUrlOf(config);
  return createCore({
    db: db.prisma,
    statements: db.statements,
    clock,
    events: new SlackNotifier(clock, homeRefreshDelayMs),
    drivers: buildDrivers(config, clock, extraDrivers),
    caseDocuments,
    settings: {
      systemAdminSlackIds: config.SLACK_ADMIN_USER_IDS,
      appLocale: config.APP_LOCALE,
      timeZone: config.APP_TIMEZONE,
      publicUrl,
      inventoryHeaders: inventoryHeaderNames(),
      renewals: {
        encryptionKey: config.SECRET_ENCRYPTION_KEY,
        vendorCertPath: config.MDM_VENDOR_CERT_PATH,
        vendorKeyPath: config.MDM_VENDOR_KEY_PATH,
        reminderDays: config.RENEWAL_REMINDER_DAYS,
        gmailSignInMonths: config.GMAIL_SIGNIN_MONTHS,
        lostDevicePolicyUrl: config.LOST_DEVICE_POLICY_URL,
      },
      agentEnrollmentSecret: config.AGENT_ENROLLMENT_SECRET,
      previousAgentEnrollmentSecret: config.AGENT_ENROLLMENT_SECRET_PREVIOUS,
      enrollmentCodeHours: config.ENROLLMENT_CODE_HOURS,
      mdmDrivers: { apple: config.MDM_DRIVER_APPLE, android: config.MDM_DRIVER_ANDROID },
      brake: { wipeLimitPerHour: config.WIPE_LIMIT_PER_HOUR },
      commandRecheckAfterMs: config.COMMAND_RECHECK_AFTER_MINUTES * 60_000,
      immediateAlerts: config.IMMEDIATE_ALERTS,
      alertRetentionDays: config.ALERT_RETENTION_DAYS,
      escalation: {
        businessMinutes: config.ESCALATION_MINUTES,
        offHoursMinutes: config.ESCALATION_MINUTES_OFF_HOURS,
        businessHours:
          parseBusinessHours(config.BUSINESS_HOURS ?? "09:00-18:00", config.APP_TIMEZONE) ?? DEFAULT_BUSINESS_HOURS,
        userGroup: config.ESCALATION_USERGROUP,
        lostModeWipeAfterHours: config.LOST_MODE_WIPE_AFTER_HOURS,
      },
    },
  });
}

/** The company's language, time zone and links, as Slack messages are written with. */
function notifyContext(config: Config) {
  return {
    locale: pickLocale([config.APP_LOCALE], "ja"),
    timeZone: config.APP_TIMEZONE,
    publicUrl: publicUrlOf(config),
    securityChannel: config.SLACK_SECURITY_CHANNEL,
  };
}

/** What turns the core's recorded changes into Slack messages, in the company's language and time zone. */
export function buildRenderer(config: Config, db: Database, clock: Clock): SlackRenderer {
  return new SlackRenderer({
    db: db.prisma,
    clock,
    context: () => ({ ...notifyContext(config), now: clock.now() }),
  });
}

/** What one start needs: the parts, and which of the background work runs (tests choose). */
export type StartOptions = AppOptions & {
  port?: number;
  schedule?: boolean;
  deliver?: boolean;
  /** How often the outbox is polled besides the commit wake-ups (default 1 s). */
  outboxPollMs?: number;
};

/** Starts the HTTP server (port 0 picks a free one) and, with `schedule`, the cron jobs. */
export async function startApp(opts: StartOptions): Promise<RunningApp> {
  const parts = await buildParts(opts);
  const server = await listen(parts.web, opts.port ?? opts.config.PORT, opts.host);
  const { port } = server.address() as AddressInfo;
  if (opts.schedule) await parts.scheduler.start();
  // In the background: a slow Slack or Google must not hold up start-up.
  if (opts.doctor) parts.setup.start();
  const delivery = opts.deliver === false ? null : parts.delivery;
  const pumps = await startPumps(opts.db, parts.renderer, delivery, opts.outboxPollMs ?? 1000);

  const { core, clock, setup, slack, renderer, coordinator, jobs, scheduler } = parts;
  let stopping: Promise<void> | null = null;
  return {
    core,
    config: opts.config,
    db: opts.db,
    clock,
    server,
    url: `http://127.0.0.1:${port}`,
    renderer,
    delivery: parts.delivery,
    coordinator,
    jobs,
    scheduler,
    setup,
    slackSettled: () => slack?.work.idle() ?? Promise.resolve(),
    stop() {
      stopping ??= stopGracefully({ ...parts, server, pumps });
      return stopping;
    },
  };
}

type Parts = Awaited<ReturnType<typeof buildParts>>;

/** Every part of one app, not yet started: the core, its web and Slack edges, Slack rendering and delivery, the jobs. */
async function buildParts(opts: StartOptions) {
  const { config, db } = opts;
  const clock = opts.clock ?? systemClock;
  const instance = opts.instance ?? randomUUID();
  const core = buildCore(config, db, clock, opts.drivers, opts.homeRefreshDelayMs);
  const setup = new SetupMonitor({ config, db, core, clock, ...opts.checks });
  // Slack parses its own raw body (it must, to verify the signature): mounted before any parser.
  const slackRouter = Router();
  const slack = mountSlack(slackRouter, { config, core, databaseReachable: databaseReachability(() => db.ping()) });
  const web = createWebApp({ config, core, db, setup, preview: Boolean(opts.preview) }, [
    slackRouter,
    ...(opts.preview ? [opts.preview] : []),
  ]);

  const renderer = buildRenderer(config, db, clock);
  const delivery = await buildDelivery(config, db, clock, core, instance);

  const coordinator = new DbRunCoordinator(core.jobRuns, clock, instance);
  const jobs = defineJobs({ core, config });
  const scheduler = new Scheduler(coordinator, clock, jobs);
  return { core, clock, setup, slack, web, renderer, delivery, coordinator, jobs, scheduler };
}

/** Graceful: stop taking requests, let running jobs and a delivery in progress finish. */
async function stopGracefully(
  app: Parts & { server: Server; pumps: Awaited<ReturnType<typeof startPumps>> },
): Promise<void> {
  const { setup, pumps, server, slack, scheduler, renderer, delivery } = app;
  setup.stop();
  await pumps.stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections?.();
  // Clicks already acked are finished: Slack will not send them again.
  await slack?.work.idle();
  await scheduler.stop();
  await renderer.render().catch(() => 0);
  if (delivery) {
    delivery.stop();
    await delivery.drain().catch(() => 0);
  }
}

/** Slack delivery of the outbox, when Slack is configured; without it messages wait in the outbox. */
async function buildDelivery(
  config: Config,
  db: Database,
  clock: Clock,
  core: Core,
  instance: string,
): Promise<OutboxDelivery | null> {
  if (!slackEnabled(config)) {
    const waiting = await db.prisma.outboxMessage.count({ where: { state: "PENDING" } });
    log.warn("Slack is off: SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are not set; messages are kept in the outbox", {
      waiting,
    });
    return null;
  }
  return new OutboxDelivery({
    db: db.prisma,
    client: createWebClient(config),
    clock,
    adminChannel: () => config.SLACK_ADMIN_CHANNEL,
    onSlackUser: (id, email) => core.people.linkSlackUser(id, email),
    worker: instance,
    locale: config.APP_LOCALE,
    bulkPerMinute: config.SLACK_BULK_PER_MINUTE,
    files: { inventory: (source) => inventoryFile(core, source as unknown as InventoryFileSource) },
    buildAtDelivery: digestDmAtDelivery(core, notifyContext(config)),
  });
}

/**
 * The outbox: a commit that writes to it wakes every replica (db/listen.ts), so a message
 * leaves at once; the cheap poll finds retries that came due and what a lost wake-up left.
 * Rendering, likewise: a commit that recorded a change for Slack wakes every replica's
 * renderer; the poll finds a Home refresh whose debounce ended and a failed render due again.
 */
async function startPumps(
  db: Database,
  renderer: SlackRenderer,
  delivery: OutboxDelivery | null,
  pollMs: number,
): Promise<{ stop(): Promise<void> }> {
  const render = () => void renderer.render().catch((err) => log.error("slack render failed", { err }));
  const renderPump = setInterval(render, pollMs);
  renderPump.unref();
  const renderWakeup = await db.listen("slack_render", render);
  render();
  let pump: NodeJS.Timeout | null = null;
  let wakeup: Listening | null = null;
  if (delivery) {
    const drain = () => void delivery.drain().catch((err) => log.error("outbox drain failed", { err }));
    pump = setInterval(drain, pollMs);
    pump.unref();
    wakeup = await db.listen("outbox", drain);
  }
  return {
    async stop() {
      if (pump) clearInterval(pump);
      clearInterval(renderPump);
      await wakeup?.close();
      await renderWakeup.close();
    },
  };
}

// An unhandled 'error' from listen would kill the process with a stack trace; a busy port is
// a setting to change, so say which one.
function listen(app: RequestListener, port: number, host?: string): Promise<Server> {
  const server = createServer(app);
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return new Promise((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(
        err.code === "EADDRINUSE"
          ? new Error(`port ${port} is already in use: stop what uses it or set PORT to a free port`)
          : err,
      ),
    );
    if (host) server.listen(port, host, () => resolve(server));
    else server.listen(port, () => resolve(server));
  });
}

/** Each inventory column's header in every language, and the Japanese words it used to have. */
function inventoryHeaderNames(): Record<string, string[]> {
  const names = allTranslations("csv.col.");
  for (const [key, former] of Object.entries(formerCsvHeaders)) names[key] = [...(names[key] ?? []), ...former];
  return names;
}
