// Helpers for the alert tests: the intake API, the schedules run by hand with the test clock.
import { ALERTS_TOKEN, postJson, type TestApp } from "../support/harness.js";

export function sendAlerts(t: TestApp, alerts: unknown[], token = ALERTS_TOKEN) {
  return postJson(`${t.url}/api/alerts`, { alerts }, { authorization: `Bearer ${token}` });
}

/** Runs a job as its cron fire would, at the test clock's time. */
export function runJob(t: TestApp, name: string) {
  const job = t.app.jobs.find((j) => j.name === name);
  if (!job) throw new Error(`no job ${name}`);
  return job.run(t.clock.now());
}

export function catchUp(t: TestApp, name: string) {
  return t.app.jobs.find((j) => j.name === name)!.catchUp!(t.clock.now());
}

/** Waits for work a Slack listener does after its ack (polls; no fixed sleeps). */
export async function until<T>(fn: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v as T;
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Everything a person reads in a posted message. */
export const textOf = (m: Record<string, any>) => `${m.text ?? ""}\n${JSON.stringify(m.blocks ?? [])}`;
