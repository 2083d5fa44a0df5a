// Fleet queries over 100,000 devices, on PostgreSQL (BENCH_DATABASE_URL, database
// "<name>_picker") and on embedded PGlite: the incident's device picker (external_select
// type-ahead; queries: nothing typed, part of a device name, a serial, an IMEI, an owner, a
// department, and text that matches nothing), the `/mdm device` lookup (a serial, an IMEI, an
// e-mail, name words, nothing found), each as the core answers it, p99 target < 100 ms; and the
// inventory CSV export as `/mdm export` delivers it — read in pages, written to a temporary file
// as it is read, and streamed from that file through Slack's external upload (to a local
// stand-in for Slack that counts the bytes and keeps none) — target < 10 s, flat memory: the
// bench process's RSS and heap growth while it runs, and its CPU time.
import { buildCore } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { SYSTEM } from "../src/core/actors.js";
import { ManualClock } from "../src/core/clock.js";
import { openDatabase, Prisma, type Database } from "../src/db/client.js";
import { EXPORT_PAGE, inventoryPageSql } from "../src/core/inventory/export.js";
import { configureLog } from "../src/log.js";
import { createServer } from "node:http";
import os from "node:os";
import type { AddressInfo } from "node:net";
import { WebClient } from "@slack/web-api";
import { inventorySheetChunks } from "../src/slack/inventory-sheet.js";
import { uploadFileStreamed, writeTempFile } from "../src/slack/streamed-upload.js";
import { scratchDatabase } from "./support/postgres.js";

export const name = "device picker, /mdm device, inventory export (100k devices)";

const DEVICES = Number(process.env.BENCH_PICKER_DEVICES ?? (process.env.BENCH_QUICK ? 10_000 : 100_000));
const ROUNDS = Number(process.env.BENCH_PICKER_ROUNDS ?? 60);
/** BENCH_EXPORT_ONLY: the export alone (profiling it, or sizing its memory at several fleet sizes). */
const EXPORT_ONLY = Boolean(process.env.BENCH_EXPORT_ONLY);
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

/** Slack's three upload steps, answered locally: the upload URL counts what it is sent and keeps nothing. */
async function uploadSink(): Promise<{ client: WebClient; received: () => number; close: () => void }> {
  let received = 0;
  const server = createServer((req, res) => {
    const json = (body: unknown) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.url?.startsWith("/upload/")) {
      req.on("data", (c: Buffer) => (received += c.length));
      req.on("end", () => res.end("OK"));
      return;
    }
    req.resume();
    req.on("end", () =>
      req.url?.includes("getUploadURLExternal")
        ? json({ ok: true, upload_url: `${base}/upload/F1`, file_id: "F1" })
        : json({ ok: true, files: [{ id: "F1" }] }),
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new WebClient("xoxb-bench", { slackApiUrl: `${base}/api/` });
  return { client, received: () => received, close: () => server.close() };
}

/** The whole inventory as CSV, as `/mdm export` delivers it: pages → temporary file → streamed upload. */
async function exportCsv(db: Database, out: Record<string, string | number>, label: string) {
  const c = core(db);
  const sink = await uploadSink();
  global.gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 5);
  const cpu = process.cpuUsage();
  const started = performance.now();
  let bytes = 0;
  try {
    const reader = { locale: "en" as const, timeZone: "Asia/Tokyo" };
    const file = await writeTempFile(inventorySheetChunks(c.inventory.exportPages(SYSTEM), reader));
    try {
      await uploadFileStreamed(sink.client, file, { channel_id: "C1", filename: "inventory.csv" });
      bytes = file.length;
    } finally {
      await file.dispose();
    }
  } finally {
    clearInterval(sample);
    sink.close();
  }
  const used = process.cpuUsage(cpu);
  global.gc?.();
  const kept = process.memoryUsage();
  const mb = (b: number) => (b / 2 ** 20).toFixed(1);
  if (sink.received() !== bytes) throw new Error(`uploaded ${sink.received()} of ${bytes} bytes`);
  out[`${label} inventory CSV export, written and uploaded (s), target < 10`] =
    `${((performance.now() - started) / 1000).toFixed(1)} (${mb(bytes)} MB of CSV; load ${os.loadavg()[0]!.toFixed(1)})`;
  out[`${label} export process CPU: user + system (s)`] = ((used.user + used.system) / 1e6).toFixed(1);
  out[`${label} export growth: peak RSS / peak heap / heap kept after (MB), flat`] =
    `${mb(peakRss - base.rss)} / ${mb(peakHeap - base.heapUsed)} / ${mb(kept.heapUsed - base.heapUsed)}`;
  // The database's side of one page in the middle of the fleet, free of the machine's load.
  const [mid] = await db.prisma.$queryRaw<{ name: string; id: string }[]>`
    SELECT name, id FROM "Device" ORDER BY name, id OFFSET ${Math.floor(DEVICES / 2)} LIMIT 1`;
  const plan = await db.prisma.$queryRaw<{ "QUERY PLAN": string }[]>(
    Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${inventoryPageSql(SYSTEM, mid!, EXPORT_PAGE)}`,
  );
  const lines = plan.map((r) => r["QUERY PLAN"]);
  out[`${label} one page in mid-fleet: execution (ms), plan`] =
    `${lines.find((l) => l.startsWith("Execution Time"))?.replace(/\D*([\d.]+).*/, "$1")} (${lines
      .find((l) => /Scan/.test(l))
      ?.trim()
      .replace(/\s+\(cost.*$/, "")
      .replace(/^->\s*/, "")})`;
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
      if (!EXPORT_ONLY) await measure(db, "PostgreSQL", out);
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
      if (!EXPORT_ONLY) await measure(db, "PGlite", out);
      await exportCsv(db, out, "PGlite");
    } finally {
      await db.close();
    }
  }
  return out;
}
