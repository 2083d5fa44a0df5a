// Agent check-ins with 10,000 enrolled devices: each check-in authenticates the bearer token
// (sha256 lookup), records the time and collects pending commands. The app runs as its own
// process; the devices are a load thread with keep-alive connections, first as 50 devices that
// check in again the moment they are answered (the most the app takes), then as check-ins
// arriving on schedule at the rate (1,000/s PostgreSQL, 500/s PGlite), as a fleet's do.
// The floors are a bare express handler and a bare node:http handler (JSON body parsed,
// `{"commands":[]}` answered) loaded the same ways, in the same run.
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { hashToken } from "../src/core/tokens.js";
import { openDatabase, parseDatabaseUrl } from "../src/db/client.js";
import { ms, percentile, targets } from "./support/app.js";
import type { CheckInResult, CheckInRun } from "./support/checkin-worker.js";
import { withFloor } from "./support/floor.js";
import { summariseProfile } from "./support/profile.js";
import { withAppProcess } from "./support/process.js";

export const name = "agent check-ins (10,000 devices)";
const DEVICES = 10_000;
const CHECKINS = Number(process.env.BENCH_CHECKINS ?? (process.env.BENCH_QUICK ? 2_000 : 5_000));
const CONCURRENCY = 50;
// A whole minute by default, so that the app's own per-minute work falls inside the window once.
const ARRIVING_SECONDS = Number(process.env.BENCH_CHECKIN_SECONDS ?? (process.env.BENCH_QUICK ? 10 : 60));

async function seed(databaseUrl: string) {
  const db = await openDatabase(parseDatabaseUrl(databaseUrl));
  try {
    await db.migrate();
    const now = new Date();
    for (let start = 0; start < DEVICES; start += 1000) {
      await db.prisma.device.createMany({
        data: Array.from({ length: 1000 }, (_, k) => ({
          platform: "IOS" as const,
          name: `Bench iPhone ${start + k}`,
          serial: `BENCH${start + k}`,
          driver: "agent",
          agentTokenHash: hashToken(`bench-token-${start + k}`),
          enrolledAt: now,
          createdAt: now,
        })),
      });
    }
  } finally {
    await db.close();
  }
}

/** The rates: what a fleet's check-ins must be answered at, with p99 < 50 ms. */
const TARGET_RATE: Record<string, number> = { PGlite: 500, PostgreSQL: 1000 };

interface Load {
  perSecond: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
  failed: number;
  startedAt: number;
}

/** `rate`: check-ins arriving on schedule at that rate; without it, 50 devices in a closed loop. */
async function load(url: string, rate?: number): Promise<Load> {
  const worker = new Worker(new URL("./support/checkin-worker.mjs", import.meta.url), { workerData: { url } });
  const run = (r: CheckInRun) =>
    new Promise<CheckInResult>((resolve, reject) => {
      worker.once("error", reject);
      worker.once("message", resolve);
      worker.postMessage(r);
    });
  const shape = { concurrency: CONCURRENCY, devices: DEVICES, tokenPrefix: "bench-token-", rate };
  try {
    await run({ ...shape, total: 500, rate: undefined }); // warm-up
    const startedAt = performance.now();
    const total = rate ? rate * ARRIVING_SECONDS : CHECKINS;
    const r = await run({ ...shape, total });
    const sorted = r.ms.sort((a, b) => a - b);
    return {
      perSecond: Math.round(total / r.seconds),
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      p999: percentile(sorted, 99.9),
      max: sorted[sorted.length - 1]!,
      failed: r.failed,
      startedAt,
    };
  } finally {
    await worker.terminate();
  }
}

const both = async (url: string, rate: number) => ({ full: await load(url), paced: await load(url, rate) });
const figures = (r: Load) => `${r.perSecond} (${ms(r.p50)} / ${ms(r.p99)})`;
const paced = (r: Load) => `${ms(r.p50)} / ${ms(r.p99)} / ${ms(r.p999)} / ${ms(r.max)}`;

export async function run(): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  const express = await withFloor("express", (url) => both(url, TARGET_RATE.PostgreSQL!));
  const http = await withFloor("http", (url) => both(url, TARGET_RATE.PostgreSQL!));
  out["floor: bare express handler/s, 50 in flight (p50 / p99 ms)"] = figures(express.full);
  out["floor: bare node:http handler/s, 50 in flight (p50 / p99 ms)"] = figures(http.full);
  out["floors at 1,000/s arriving: express / node:http p99 ms"] = `${ms(express.paced.p99)} / ${ms(http.paced.p99)}`;
  for (const target of await targets()) {
    const rate = TARGET_RATE[target]!;
    const r = await withAppProcess(target, ({ url }) => both(url, rate), seed);
    out[`${target} check-ins/s, 50 in flight (p50 / p99 ms)`] = figures(r.full);
    out[`${target} at ${rate.toLocaleString("en")}/s arriving for ${ARRIVING_SECONDS} s (p50 / p99 / p99.9 / max ms)`] =
      paced(r.paced);
    out[`${target} vs floors, 50 in flight: throughput / p99`] =
      `${ratio(express.full.perSecond / r.full.perSecond)} fewer than express, ${ratio(http.full.perSecond / r.full.perSecond)} fewer than node:http / ${ratio(r.full.p99 / express.full.p99)} express's, ${ratio(r.full.p99 / http.full.p99)} node:http's`;
    const failed = r.full.failed + r.paced.failed;
    if (failed) out[`${target} non-200 answers`] = failed;
  }
  if ((await targets()).includes("PostgreSQL")) Object.assign(out, await profiled());
  return out;
}

/**
 * Where a check-in's time goes: the same load once more against an app started with
 * --cpu-prof, and the app's CPU time during the timed check-ins (not its start-up) summed by
 * where the code lives (bench/support/profile.ts).
 */
async function profiled(): Promise<Record<string, string>> {
  const dir = await mkdtemp(path.join(tmpdir(), "checkin-profile-"));
  try {
    const startedAt = await withAppProcess("PostgreSQL", async ({ url }) => (await load(url)).startedAt, seed, [
      "--cpu-prof",
      `--cpu-prof-dir=${dir}`,
    ]);
    // The main thread's profile is the largest (the module loader's thread writes one too).
    const files = (await readdir(dir)).filter((f) => f.endsWith(".cpuprofile"));
    const sizes = await Promise.all(files.map(async (f) => (await stat(path.join(dir, f))).size));
    const file = files[sizes.indexOf(Math.max(...sizes))];
    if (!file) return { "profile (PostgreSQL)": "no profile written" };
    const s = await summariseProfile(path.join(dir, file), 8, performance.now() - startedAt);
    const out: Record<string, string> = {};
    for (const c of s.categories.slice(0, 8))
      out[`profile (PostgreSQL): ${c.name}`] = `${(c.share * 100).toFixed(0)} % of busy CPU (${c.ms} ms)`;
    out["profile: top self time"] = s.top
      .slice(0, 5)
      .map((f) => `${f.fn} ${f.where} ${f.ms} ms`)
      .join("; ");
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const ratio = (x: number) => `${x.toFixed(1)}×`;
