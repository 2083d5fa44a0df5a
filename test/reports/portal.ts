// Drives the report form over HTTP the way a browser without JavaScript does: GET the form
// (cookie + hidden token), POST it form-encoded with the cookie.
import type { TestApp } from "../support/harness.js";

export interface FormSession {
  csrf: string;
  cookie: string;
  html: string;
  status: number;
}

export async function openForm(t: TestApp, query = "", headers: Record<string, string> = {}): Promise<FormSession> {
  const res = await fetch(`${t.url}/report${query}`, { headers });
  const html = await res.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  return { csrf, cookie, html, status: res.status };
}

export const validReport = (over: Record<string, string> = {}): Record<string, string> => ({
  reporterEmail: "hanako.sato@example.co.jp",
  reporterName: "Hanako Sato",
  device: "iPhone 15",
  lostAt: "2026-11-20T08:30",
  location: "Shinjuku station, JR Yamanote line",
  circumstances: "lost",
  contactPhone: "090-1234-5678",
  consent: "on",
  ...over,
});

export async function submitForm(
  t: TestApp,
  s: Pick<FormSession, "csrf" | "cookie">,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${t.url}/report`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: s.cookie, ...headers },
    body: new URLSearchParams({ _csrf: s.csrf, ...fields }).toString(),
  });
  return { status: res.status, html: await res.text(), headers: res.headers };
}

export function statusPathOf(html: string): string | undefined {
  return /href="(\/report\/status\/[A-Za-z0-9_-]+)"/.exec(html)?.[1];
}

export function referenceOf(html: string): string | undefined {
  return /LR-\d{4}-\d{4,}/.exec(html)?.[0];
}

/** Incident messages posted to the admin channel (top level, not thread replies). */
export function incidents(t: TestApp) {
  return t.slack.posts("C_ADMIN").filter((p) => !p.thread_ts && /LR-\d{4}-\d{4}/.test(p.text ?? ""));
}

/** action_ids per actions block of a message. */
export function buttonsByBlock(message: Record<string, any>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const b of (message.blocks ?? []) as any[]) {
    // The no-device block is "report:<reportId>": listed as "report".
    if (b.type === "actions")
      out[String(b.block_id).startsWith("report:") ? "report" : b.block_id] = b.elements.map((e: any) => e.action_id);
  }
  return out;
}

export function messageText(message: Record<string, any>): string {
  return JSON.stringify(message.blocks ?? []) + (message.text ?? "");
}
