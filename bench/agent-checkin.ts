// Agent check-ins per second with 10,000 enrolled devices: each check-in authenticates the
// bearer token (sha256 lookup), records the time and collects pending commands. The app runs
// as its own process; the devices are a load thread with keep-alive connections. The floor is
// a bare express handler (JSON body parsed, `{"commands":[]}` answered) loaded the same way,
// in the same run: the ratio says what our check-in costs above what any express app costs here.
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

async function load(
  url: string,
): Promise<{ perSecond: number; p50: number; p99: number; failed: number; startedAt: number }> {
  const worker = new Worker(new URL("./support/checkin-worker.mjs", import.meta.url), { workerData: { url } });
  const run = (r: CheckInRun) =>
    new Promise<CheckInResult>((resolve, reject) => {
      worker.once("error", reject);
      worker.once("message", resolve);
      worker.postMessage(r);
    });
  try {
    await run({ total: 500, concurrency: CONCURRENCY, devices: DEVICES, tokenPrefix: "bench-token-" }); // warm-up
    const startedAt = performance.now();
    const r = await run({ total: CHECKINS, concurrency: CONCURRENCY, devices: DEVICES, tokenPrefix: "bench-token-" });
    const sorted = r.ms.sort((a, b) => a - b);
    return {
      perSecond: Math.round(CHECKINS / r.seconds),
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      failed: r.failed,
      startedAt,
    };
  } finally {
    await worker.terminate();
  }
}

export async function run(): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  const floor = await withFloor("express", load);
  out[`floor: bare express handler/s (p50 / p99 ms)`] = `${floor.perSecond} (${ms(floor.p50)} / ${ms(floor.p99)})`;
  for (const target of await targets()) {
    const r = await withAppProcess(target, ({ url }) => load(url), seed);
    out[`${target} check-ins/s (p50 / p99 ms)`] = `${r.perSecond} (${ms(r.p50)} / ${ms(r.p99)})`;
    out[`${target} vs floor: throughput / p99`] =
      `${ratio(floor.perSecond / r.perSecond)} slower / ${ratio(r.p99 / floor.p99)}`;
    if (r.failed) out[`${target} non-200 answers`] = r.failed;
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
