// The check-in load generator, on its own thread: devices keep their connections open
// (node:http keep-alive agent) and post `{}` with their bearer token, each timed to the answer.
// Two shapes of load: `concurrency` devices each checking in again the moment they are answered
// (the most the app can take: its latency is then mostly waiting in line), or check-ins arriving
// at a fixed `rate` whether or not earlier ones were answered, as a fleet's devices do, each timed
// from when it was due (so a stall is counted against every check-in it delayed, not hidden).
import { Agent, request } from "node:http";
import { parentPort, workerData } from "node:worker_threads";

export interface CheckInRun {
  total: number;
  concurrency: number;
  /** Check-ins per second arriving on schedule (open loop); `concurrency` is then unused. */
  rate?: number;
  devices: number;
  /** device i's token is `${tokenPrefix}${i}`. */
  tokenPrefix: string;
}
export interface CheckInResult {
  ms: number[];
  seconds: number;
  failed: number;
}

const { url } = workerData as { url: string };
const agent = new Agent({ keepAlive: true, maxSockets: 256 });
const body = "{}";
const post = (token: string) =>
  new Promise<number>((resolve) => {
    const req = request(
      `${url}/agent/v1/checkin`,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": "2", authorization: `Bearer ${token}` },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    // A kept-alive socket the app closed as this request went out (its 5 s idle timeout): counted
    // as a failed check-in, as a device would see it, rather than ending the run.
    req.on("error", () => resolve(0));
    req.end(body);
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tokenOf = (run: CheckInRun, i: number) => `${run.tokenPrefix}${(i * 7919) % run.devices}`;

async function atRate(run: CheckInRun & { rate: number }): Promise<CheckInResult> {
  const times: number[] = [];
  let failed = 0;
  const answered: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < run.total; i++) {
    const due = started + (i * 1000) / run.rate;
    const wait = due - performance.now();
    if (wait >= 1) await sleep(wait);
    answered.push(
      post(tokenOf(run, i)).then((status) => {
        times.push(performance.now() - due);
        if (status !== 200) failed++;
      }),
    );
  }
  await Promise.all(answered);
  return { ms: times, seconds: (performance.now() - started) / 1000, failed };
}

parentPort!.on("message", async (run: CheckInRun) => {
  if (run.rate) return void parentPort!.postMessage(await atRate({ ...run, rate: run.rate }));
  const times: number[] = [];
  let next = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: run.concurrency }, async () => {
      while (next < run.total) {
        const i = next++;
        const t0 = performance.now();
        const status = await post(tokenOf(run, i));
        times.push(performance.now() - t0);
        if (status !== 200) failed++;
      }
    }),
  );
  parentPort!.postMessage({ ms: times, seconds: (performance.now() - started) / 1000, failed } satisfies CheckInResult);
});
