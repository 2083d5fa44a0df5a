// Shared steps for the command tests: a device enrolled through the agent API, a loss report
// taken through the real intake (so the incident message is posted), and the agent's calls.
import { request } from "node:http";
import { ENROLLMENT_SECRET, type TestApp } from "../support/harness.js";
import { aPerson } from "../support/builders.js";
import { sequence } from "../support/sequence.js";

const nextSerial = sequence("S");

/**
 * POSTs JSON as a device does, on a fresh connection each time: a device checks in now and then,
 * not over a kept-alive socket the server may be closing at that very moment.
 */
export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: any; text: string }> {
  const data = typeof body === "string" ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent: false,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: any = null;
          try {
            json = JSON.parse(text);
          } catch {}
          resolve({ status: res.statusCode ?? 0, json, text });
        });
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

export interface EnrolledDevice {
  deviceId: string;
  token: string;
}

export async function enroll(t: TestApp, over: Record<string, unknown> = {}): Promise<EnrolledDevice> {
  const n = nextSerial();
  const res = await postJson(`${t.url}/agent/v1/enroll`, {
    enrollmentSecret: ENROLLMENT_SECRET,
    platform: "ios",
    name: `iPhone ${n}`,
    model: "iPhone 15",
    serial: `F${n}XYZ`,
    udid: `00008110-${n}`,
    supervised: true,
    ...over,
  });
  if (res.status !== 201) throw new Error(`enroll failed: ${res.status} ${res.text}`);
  return res.json;
}

export const checkIn = (t: TestApp, token: string) =>
  postJson(`${t.url}/agent/v1/checkin`, {}, { authorization: `Bearer ${token}` });

export const answer = (t: TestApp, token: string, id: string, body: Record<string, unknown>) =>
  postJson(`${t.url}/agent/v1/commands/${id}/result`, body, { authorization: `Bearer ${token}` });

/** An employee's enrolled device and their report about it, with the incident message posted. */
export async function lostDevice(t: TestApp, over: { device?: Record<string, unknown>; departmentId?: string } = {}) {
  const owner = await aPerson(t.db.prisma, { departmentId: over.departmentId ?? null });
  const agent = await enroll(t, { ownerEmail: owner.email, ...over.device });
  const created = await t.app.core.reports.create({
    channel: "WEB",
    reporterEmail: owner.email,
    deviceDescription: "my work iPhone",
    deviceIds: [agent.deviceId],
    circumstances: "LOST",
    contactPhone: "090-1234-5678",
    consentLostMode: true,
    locale: "en",
  });
  await t.flush();
  const reportId = created.report.id;
  return {
    owner,
    agent,
    reportId,
    reference: created.report.reference,
    statusToken: created.statusToken!,
    value: JSON.stringify({ r: reportId, d: agent.deviceId }),
  };
}

/** The incident message's ts, as Slack returned it. */
export async function incidentTs(t: TestApp, reportId: string): Promise<string> {
  const ref = await t.db.prisma.slackMessageRef.findUniqueOrThrow({ where: { key: `report:${reportId}` } });
  return ref.ts;
}

/**
 * Everything the bot wrote in a thread, in order: each post, then each edit of a post that sits in
 * the thread (a command's status line is edited in place as the command moves on).
 */
export function threadTexts(t: TestApp, ts: string): string[] {
  const inThread = new Set<string>();
  const out: string[] = [];
  for (const c of t.slack.calls) {
    if (c.failed) continue;
    if (c.method === "chat.postMessage" && c.args.thread_ts === ts) {
      if (c.result?.ts) inThread.add(c.result.ts);
      out.push(String(c.args.text));
    } else if (c.method === "chat.update" && inThread.has(c.args.ts)) out.push(String(c.args.text));
  }
  return out;
}

/** The messages in a thread as Slack now shows them: each post's latest version. */
export function threadNow(t: TestApp, ts: string): string[] {
  const latest = new Map<string, string>();
  for (const c of t.slack.calls) {
    if (c.failed) continue;
    if (c.method === "chat.postMessage" && c.args.thread_ts === ts) latest.set(c.result?.ts, String(c.args.text));
    else if (c.method === "chat.update" && latest.has(c.args.ts)) latest.set(c.args.ts, String(c.args.text));
  }
  return [...latest.values()];
}

/** The last version of the incident message Slack holds (its post, then each chat.update). */
export function latestIncident(t: TestApp, ts: string, reference: string): Record<string, any> {
  const updates = t.slack
    .callsTo("chat.update")
    .map((c) => c.args)
    .filter((a) => a.ts === ts);
  if (updates.length) return updates.at(-1)!;
  return t.slack.posts("C_ADMIN").find((p) => !p.thread_ts && String(p.text).includes(reference)) ?? {};
}

export function actionIds(message: Record<string, any>): string[] {
  const blocks = typeof message.blocks === "string" ? JSON.parse(message.blocks) : (message.blocks ?? []);
  return blocks.filter((b: any) => b.type === "actions").flatMap((b: any) => b.elements.map((e: any) => e.action_id));
}

export { until } from "../support/until.js";
