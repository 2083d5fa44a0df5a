// The outbox against a Slack that enforces its rate limits (the fake answers 429 with
// Retry-After past them): a digest's DMs queued at once in the bulk lane, delivered at the
// bulk pace, while an incident reported meanwhile reaches the admin channel at once. Slack's
// real workspace limit ("several hundred a minute") would make 20,000 DMs take over an hour, so
// the fake's limit and the app's pace are both scaled up by the same factor (the ratio of pace
// to limit is the production one, 240 : 300); the figures say how close delivery stays to the
// pace and that nothing jumps the admin post's queue.
import { enqueue, type OutboxItem } from "../src/core/outbox.js";
import { viaWebForm } from "./reports.js";
import { ADMIN_CHANNEL, until, withBenchApp } from "./support/app.js";

export const name = "Slack pacing (20,000 DMs vs the admin channel)";

const DMS = Number(process.env.BENCH_DMS ?? (process.env.BENCH_QUICK ? 2_000 : 20_000));
/** The fake's workspace limit for chat.postMessage, per minute, and the app's bulk pace (80 %). */
const SLACK_PER_MINUTE = Number(process.env.BENCH_SLACK_PER_MINUTE ?? 6_000);
const PACE = Math.floor(SLACK_PER_MINUTE * 0.8);

export async function run(): Promise<Record<string, string | number>> {
  return withBenchApp(
    "PostgreSQL",
    async (b) => {
      b.slack.limits = { perChannelPerSecond: 1, perMinute: { "chat.postMessage": SLACK_PER_MINUTE } };
      const items: OutboxItem[] = Array.from({ length: DMS }, (_, i) => ({
        method: "dm",
        payload: { user: `UBENCH${i}`, text: `Your devices — daily summary ${i}` },
        dedupeKey: `bench:dm:${i}`,
        lane: "bulk",
      }));
      const started = performance.now();
      await enqueue(b.db.prisma, ...items);
      const queuedMs = performance.now() - started;
      const dmsAtSlack = () =>
        b.slack.callsTo("chat.postMessage").filter((c) => String(c.args.channel).startsWith("UBENCH")).length;

      // An incident reported while the backlog waits: time from the submission to its post.
      await until(() => dmsAtSlack() >= Math.min(DMS / 10, 500), 600_000);
      const waiting = DMS - dmsAtSlack();
      const submitted = performance.now();
      const reference = await viaWebForm(b.url, 1);
      await until(() => b.slack.posts(ADMIN_CHANNEL).some((p) => JSON.stringify(p).includes(reference)), 60_000);
      const incidentMs = performance.now() - submitted;

      await until(() => dmsAtSlack() >= DMS, 3_600_000);
      const lastMs = performance.now() - started;
      const ideal = (DMS / PACE) * 60_000;
      return {
        "DMs queued at once (bulk lane)": DMS,
        "  queue time (ms)": Math.round(queuedMs),
        "fake Slack limit: chat.postMessage /min (+ 1/s per channel)": SLACK_PER_MINUTE,
        "app bulk pace /min (SLACK_BULK_PER_MINUTE)": PACE,
        "last DM delivered after (s)": (lastMs / 1000).toFixed(1),
        "  vs the pace alone (s)": (ideal / 1000).toFixed(1),
        "  429s answered (each honoured)": b.slack.rateLimited,
        "incident → admin channel while DMs wait (ms), target < 1,000": Math.round(incidentMs),
        "  DMs still waiting when it was reported": waiting,
        "at Slack's real limits (240 /min) the DMs would take (min)": Math.round(DMS / 240),
      };
    },
    { SLACK_BULK_PER_MINUTE: String(PACE) },
  );
}
