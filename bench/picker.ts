// Fleet queries over 100,000 devices, on PostgreSQL (BENCH_DATABASE_URL, database
// "<name>_picker") and on embedded PGlite: the incident's device picker (external_select
// type-ahead; queries: nothing typed, part of a device name, a serial, an IMEI, an owner, a
// department, and text that matches nothing), the `/mdm device` lookup (a serial, an IMEI, an
// e-mail, name words, nothing found), each as the core answers it, p99 target < 100 ms; and the
// inventory CSV export read in pages and written as it is read (target < 10 s, flat memory:
// the bench process's RSS and heap growth while it runs).
import { buildCore } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { SYSTEM } from "../src/core/actors.js";
import { ManualClock } from "../src/core/clock.js";
import { openDatabase, type Database } from "../src/db/client.js";
import { configureLog } from "../src/log.js";
import { inventorySheetChunks } from "../src/slack/inventory-sheet.js";
import { scratchDatabase } from "./support/postgres.js";

export const name = "device picker, /mdm device, inventory export (100k devices)";

const DEVICES = Number(process.env.BENCH_PICKER_DEVICES ?? (process.env.BENCH_QUICK ? 10_000 : 100_000));
const ROUNDS = Number(process.env.BENCH_PICKER_ROUNDS ?? 60);
const QUERIES = [
  "",
  "iphone 4",
  "SN77777",
  "35600000009",
  "Person 123",
  "Department 7",
  "さとう はなこ",
  "zzzz-no-such-device",
];

async function fill(exec: (sql: string) => Promise<unknown>) {
  const people = Math.floor(DEVICES / 5);
  await exec(`INSERT INTO "Department" (id, name) SELECT 'dep' || i, 'Department ' || i FROM generate_series(1, 50) i`);
  await exec(`INSERT INTO "Person" (id, email, name, "departmentId", "updatedAt")
    SELECT 'p' || i, 'person' || i || '@example.co.jp', 'Person ' || i, 'dep' || (1 + i % 50), now() FROM generate_series(1, ${people}) i`);
  await exec(`INSERT INTO "Device" (id, platform, name, model, serial, udid, imei, "ownerId", "updatedAt")
    SELECT 'd' || i, (ARRAY['IOS','IPADOS','MACOS','ANDROID','WINDOWS'])[1 + i % 5]::"Platform",
           (ARRAY['iPhone ','iPad ','MacBook ','Pixel ','ThinkPad '])[1 + i % 5] || i, 'Model ' || (i % 40),
           'SN' || i, 'UDID-' || i, lpad((356000000000000 + i)::text, 15, '0'), 'p' || (1 + i % ${people}), now()
    FROM generate_series(1, ${DEVICES}) i`);
  await exec(`INSERT INTO "LossReport" (id, reference, "statusTokenHash", channel, "reporterEmail", "reporterId", "deviceDescription", circumstances, "updatedAt")
    VALUES ('r1', 'LR-2026-0001', md5('r1'), 'WEB', 'person42@example.co.jp', 'p42', 'a phone', 'LOST', now())`);
  await exec("ANALYZE");
}

const LOOKUPS = (devices: number) => [
  `SN${Math.floor(devices / 3)}`,
  `sn${Math.floor(devices / 7)}`,
  lpad(356000000000000 + Math.floor(devices / 2)),
  "person42@example.co.jp",
  "iPhone 4",
  "Person 123",
  "zzzz-no-such-device",
];
const lpad = (n: number) => String(n).padStart(15, "0");

const core = (db: Database) => buildCore(loadConfig({ APP_LOCALE: "en", LOG_LEVEL: "error" }), db, new ManualClock());
const deptAdmin = { ...SYSTEM, id: "bench", systemAdmin: false, adminOf: ["dep3", "dep4"] };

/** p50 / p99 / max of `ask` over ROUNDS rounds of `queries` (the first three rounds warm up). */
async function timed(queries: string[], ask: (q: string, round: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of queries) {
      const started = performance.now();
      await ask(q, round);
      if (round > 2) times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
  return `${at(0.5)} / ${at(0.99)} / ${times.at(-1)!.toFixed(1)}`;
}

async function measure(db: Database, label: string, out: Record<string, string | number>) {
  const c = core(db);
  out[`${label} picker keystroke p50 / p99 / max (ms), p99 target < 100`] = await timed(QUERIES, (q, round) =>
    c.inventory.pickable(round % 4 === 3 ? deptAdmin : SYSTEM, q, "r1"),
  );
  out[`${label} /mdm device lookup p50 / p99 / max (ms), p99 target < 100`] = await timed(
    LOOKUPS(DEVICES),
    (q, round) => c.inventory.search(round % 4 === 3 ? deptAdmin : SYSTEM, q),
  );
}

/** The whole inventory as CSV, read a page at a time and written to a sink as it comes. */
async function exportCsv(db: Database, out: Record<string, string | number>, label: string) {
  const c = core(db);
  global.gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 5);
  const started = performance.now();
  let bytes = 0;
  try {
    const reader = { locale: "en" as const, timeZone: "Asia/Tokyo" };
    for await (const chunk of inventorySheetChunks(c.inventory.exportPages(SYSTEM), reader))
      bytes += Buffer.byteLength(chunk);
  } finally {
    clearInterval(sample);
  }
  const mb = (b: number) => (b / 2 ** 20).toFixed(1);
  out[`${label} inventory CSV export (s), target < 10`] =
    `${((performance.now() - started) / 1000).toFixed(1)} (${mb(bytes)} MB of CSV)`;
  out[`${label} export growth: RSS / heap (MB), flat`] = `${mb(peakRss - base.rss)} / ${mb(peakHeap - base.heapUsed)}`;
}

export async function run(): Promise<Record<string, string | number>> {
  configureLog({ level: "error" });
  const out: Record<string, string | number> = { devices: DEVICES };
  const target = process.env.BENCH_TARGET;
  if (!target || target === "PostgreSQL") {
    const { url, drop } = await scratchDatabase("_picker");
    const db = await openDatabase({ kind: "postgres", url });
    try {
      await db.migrate();
      await fill((sql) => db.prisma.$executeRawUnsafe(sql));
      await measure(db, "PostgreSQL", out);
      await exportCsv(db, out, "PostgreSQL");
    } finally {
      await db.close();
      await drop();
    }
  }
  if (!target || target === "PGlite") {
    const db = await openDatabase({ kind: "pglite", dir: "memory://" });
    try {
      await db.migrate();
      await fill((sql) => db.pglite!.exec(sql));
      await measure(db, "PGlite", out);
      await exportCsv(db, out, "PGlite");
    } finally {
      await db.close();
    }
  }
  return out;
}
