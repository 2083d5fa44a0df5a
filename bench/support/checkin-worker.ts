// The check-in load generator, on its own thread: devices keep their connections open
// (node:http keep-alive agent) and post `{}` with their bearer token, each timed to the answer.
import { Agent, request } from "node:http";
import { parentPort, workerData } from "node:worker_threads";

export interface CheckInRun {
  total: number;
  concurrency: number;
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
  new Promise<number>((resolve, reject) => {
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
    req.on("error", reject);
    req.end(body);
  });

parentPort!.on("message", async (run: CheckInRun) => {
  const times: number[] = [];
  let next = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: run.concurrency }, async () => {
      while (next < run.total) {
        const i = next++;
        const t0 = performance.now();
        const status = await post(`${run.tokenPrefix}${(i * 7919) % run.devices}`);
        times.push(performance.now() - t0);
        if (status !== 200) failed++;
      }
    }),
  );
  parentPort!.postMessage({ ms: times, seconds: (performance.now() - started) / 1000, failed } satisfies CheckInResult);
});
