// Every setup check, in the order a person fixes them, and the monitor that runs them in the
// background for / and /healthz. `npm run doctor` (scripts/doctor.ts) runs the same list once.
import type { WebClient } from "@slack/web-api";
import type { Config } from "../config.js";
import type { Clock } from "../core/clock.js";
import type { Core } from "../core/index.js";
import type { Database } from "../db/client.js";
import type { AndroidAuth } from "../drivers/android/client.js";
import { log } from "../log.js";
import { slackChecks } from "../slack/doctor.js";
import { databaseCheck } from "./database.js";
import { androidCheck, googleFormCheck, nanoMdmCheck } from "./integrations.js";
import { digestCheck, pushCertificateCheck } from "./schedule.js";
import { check, isDegraded, type CheckId, type CheckResult } from "./types.js";

export { isDegraded, type CheckResult } from "./types.js";

export interface CheckContext {
  config: Config;
  db: Database;
  core: Core;
  clock: Clock;
  /** Credentials other than the configured key files (tests: a token accepted by a local fake). */
  androidAuth?: AndroidAuth;
  googleAuth?: unknown;
  slackClient?: WebClient;
}

/** One check that throws (a bug, never a finding) becomes a failing line instead of hiding the rest. */
async function guarded(id: CheckId, run: () => Promise<CheckResult | CheckResult[]>): Promise<CheckResult[]> {
  try {
    const r = await run();
    return Array.isArray(r) ? r : [r];
  } catch (err) {
    return [check(id, "failing", "setup.check_crashed", { reason: (err as Error).message.slice(0, 200) })];
  }
}

export async function runChecks(ctx: CheckContext): Promise<CheckResult[]> {
  const { config, db, core, clock } = ctx;
  const now = clock.now();
  const locale = config.APP_LOCALE;
  // The database first: the push-certificate check reads it. The remote ones run side by side.
  const database = await guarded("database", () => databaseCheck(config, db));
  const dbUp = database[0]!.status !== "failing";
  const rest = await Promise.all([
    guarded("slack", () => slackChecks(config, ctx.slackClient)),
    guarded("nanomdm", () => nanoMdmCheck(config, clock)),
    guarded("android", () => androidCheck(config, clock, ctx.androidAuth)),
    guarded("google_form", () => googleFormCheck(config, ctx.googleAuth)),
    guarded("digest", async () => digestCheck(config, now, locale)),
    dbUp
      ? guarded("push_certificate", () => pushCertificateCheck(core, now, locale, config.APP_TIMEZONE))
      : Promise.resolve([]),
  ]);
  return [...database, ...rest.flat()];
}

/** Latest results, re-checked in the background so / and /healthz never wait on Slack or Google. */
export class SetupMonitor {
  private results: CheckResult[] | null = null;
  private checkedAt: Date | null = null;
  private running: Promise<CheckResult[]> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ctx: CheckContext,
    private readonly everyMs = 15 * 60_000,
  ) {}

  /** Runs the checks now (one run at a time) and keeps the answer. */
  refresh(): Promise<CheckResult[]> {
    this.running ??= runChecks(this.ctx)
      .then((r) => {
        this.results = r;
        this.checkedAt = this.ctx.clock.now();
        const bad = r.filter(isDegraded);
        if (bad.length)
          log.warn("setup check: something configured is not working (npm run doctor says what to do)", {
            failing: bad.map((b) => `${b.id}: ${b.detail}`),
          });
        return r;
      })
      .finally(() => (this.running = null));
    return this.running;
  }

  /** Checks at start-up (in the background) and every `everyMs` after. */
  start(): void {
    void this.refresh().catch(() => {});
    this.timer = setInterval(() => void this.refresh().catch(() => {}), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The last results; when none yet, the first run (waited for at most `waitMs`). */
  async current(waitMs = 5_000): Promise<{ results: CheckResult[] | null; checkedAt: Date | null }> {
    if (!this.results) {
      const first = this.running ?? this.refresh();
      await Promise.race([first.catch(() => null), new Promise((r) => setTimeout(r, waitMs).unref())]);
    }
    return { results: this.results, checkedAt: this.checkedAt };
  }

  /** What /healthz lists as degraded; nothing until the first run has finished. */
  degraded(): CheckResult[] {
    return (this.results ?? []).filter(isDegraded);
  }

  /** Resolves when the run in progress (if any) has finished: what tests wait on. */
  async settled(): Promise<void> {
    await this.running?.catch(() => {});
  }
}
