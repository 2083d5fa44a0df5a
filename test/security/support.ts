// Helpers for the hostile-input suites: a database fingerprint (row count of every table) to
// prove a rejected request changed nothing, and checks that injected text stays inert.
import { expect } from "vitest";
import type { TestApp } from "../support/harness.js";

/** Rows per table. The report form's flood counter is left out: counting hostile posts is its job. */
export async function tableCounts(t: TestApp): Promise<Record<string, number>> {
  // Slack is rendered after commit, in the background: settle what earlier requests left, so the
  // count moves only with what this request stored.
  await t.flush();
  const tables = await t.db.prisma.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'RateLimitWindow') ORDER BY table_name`,
  );
  const out: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await t.db.prisma.$queryRawUnsafe<{ n: bigint | number }[]>(
      `SELECT count(*) AS n FROM "${table_name}"`,
    );
    out[table_name] = Number(row!.n);
  }
  return out;
}

/** The app is still up and the database holds exactly what it held before. */
export async function expectUnharmed(
  t: TestApp,
  before: Record<string, number>,
  opts: { auditAllowed?: boolean } = {},
): Promise<void> {
  const health = await fetch(`${t.url}/healthz`);
  expect(health.status).toBe(200);
  const after = await tableCounts(t);
  // An authenticated caller's refused items may be audited (who sent what, and why it was refused).
  if (opts.auditAllowed) after.AuditEntry = before.AuditEntry!;
  expect(after).toEqual(before);
}

/** Hostile strings for every text field: Slack control sequences, HTML/script, unicode tricks. */
export const INJECTIONS = {
  channelPing: "<!channel> <!here> <!everyone>",
  userMention: "<@U0EVIL> <#C0EVIL> <!subteam^S0EVIL>",
  link: "<https://evil.example/phish|Click to restore your device>",
  ampersand: "Tom & Jerry &lt;b&gt;",
  script: `<script>alert(1)</script><img src=x onerror=alert(1)>"'><svg onload=alert(1)>`,
  rtl: "invoice\u202Efdp.exe",
  zeroWidth: "iPh\u200Bone\u200D\uFEFF",
  emoji: "📱🔥👩🏽‍💻",
  // A lone surrogate cannot be encoded in UTF-8: it arrives as U+FFFD after decoding.
  loneSurrogate: "broken \uD800 pair",
  sql: '\'; DROP TABLE "LossReport"; --',
};

/** Strings Slack would interpret in mrkdwn: mentions, broadcasts and links from our input. */
const LIVE_MARKUP = [
  /<!channel>/,
  /<!here>/,
  /<!everyone>/,
  /<@U0EVIL>/,
  /<#C0EVIL>/,
  /<!subteam/,
  /<https:\/\/evil/,
  /<script/i,
];

/** Every string Slack renders as mrkdwn in a payload: top-level text and mrkdwn text objects. */
export function mrkdwnStrings(payload: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, parentType?: string) => {
    if (Array.isArray(v)) {
      for (const x of v) walk(x, parentType);
      return;
    }
    if (!v || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    for (const [k, x] of Object.entries(o)) {
      if (typeof x === "string") {
        if (k === "text" && o.type !== "plain_text") out.push(x);
      } else walk(x, typeof o.type === "string" ? o.type : parentType);
    }
  };
  walk(typeof payload === "string" ? JSON.parse(payload) : payload);
  return out;
}

/** No injected Slack markup is live in what the app sent to Slack. */
export function expectInertInSlack(calls: { method: string; args: Record<string, any> }[]): void {
  for (const call of calls) {
    const args = {
      ...call.args,
      blocks: typeof call.args.blocks === "string" ? JSON.parse(call.args.blocks) : call.args.blocks,
    };
    for (const s of mrkdwnStrings(args)) {
      for (const re of LIVE_MARKUP) expect(s, `${call.method} renders live markup ${re}`).not.toMatch(re);
    }
  }
}

/** No injected HTML is live in a page. */
export function expectInertInHtml(html: string): void {
  expect(html).not.toMatch(/<script>alert/i);
  expect(html).not.toMatch(/<img src=x/i);
  expect(html).not.toMatch(/<svg onload/i);
}
