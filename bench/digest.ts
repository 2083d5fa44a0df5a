// The daily digest over a large fleet: 100,000 devices and 1,000,000 alerts on PostgreSQL
// (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/bench; this bench creates and
// drops its own database "<name>_digest"). The digest runs in a process of its own, as the app's
// job does, and reports its time and its own memory growth (RSS and heap over what that process
// held before): the counts are GROUP BY queries, so memory must not grow with the alerts.
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../src/db/client.js";
import { configureLog } from "../src/log.js";
import type { DigestJobResult } from "./support/digest-job.js";
import { scratchDatabase } from "./support/postgres.js";

export const name = "digest (PostgreSQL; 1k / 10k / 100k devices, 10 alerts a device)";

/** BENCH_SCALES: fleet sizes, comma-separated (default 1,000, 10,000 and 100,000; BENCH_QUICK: 1,000 and 10,000). */
const SCALES = (process.env.BENCH_SCALES ?? (process.env.BENCH_QUICK ? "1000,10000" : "1000,10000,100000"))
  .split(",")
  .map(Number);
export const NOW = new Date("2026-11-21T01:00:00Z"); // 10:00 Japan time

/** Bulk data with INSERT … SELECT generate_series: the fleet never passes through Node. */
export async function fill(url: string, devices: number, alerts = devices * 10) {
  const people = Math.max(1, Math.floor(devices / 5));
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(
      `INSERT INTO "Department" (id, name) SELECT 'dep' || i, 'Department ' || i FROM generate_series(1, 50) i`,
    );
    await c.query(
      `INSERT INTO "Person" (id, email, name, "slackUserId", "departmentId", "updatedAt")
       SELECT 'p' || i, 'person' || i || '@example.co.jp', 'Person ' || i, 'UP' || i, 'dep' || (1 + i % 50), now()
       FROM generate_series(1, $1::int) i`,
      [people],
    );
    await c.query(
      `INSERT INTO "DepartmentAdmin" ("departmentId", "personId") SELECT 'dep' || i, 'p' || i FROM generate_series(1, 50) i`,
    );
    // About 5 % of the fleet has been silent for more than the 24 h threshold.
    await c.query(
      `INSERT INTO "Device" (id, platform, name, serial, udid, imei, "ownerId", "lastCheckInAt", "updatedAt")
       SELECT 'd' || i,
              (ARRAY['IOS','IPADOS','MACOS','ANDROID','WINDOWS'])[1 + i % 5]::"Platform",
              'Device ' || i, 'SN' || i, 'UDID-' || i, 'IMEI' || i, 'p' || (1 + i % $2::int),
              $3::timestamptz - (CASE WHEN i % 20 = 0 THEN interval '30 hours' ELSE interval '1 hour' END) - (i % 600) * interval '1 minute',
              now()
       FROM generate_series(1, $1::int) i`,
      [devices, people, NOW],
    );
    await c.query(
      `INSERT INTO "Alert" (id, type, "deviceId", "detectedAt", immediate, details, "dedupeKey", source, "createdAt")
       SELECT 'a' || i,
              (ARRAY['unenrolled','jailbreak','app_policy_violation','device_admin_missing','tampering','root','unauthorized_sim',
                     'unknown_sources','geofence','virus','virusscan_missing','onebe_violation','deep_instinct_disabled',
                     'deep_instinct_event','deep_instinct_suspicious'])[1 + i % 15],
              'd' || (1 + i % $2::int), $3::timestamptz - (i % 86000) * interval '1 second', false, '{}', 'bench:' || i, 'bench',
              $3::timestamptz - (i % 86000) * interval '1 second'
       FROM generate_series(1, $1::int) i`,
      [alerts, devices, NOW],
    );
    await c.query(
      `INSERT INTO "LossReport" (id, reference, "statusTokenHash", channel, "reporterEmail", "deviceDescription", circumstances, status, "updatedAt")
       SELECT 'r' || i, 'LR-2026-' || lpad(i::text, 4, '0'), md5('r' || i), 'WEB', 'r' || i || '@example.co.jp', 'iPhone ' || i, 'LOST',
              (CASE WHEN i % 4 = 0 THEN 'FOUND' ELSE 'LOST_MODE_ENABLED' END)::"ReportStatus", now()
       FROM generate_series(1, 400) i`,
    );
    await c.query(
      `INSERT INTO "Command" (id, uuid, "deviceId", type, state, "requestedAt", "updatedAt")
       SELECT 'c' || i, gen_random_uuid(), 'd' || i, 'ENABLE_LOST_MODE',
              (CASE WHEN i % 3 = 0 THEN 'AWAITING_APPROVAL' ELSE 'QUEUED' END)::"CommandState", now(), now()
       FROM generate_series(1, 600) i`,
    );
    await c.query(
      `INSERT INTO "Renewal" (id, kind, label, "expiresAt", "updatedAt") VALUES
       ('rn1', 'PUSH_CERTIFICATE', 'Apple push certificate', $1::timestamptz + interval '20 days', now()),
       ('rn2', 'ANDROID_ENTERPRISE_GMAIL', 'Android Enterprise Gmail', $1::timestamptz - interval '2 days', now())`,
      [NOW],
    );
    await c.query("ANALYZE");
  } finally {
    await c.end();
  }
}

/** The digest job in a process of its own (bench/support/digest-job.ts), which measures itself. */
export function digestProcess(url: string): Promise<DigestJobResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--expose-gc",
        // BENCH_CPU_PROF=<dir>: a V8 CPU profile of the digest process (sum it with bench/support/profile.ts).
        ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
        "--import",
        "tsx",
        path.join(import.meta.dirname, "support/digest-job.ts"),
      ],
      {
        env: { ...process.env, DATABASE_URL: url, DIGEST_AT: NOW.toISOString() },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c));
    child.once("error", reject);
    child.once("exit", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as DigestJobResult);
      else reject(new Error(`digest job exited ${code}: ${out.slice(-500)}`));
    });
  });
}

export async function run(): Promise<Record<string, string | number>> {
  configureLog({ level: "error" });
  const out: Record<string, string | number> = {};
  for (const devices of SCALES) {
    const alerts = devices * 10;
    const { url, drop } = await scratchDatabase("_digest");
    const db = await openDatabase({ kind: "postgres", url });
    try {
      await db.migrate();
      const started = performance.now();
      await fill(url, devices, alerts);
      const filled = performance.now() - started;
      await db.close();
      const r = await digestProcess(url);
      const at = `${devices / 1000}k devices / ${alerts / 1000}k alerts`;
      out[`${at}: bulk insert (s)`] = (filled / 1000).toFixed(1);
      out[`${at}: admin digest (ms)`] = `${r.adminMs} (${r.outboxItems} outbox items, ${r.noResponse} silent devices)`;
      out[`${at}: with owner + dept-admin DMs (ms)${devices === 100_000 ? ", target < 2,000" : ""}`] =
        `${r.personalMs} (${r.dms} DMs)`;
      out[`${at}: digest process CPU, admin / with DMs (ms)`] = `${r.adminCpuMs} / ${r.personalCpuMs}`;
      out[`${at}: a DM built at delivery, owner: wall / CPU; dept admin: wall (ms)`] =
        `${r.buildMsPerOwnerDm} / ${r.buildCpuMsPerOwnerDm}; ${r.buildMsPerDeptAdminDm} (${r.builtSample} built)`;
      out[`${at}: digest process growth, admin: RSS / heap (MB)`] = `${r.adminRssGrowthMb} / ${r.adminHeapGrowthMb}`;
      out[`${at}: growth with DMs: RSS / heap (MB)${devices === 100_000 ? ", target < 100" : ""}`] =
        `${r.personalRssGrowthMb} / ${r.personalHeapGrowthMb} (process RSS before ${r.baselineRssMb})`;
    } finally {
      await db.close().catch(() => undefined);
      await drop();
    }
  }
  return out;
}
