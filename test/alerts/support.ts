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

export { until } from "../support/until.js";

/** Everything a person reads in a posted message. */
export const textOf = (m: Record<string, any>) => `${m.text ?? ""}\n${JSON.stringify(m.blocks ?? [])}`;
