// The daily digest run in a process of its own (started by bench/digest.ts), as the app's
// scheduled job runs it: the same core, the Slack notifier recording each event and the renderer writing the outbox. It measures its
// own memory, so what it reports is the digest's growth, not what the bench process did before.
// The personal DMs are only queued at 10:00 and built at delivery: a sample of them is built
// afterwards, as the outbox worker would, and timed per DM.
// Prints one JSON line: times, and RSS and heap growth over the baseline taken just before.
import { buildCore, buildRenderer } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { SYSTEM } from "../../src/core/actors.js";
import { ManualClock } from "../../src/core/clock.js";
import { openDatabase, parseDatabaseUrl } from "../../src/db/client.js";
import { configureLog } from "../../src/log.js";
import { digestDmAtDelivery } from "../../src/slack/notifications/digest-personal.js";

export interface DigestJobResult {
  adminMs: number;
  personalMs: number;
  outboxItems: number;
  dms: number;
  noResponse: number;
  baselineRssMb: number;
  /** Peak over the baseline, sampled every 5 ms, during each run. */
  adminRssGrowthMb: number;
  adminHeapGrowthMb: number;
  personalRssGrowthMb: number;
  personalHeapGrowthMb: number;
  /** The digest process's own CPU time (user + system) during each run: what load on the
   *  machine does not inflate, unlike the wall-clock times (the database's share is not in it). */
  adminCpuMs: number;
  personalCpuMs: number;
  /** The DMs are built when the bulk lane delivers them: a sample built as delivery builds
   *  them (owners and every department admin), per DM: wall and CPU time, ms. */
  builtSample: number;
  buildMsPerOwnerDm: number;
  buildCpuMsPerOwnerDm: number;
  buildMsPerDeptAdminDm: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

async function measured<T>(fn: () => Promise<T>) {
  global.gc?.();
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const timer = setInterval(sample, 5);
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    await fn();
    sample();
    const used = process.cpuUsage(cpu);
    return {
      ms: Math.round(performance.now() - started),
      cpuMs: Math.round((used.user + used.system) / 1000),
      rss: mb(rss - base.rss),
      heap: mb(heap - base.heapUsed),
    };
  } finally {
    clearInterval(timer);
  }
}

async function main() {
  configureLog({ level: "error" });
  const url = process.env.DATABASE_URL!;
  const now = new Date(process.env.DIGEST_AT!);
  const db = await openDatabase(parseDatabaseUrl(url));
  try {
    const config = loadConfig({ DATABASE_URL: url, APP_LOCALE: "en", LOG_LEVEL: "error" });
    const clock = new ManualClock(now);
    const core = buildCore(config, db, clock);
    // The digest's messages are rendered after its transaction commits, as a running app does.
    const renderer = buildRenderer(config, db, clock);
    // Warm: the first query of a process pays for connections and the query compiler.
    await core.digest.preview(now).catch(() => undefined);
    global.gc?.();
    const baselineRssMb = mb(process.memoryUsage().rss);
    const admin = await measured(async () => {
      await core.digest.sendScheduled("2026-11-21", now);
      await renderer.render();
    });
    const outboxItems = await db.prisma.outboxMessage.count();
    await core.digest.updateSettings(SYSTEM, { ownerSummaries: true, departmentAdminSummaries: true });
    // The same window again, now with every owner's and department admin's own summary.
    await db.prisma.jobState.delete({ where: { key: "digest:last" } });
    const personal = await measured(async () => {
      await core.digest.sendScheduled("2026-11-21-personal", now);
      await renderer.render();
    });
    const dms = await db.prisma.outboxMessage.count({ where: { method: "dm" } });
    const build = digestDmAtDelivery(core, { locale: "en", timeZone: config.APP_TIMEZONE });
    const sample = async (kind: string, take: number) => {
      const rows = await db.prisma.outboxMessage.findMany({
        where: { method: "dm", dedupeKey: { contains: `:${kind}:` } },
        orderBy: { id: "asc" },
        take,
      });
      const cpu = process.cpuUsage();
      const started = performance.now();
      for (const r of rows) await build(r.method, r.payload as Record<string, unknown>);
      const used = process.cpuUsage(cpu);
      const n = Math.max(1, rows.length);
      return {
        n: rows.length,
        ms: (performance.now() - started) / n,
        cpuMs: (used.user + used.system) / 1000 / n,
      };
    };
    const owners = await sample("owner", 500);
    const deptAdmins = await sample("departmentAdmin", 50);
    const noResponse = (await core.digest.noResponse(now)).length;
    const result: DigestJobResult = {
      adminMs: admin.ms,
      personalMs: personal.ms,
      outboxItems,
      dms,
      noResponse,
      baselineRssMb,
      adminRssGrowthMb: admin.rss,
      adminHeapGrowthMb: admin.heap,
      personalRssGrowthMb: personal.rss,
      personalHeapGrowthMb: personal.heap,
      adminCpuMs: admin.cpuMs,
      personalCpuMs: personal.cpuMs,
      builtSample: owners.n + deptAdmins.n,
      buildMsPerOwnerDm: round2(owners.ms),
      buildCpuMsPerOwnerDm: round2(owners.cpuMs),
      buildMsPerDeptAdminDm: round2(deptAdmins.ms),
    };
    console.log(JSON.stringify(result));
  } finally {
    await db.close();
  }
}

await main();
