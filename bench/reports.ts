// Loss reports accepted per second through the web form (GET for the anti-forgery token, then
// POST /report) and the signed Google Form webhook, and the time from a submission to the admin
// message arriving at the (fake) Slack API with the outbox pump running as in production.
import { createHmac } from "node:crypto";
import { FORM_SECRET, ms, percentile, pool, targets, until, withBenchApp, type BenchApp } from "./support/app.js";

export const name = "loss reports";
const TOTAL = 300;
const SAMPLES = 20;
const CONCURRENCY = 10; // people submitting at the same moment

export async function viaWebForm(b: BenchApp, i: number): Promise<string> {
  const form = await fetch(`${b.url}/report?lang=en`);
  const html = await form.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
  const cookie = (form.headers.get("set-cookie") ?? "").split(";")[0]!;
  const res = await fetch(`${b.url}/report`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({
      _csrf: csrf,
      reporterEmail: `bench.${i}@example.com`,
      reporterName: `Bench ${i}`,
      device: "iPhone 15",
      lostAt: "2026-11-20T08:30",
      location: "Shinjuku",
      circumstances: "lost",
      contactPhone: "090-0000-0000",
      consent: "on",
    }).toString(),
  });
  const receipt = await res.text();
  if (res.status !== 200) throw new Error(`POST /report answered ${res.status}`);
  return /LR-\d{4}-\d{4,}/.exec(receipt)![0];
}

async function viaGoogleForm(b: BenchApp, i: number): Promise<string> {
  const body = JSON.stringify({
    responseId: `bench-${i}-${Math.random().toString(36).slice(2)}`,
    formId: "bench",
    respondentEmail: `bench.g${i}@example.com`,
    submittedAt: new Date().toISOString(),
    answers: {
      "Your name": `Bench ${i}`,
      "Which device?": "Pixel 8",
      Where: "Osaka",
      "What happened?": "Lost",
      "Phone number": "090-0000-0000",
    },
  });
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(`${b.url}/webhooks/google-form`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-timestamp": String(ts),
      "x-signature": `sha256=${createHmac("sha256", FORM_SECRET).update(`${ts}.${body}`).digest("hex")}`,
    },
    body,
  });
  const json = (await res.json()) as { reference?: string };
  if (res.status >= 300 || !json.reference) throw new Error(`google form webhook answered ${res.status}`);
  return json.reference;
}

export async function run(): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  for (const target of await targets()) {
    await withBenchApp(
      target,
      async (b) => {
        for (const [label, submit] of [
          ["web form", viaWebForm],
          ["Google Form", viaGoogleForm],
        ] as const) {
          await pool(5, 10, async (i) => void (await submit(b, 100_000 + i))); // warm-up
          const started = performance.now();
          let failed = 0;
          await pool(CONCURRENCY, TOTAL, async (i) => void (await submit(b, i).catch(() => failed++)));
          out[`${target} ${label} reports/s`] = Math.round((TOTAL - failed) / ((performance.now() - started) / 1000));
          if (failed) out[`${target} ${label} refused (5xx)`] = failed;
          // Submission → admin message at Slack, one report at a time (outbox pump: every second).
          await until(async () => (await b.db.prisma.outboxMessage.count({ where: { state: "PENDING" } })) === 0);
          const waits: number[] = [];
          for (let i = 0; i < SAMPLES; i++) {
            const t0 = performance.now();
            const reference = await submit(b, 200_000 + i);
            const seen = b.slack.calls.length;
            await until(() =>
              b.slack.calls
                .slice(seen > 50 ? seen - 50 : 0)
                .some((c) => c.method === "chat.postMessage" && String(c.args.text).includes(reference)),
            );
            waits.push(performance.now() - t0);
          }
          waits.sort((x, y) => x - y);
          out[`${target} ${label} → Slack p50 ms`] = ms(percentile(waits, 50));
          out[`${target} ${label} → Slack max ms`] = ms(waits.at(-1)!);
        }
      },
      { REPORT_RATE_LIMIT: "10000" },
    );
  }
  return out;
}
