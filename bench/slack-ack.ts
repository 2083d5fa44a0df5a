// Slack allows 3 s for an ack. 50 signed requests at a time (/mdm help slash commands and
// block_actions clicks), each timed from send to HTTP answer: p50/p99 per database. The app runs
// in its own process (as in production); this process only sends requests and plays Slack.
import { ADMIN, ms, percentile, pool, targets } from "./support/app.js";
import { withAppProcess } from "./support/process.js";

export const name = "slack ack latency (50 concurrent)";
const TOTAL = 1000;

export async function run(): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  for (const target of await targets()) {
    await withAppProcess(target, async ({ requests }) => {
      // Warm-up: first requests compile code paths and open connections.
      await pool(10, 50, async (i) => void (await requests.slashCommand({ command: "/mdm", text: "help", user: ADMIN, responseId: `w${i}` })));
      for (const kind of ["/mdm help", "block_actions"] as const) {
        const times: number[] = [];
        let failed = 0;
        await pool(50, TOTAL, async (i) => {
          const res =
            kind === "/mdm help"
              ? await requests.slashCommand({ command: "/mdm", text: "help", user: ADMIN, responseId: `c${i}` })
              : await requests.blockAction({ user: ADMIN, actionId: "home_refresh", responseId: `a${i}` });
          if (res.status !== 200) failed++;
          times.push(res.ms);
        });
        times.sort((a, b) => a - b);
        out[`${target} ${kind} p50 ms`] = ms(percentile(times, 50));
        out[`${target} ${kind} p99 ms`] = ms(percentile(times, 99));
        if (failed) out[`${target} ${kind} non-200`] = failed;
      }
    });
  }
  return out;
}
