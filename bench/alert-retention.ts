// Alerts at a million a day, kept for weeks (fleet queries): 30 days of alerts for 100,000
// devices are loaded first (not timed), then one more day is measured as the app lives it — the
// day's million inserted into the table with its indexes, the 10:00 digest over that day
// (owners' and department admins' DMs on, in a process of its own as in bench/digest.ts), and
// the housekeeping's retention pass deleting the oldest day. PostgreSQL only
// (BENCH_DATABASE_URL; database "<name>_alerts"). BENCH_ALERT_DAYS and BENCH_ALERTS_PER_DAY
// change the size (BENCH_QUICK: 3 days of 100,000).
//
// The earlier days are loaded as PostgreSQL's manual advises for a bulk load ("Populating a
// Database"): set-based INSERT … SELECT generate_series with the table's indexes and foreign key
// dropped, the indexes built afterwards in one sort each and the key checked in one join. Kept on while 29 million rows go
// in, five B-trees over keys in no useful order are updated a row at a time and outgrow memory.
// The measured day goes into the table as the app has it, every index and check in place.
import { readFile } from "node:fs/promises";
import os from "node:os";
import pg from "pg";
import { DAY } from "../src/core/clock.js";
import { pruneAlerts } from "../src/core/housekeeping.js";
import { openDatabase } from "../src/db/client.js";
import { configureLog } from "../src/log.js";
import { digestProcess, fill, NOW } from "./digest.js";
import { scratchDatabase } from "./support/postgres.js";

export const name = "alert retention (PostgreSQL; 30 days of 1M alerts a day, 100k devices)";

const QUICK = Boolean(process.env.BENCH_QUICK);
const DAYS = Number(process.env.BENCH_ALERT_DAYS ?? (QUICK ? 3 : 30));
const PER_DAY = Number(process.env.BENCH_ALERTS_PER_DAY ?? (QUICK ? 100_000 : 1_000_000));
const DEVICES = Number(process.env.BENCH_ALERT_DEVICES ?? (QUICK ? 10_000 : 100_000));

/** The load average now, for the figures measured on a shared machine. */
const load = () => os.loadavg()[0]!.toFixed(1);

/** CPU seconds the PostgreSQL backend serving `c` has used (Linux /proc; the server on this host): unlike wall time, not inflated by other work on the machine. */
async function backendCpu(c: pg.Client): Promise<number> {
  const pid = (await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
  try {
    // Fields 14 and 15 (utime, stime) in clock ticks, after the parenthesised command name.
    const f = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]!.split(" ");
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return Number.NaN; // another host: wall time only
  }
}

/** One day of alerts ending `end`, spread over its 24 hours, as the alert API stores them. */
const insertDay = (c: pg.Client, day: number, end: Date) =>
  c.query(
    `INSERT INTO "Alert" (id, type, "deviceId", "detectedAt", immediate, details, "dedupeKey", source, "createdAt")
     SELECT 'a' || $4::int || '-' || i,
            (ARRAY['unenrolled','jailbreak','app_policy_violation','device_admin_missing','tampering','root','unauthorized_sim',
                   'unknown_sources','geofence','virus','virusscan_missing','onebe_violation'])[1 + i % 12],
            'd' || (1 + i % $2::int), $3::timestamptz - (i % 86000) * interval '1 second', false, '{}',
            'bench:' || $4::int || ':' || i, 'bench', $3::timestamptz - (i % 86000) * interval '1 second'
     FROM generate_series(1, $1::int) i`,
    [PER_DAY, DEVICES, end, day],
  );

export async function run(): Promise<Record<string, string | number>> {
  configureLog({ level: "error" });
  const out: Record<string, string | number> = {};
  if (process.env.BENCH_TARGET === "PGlite") return out;
  const { url, drop } = await scratchDatabase("_alerts");
  const db = await openDatabase({ kind: "postgres", url });
  const c = new pg.Client({ connectionString: url });
  const log = (what: string) => console.log(`  ${new Date().toISOString().slice(11, 19)} ${what} (load ${load()})`);
  try {
    await db.migrate();
    await db.close();
    // The fleet comes from the digest bench's fill (no alerts); the earlier days are day k
    // ending k days before NOW, loaded without the indexes and rebuilt (see the top).
    const started = performance.now();
    await fill(url, DEVICES, 0);
    await c.connect();
    const cpu0 = await backendCpu(c);
    const indexes = (
      await c.query<{ name: string; def: string; pkey: boolean }>(
        `SELECT i.indexname AS name, i.indexdef AS def, con.conname IS NOT NULL AS pkey
         FROM pg_indexes i LEFT JOIN pg_constraint con ON con.conname = i.indexname AND con.contype = 'p'
         WHERE i.tablename = 'Alert'`,
      )
    ).rows;
    // The foreign key's check runs per row; re-adding it checks every row in one join. The
    // hour counts' triggers (per statement) stay on, so the counts match what is loaded.
    const keys = (
      await c.query<{ name: string; def: string }>(
        `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
         WHERE conrelid = '"Alert"'::regclass AND contype = 'f'`,
      )
    ).rows;
    for (const k of keys) await c.query(`ALTER TABLE "Alert" DROP CONSTRAINT "${k.name}"`);
    for (const i of indexes)
      await c.query(i.pkey ? `ALTER TABLE "Alert" DROP CONSTRAINT "${i.name}"` : `DROP INDEX "${i.name}"`);
    for (let day = 1; day < DAYS; day++) {
      await insertDay(c, day, new Date(NOW.getTime() - day * DAY));
      if (day % 5 === 0) log(`${day} days loaded`);
    }
    await c.query("SET maintenance_work_mem = '1GB'");
    for (const i of indexes) {
      await c.query(i.pkey ? `ALTER TABLE "Alert" ADD CONSTRAINT "${i.name}" PRIMARY KEY (id)` : i.def);
      log(`index ${i.name} built`);
    }
    for (const k of keys) await c.query(`ALTER TABLE "Alert" ADD CONSTRAINT "${k.name}" ${k.def}`);
    await c.query(`VACUUM ANALYZE "Alert"`);
    await c.query("CHECKPOINT");
    const loadCpu = (await backendCpu(c)) - cpu0;
    out[`${DAYS - 1} earlier days loaded: wall / server CPU (s, not counted)`] =
      `${((performance.now() - started) / 1000).toFixed(0)} / ${loadCpu.toFixed(0)} (load ${load()})`;

    const cpu1 = await backendCpu(c);
    const t0 = performance.now();
    await insertDay(c, DAYS, NOW);
    out[`day ${DAYS}: ${PER_DAY.toLocaleString("en")} alerts inserted: wall / server CPU (s)`] =
      `${((performance.now() - t0) / 1000).toFixed(1)} / ${((await backendCpu(c)) - cpu1).toFixed(1)} (load ${load()})`;
    const total = (await c.query<{ n: string }>(`SELECT count(*) AS n FROM "Alert"`)).rows[0]!.n;
    const size = (await c.query<{ s: string }>(`SELECT pg_size_pretty(pg_total_relation_size('"Alert"')) AS s`))
      .rows[0]!.s;
    out["alerts in the table / with its indexes"] = `${Number(total).toLocaleString("en")} / ${size}`;
    await c.query(`ANALYZE "Alert"`);

    const before = load();
    const r = await digestProcess(url);
    out["that day's digest: admin / with DMs (ms), target < 2,000"] =
      `${r.adminMs} / ${r.personalMs} (${r.dms} DMs; load ${before} → ${load()})`;
    out["digest process CPU: admin / with DMs (ms)"] = `${r.adminCpuMs} / ${r.personalCpuMs}`;
    out["digest process growth with DMs: RSS / heap (MB)"] = `${r.personalRssGrowthMb} / ${r.personalHeapGrowthMb}`;

    const d = await openDatabase({ kind: "postgres", url });
    try {
      const t1 = performance.now();
      // Kept for DAYS - 1 days: the retention pass deletes the oldest day.
      const deleted = await pruneAlerts(d.prisma, new Date(NOW.getTime() - (DAYS - 1) * DAY));
      out["retention pass: the oldest day deleted (s)"] =
        `${((performance.now() - t1) / 1000).toFixed(1)} (${deleted.toLocaleString("en")} alerts; load ${load()})`;
    } finally {
      await d.close();
    }
  } finally {
    await c.end().catch(() => undefined);
    await db.close().catch(() => undefined);
    await drop();
  }
  return out;
}
