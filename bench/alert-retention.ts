// Alerts at a million a day, kept for weeks (issue 20, fleet queries): 30 days of alerts for
// 100,000 devices are loaded first (not timed), then one more day is measured as the app lives
// it — the day's million inserted into the table with its indexes, the 10:00 digest over that
// day (owners' and department admins' DMs on, in a process of its own as in bench/digest.ts),
// and the housekeeping's retention pass deleting the oldest day. PostgreSQL only
// (BENCH_DATABASE_URL; database "<name>_alerts"). BENCH_ALERT_DAYS and BENCH_ALERTS_PER_DAY
// change the size (BENCH_QUICK: 3 days of 100,000).
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
  try {
    await db.migrate();
    await db.close();
    // The fleet and the newest of the earlier days come from the digest bench's fill; the
    // other days before it are loaded the same way, each a day earlier.
    const started = performance.now();
    const previous = new Date(NOW.getTime() - DAY);
    await fill(url, DEVICES, PER_DAY);
    await c.connect();
    await c.query(
      `UPDATE "Alert" SET "createdAt" = "createdAt" - interval '1 day', "detectedAt" = "detectedAt" - interval '1 day'`,
    );
    for (let day = 2; day < DAYS; day++) await insertDay(c, day, new Date(previous.getTime() - (day - 1) * DAY));
    await c.query(`VACUUM ANALYZE "Alert"`);
    out[`${DAYS - 1} earlier days loaded (s, not counted)`] = ((performance.now() - started) / 1000).toFixed(0);

    const t0 = performance.now();
    await insertDay(c, DAYS, NOW);
    out[`day ${DAYS}: ${PER_DAY.toLocaleString("en")} alerts inserted (s)`] = ((performance.now() - t0) / 1000).toFixed(
      1,
    );
    const total = (await c.query<{ n: string }>(`SELECT count(*) AS n FROM "Alert"`)).rows[0]!.n;
    const size = (await c.query<{ s: string }>(`SELECT pg_size_pretty(pg_total_relation_size('"Alert"')) AS s`))
      .rows[0]!.s;
    out["alerts in the table / with its indexes"] = `${Number(total).toLocaleString("en")} / ${size}`;
    await c.query(`ANALYZE "Alert"`);

    const r = await digestProcess(url);
    out["that day's digest: admin / with DMs (ms), target < 2,000"] = `${r.adminMs} / ${r.personalMs} (${r.dms} DMs)`;
    out["digest process CPU: admin / with DMs (ms)"] = `${r.adminCpuMs} / ${r.personalCpuMs}`;
    out["digest process growth with DMs: RSS / heap (MB)"] = `${r.personalRssGrowthMb} / ${r.personalHeapGrowthMb}`;

    const d = await openDatabase({ kind: "postgres", url });
    try {
      const t1 = performance.now();
      // Kept for DAYS - 1 days: the retention pass deletes the oldest day.
      const deleted = await pruneAlerts(d.prisma, new Date(NOW.getTime() - (DAYS - 1) * DAY));
      out["retention pass: the oldest day deleted (s)"] =
        `${((performance.now() - t1) / 1000).toFixed(1)} (${deleted.toLocaleString("en")} alerts)`;
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
