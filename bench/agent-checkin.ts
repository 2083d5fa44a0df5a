// Agent check-ins per second with 10,000 enrolled devices: each check-in authenticates the
// bearer token (sha256 lookup), records the time and collects pending commands.
import { hashToken } from "../src/core/tokens.js";
import { ms, percentile, pool, targets, withBenchApp } from "./support/app.js";

export const name = "agent check-ins (10,000 devices)";
const DEVICES = 10_000;
const CHECKINS = 3_000;

export async function run(): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  for (const target of await targets()) {
    await withBenchApp(target, async ({ db, url }) => {
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
      const checkIn = async (i: number) => {
        const started = performance.now();
        const res = await fetch(`${url}/agent/v1/checkin`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer bench-token-${(i * 7919) % DEVICES}` },
          body: "{}",
        });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`check-in answered ${res.status}`);
        return performance.now() - started;
      };
      await pool(10, 100, async (i) => void (await checkIn(i))); // warm-up
      const times: number[] = [];
      const started = performance.now();
      await pool(50, CHECKINS, async (i) => void times.push(await checkIn(i)));
      const seconds = (performance.now() - started) / 1000;
      times.sort((a, b) => a - b);
      out[`${target} check-ins/s`] = Math.round(CHECKINS / seconds);
      out[`${target} p99 ms`] = ms(percentile(times, 99));
    });
  }
  return out;
}
