// The incident's device picker (external_select type-ahead) over 100,000 devices: what one
// keystroke costs in the core, on PostgreSQL (BENCH_DATABASE_URL, database "<name>_picker") and
// on embedded PGlite. Queries: nothing typed, part of a device name, a serial, an IMEI, an owner,
// a department, and text that matches nothing (the whole fleet is looked at).
import { buildCore } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { SYSTEM } from "../src/core/actors.js";
import { ManualClock } from "../src/core/clock.js";
import { openDatabase, type Database } from "../src/db/client.js";
import { configureLog } from "../src/log.js";
import { scratchDatabase } from "./support/postgres.js";

export const name = "device picker (100k devices)";

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

async function measure(db: Database): Promise<Record<string, string>> {
  const core = buildCore(loadConfig({ APP_LOCALE: "en", LOG_LEVEL: "error" }), db, new ManualClock());
  const deptAdmin = { ...SYSTEM, id: "bench", systemAdmin: false, adminOf: ["dep3", "dep4"] };
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of QUERIES) {
      const started = performance.now();
      await core.inventory.pickable(round % 4 === 3 ? deptAdmin : SYSTEM, q, "r1");
      if (round > 2) times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
  return { p50: at(0.5), p99: at(0.99), max: times.at(-1)!.toFixed(1) };
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
      const r = await measure(db);
      out["PostgreSQL keystroke p50 / p99 / max (ms)"] = `${r.p50} / ${r.p99} / ${r.max}`;
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
      const r = await measure(db);
      out["PGlite keystroke p50 / p99 / max (ms)"] = `${r.p50} / ${r.p99} / ${r.max}`;
    } finally {
      await db.close();
    }
  }
  return out;
}
