// Loss reports accepted per second through the web form (GET for the anti-forgery token, then
// POST /report) and the signed Google Form webhook, and the time from a submission to the admin
// message arriving at the (fake) Slack API. The app runs as its own process (`npm start`, its
// schedules and outbox pump as in production), not inside the bench process, whose heap the
// earlier modules have filled.
import { createHmac } from "node:crypto";
import type { FakeSlack } from "../test/support/fake-slack.js";
import { FORM_SECRET, ms, percentile, pool, targets, until } from "./support/app.js";
import { withAppProcess } from "./support/process.js";

export const name = "loss reports";
const TOTAL = 300;
const SAMPLES = 20;
const CONCURRENCY = 10; // people submitting at the same moment

export async function viaWebForm(url: string, i: number): Promise<string> {
  const form = await fetch(`${url}/report?lang=en`);
  const html = await form.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
  const cookie = (form.headers.get("set-cookie") ?? "").split(";")[0]!;
  const res = await fetch(`${url}/report`, {
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

async function viaGoogleForm(url: string, i: number): Promise<string> {
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
  const res = await fetch(`${url}/webhooks/google-form`, {
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

const posted = (slack: FakeSlack, reference: string, from = 0) =>
  slack.calls.slice(from).some((c) => c.method === "chat.postMessage" && String(c.args.text).includes(reference));

export async function run(): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  for (const target of await targets()) {
    await withAppProcess(
      target,
      async ({ url, slack }) => {
        for (const [label, submit] of [
          ["web form", viaWebForm],
          ["Google Form", viaGoogleForm],
        ] as const) {
          await pool(5, 10, async (i) => void (await submit(url, 100_000 + i))); // warm-up
          const started = performance.now();
          let failed = 0;
          const references: string[] = [];
          await pool(CONCURRENCY, TOTAL, async (i) => {
            const reference = await submit(url, i).catch(() => null);
            if (reference) references.push(reference);
            else failed++;
          });
          out[`${target} ${label} reports/s`] = Math.round((TOTAL - failed) / ((performance.now() - started) / 1000));
          if (failed) out[`${target} ${label} refused (5xx)`] = failed;
          // Submission → admin message at Slack, one report at a time, once the burst has been posted.
          await until(() => references.every((r) => posted(slack, r)), 120_000);
          const waits: number[] = [];
          for (let i = 0; i < SAMPLES; i++) {
            const t0 = performance.now();
            const seen = slack.calls.length;
            const reference = await submit(url, 200_000 + i);
            await until(() => posted(slack, reference, seen));
            waits.push(performance.now() - t0);
          }
          waits.sort((x, y) => x - y);
          out[`${target} ${label} → Slack p50 ms`] = ms(percentile(waits, 50));
          out[`${target} ${label} → Slack max ms`] = ms(waits.at(-1)!);
        }
      },
      undefined,
      [],
      { GOOGLE_FORM_WEBHOOK_SECRET: FORM_SECRET, REPORT_RATE_LIMIT: "10000" },
    );
  }
  return out;
}
