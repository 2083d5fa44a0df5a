// Slack allows 3 s for an ack. Signed requests from a load thread to the app in its own process
// (as in production), each timed from send to HTTP answer, per database:
//  - bursts: 50 requests at the same instant, 20 times, each burst finished before the next —
//    what 50 people clicking at once see: the ack, and the reply reaching Slack;
//  - sustained: 50 in flight at all times, 1000 requests of each kind (/mdm help, and an App
//    Home refresh click), and how many interactions per second the app finishes.
import { Worker } from "node:worker_threads";
import { ADMIN, ms, percentile, targets, until } from "./support/app.js";
import type { LoadResult, LoadRun } from "./support/load-worker.js";
import { withFloor } from "./support/floor.js";
import { withAppProcess } from "./support/process.js";

export const name = "slack ack latency (50 concurrent)";
const BURSTS = 20;
const SUSTAINED = 1000;

/**
 * The floor: a bare Bolt app (its own receiver, signatures checked) whose only listener acks
 * `/mdm`, loaded by the same thread the same way. Our acks are printed as multiples of it.
 */
async function floor(): Promise<{ burst: number[]; sustained: number[] }> {
  return withFloor("bolt", async (url) => {
    const worker = new Worker(new URL("./support/load-worker.mjs", import.meta.url), {
      workerData: { url, slackUrl: "http://127.0.0.1:9", user: ADMIN },
    });
    let failure: Error | null = null;
    worker.on("error", (err) => (failure = err));
    const load = (r: LoadRun) =>
      new Promise<LoadResult[]>((resolve, reject) =>
        failure ? reject(failure) : (worker.once("message", resolve), worker.postMessage(r)),
      );
    try {
      await load({ kind: "/mdm help", total: 300, concurrency: 50, idPrefix: "w/" });
      const burst: number[] = [];
      for (let b = 0; b < BURSTS; b++)
        burst.push(
          ...(await load({ kind: "/mdm help", total: 50, concurrency: 50, idPrefix: `b${b}-` })).map((s) => s.ms),
        );
      const sustained = (await load({ kind: "/mdm help", total: SUSTAINED, concurrency: 50, idPrefix: "s/" })).map(
        (s) => s.ms,
      );
      return { burst, sustained };
    } finally {
      await worker.terminate();
    }
  });
}

const p = (values: number[], q: number) =>
  percentile(
    [...values].sort((a, b) => a - b),
    q,
  );
const times = (x: number) => `${x.toFixed(1)}×`;

export async function run(): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  const bare = await floor();
  out["floor: bare Bolt app, bursts of 50: ack p50 / p99 ms"] = pair(bare.burst);
  out["floor: bare Bolt app, sustained /mdm: ack p50 / p99 ms"] = pair(bare.sustained);
  for (const target of await targets()) {
    await withAppProcess(target, async ({ url, slack }) => {
      const worker = new Worker(new URL("./support/load-worker.mjs", import.meta.url), {
        workerData: { url, slackUrl: slack.url, user: ADMIN },
      });
      let failure: Error | null = null;
      worker.on("error", (err) => (failure = err));
      const load = (r: LoadRun) =>
        new Promise<LoadResult[]>((resolve, reject) => {
          if (failure) return reject(failure);
          worker.once("message", resolve);
          worker.postMessage(r);
        });
      // When the work after the ack is done: `/mdm help` replies to its response URL, a Home
      // refresh click publishes the Home view.
      const replied = (prefix: string, n: number) =>
        until(() => slack.responses.filter((r) => r.id.startsWith(prefix)).length >= n);
      const homes = () => slack.callsTo("views.publish").length;
      const published = (n: number) => until(() => homes() >= n);
      try {
        // Warm-up: compiles code paths, fills caches and connection pools, as a running app has.
        await load({ kind: "/mdm help", total: 300, concurrency: 50, idPrefix: "w/" });
        await replied("w/", 300);
        const before = homes();
        await load({ kind: "block_actions", total: 300, concurrency: 50, idPrefix: "wb" });
        await published(before + 300);

        const acks: number[] = [];
        const replies: number[] = [];
        for (let b = 0; b < BURSTS; b++) {
          const prefix = `b${b}-`;
          const sent = await load({ kind: "/mdm help", total: 50, concurrency: 50, idPrefix: prefix });
          await replied(prefix, 50);
          const at = new Map(slack.responses.filter((r) => r.id.startsWith(prefix)).map((r) => [r.id, r.at]));
          for (const s of sent) {
            acks.push(s.ms);
            replies.push(at.get(s.id)! - s.sentAt);
          }
        }
        out[`${target} bursts of 50: ack p50 / p99 ms`] = pair(acks);
        out[`${target} bursts of 50: ack vs floor p50 / p99`] =
          `${times(p(acks, 50) / p(bare.burst, 50))} / ${times(p(acks, 99) / p(bare.burst, 99))}`;
        out[`${target} bursts of 50: reply at Slack p50 / p99 ms`] = pair(replies);

        const started = Date.now();
        const homesBefore = homes();
        let failed = 0;
        for (const kind of ["/mdm help", "block_actions"] as const) {
          const sent = await load({ kind, total: SUSTAINED, concurrency: 50, idPrefix: `s${kind[0]}` });
          failed += sent.filter((s) => s.status !== 200).length;
          out[`${target} sustained ${kind}: ack p50 / p99 ms`] = pair(sent.map((s) => s.ms));
          if (kind === "/mdm help") {
            const ack = sent.map((s) => s.ms);
            out[`${target} sustained /mdm help: ack vs floor p50 / p99`] =
              `${times(p(ack, 50) / p(bare.sustained, 50))} / ${times(p(ack, 99) / p(bare.sustained, 99))}`;
          }
        }
        await replied("s/", SUSTAINED);
        await published(homesBefore + SUSTAINED);
        out[`${target} sustained: interactions finished per s`] = Math.round(
          (2 * SUSTAINED) / ((Date.now() - started) / 1000),
        );
        if (failed) out[`${target} non-200 answers`] = failed;
      } finally {
        await worker.terminate();
      }
    });
  }
  return out;
}

function pair(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${ms(percentile(sorted, 50))} / ${ms(percentile(sorted, 99))}`;
}
