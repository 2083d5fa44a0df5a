// What the hostile-value suites look for in what reached Slack: one value carrying every kind of
// Slack markup, a walk over every string of a payload (knowing which ones Slack reads as mrkdwn),
// and a record, kept by the database itself, of which notifications ran.
import type { TestApp } from "../support/harness.js";

/** Broadcasts, mentions, a disguised link, every mrkdwn format character, an entity. */
export const H =
  "<!channel> <!here> <@U0EVIL> <#C0EVIL> <https://evil.example/x|click> *bold* _ital_ ~strike~ `code` &lt;b&gt;";
/** The same with no spaces, for fields that are one word (an Apple ID, a slash-command argument). */
export const H_WORD = "<!channel><@U0EVIL><https://evil.example/x|click>*bold*~strike~`code`";

/** What must never be live in mrkdwn, whatever the value held. */
export const LIVE: [string, RegExp][] = [
  ["broadcast", /<!(channel|here|everyone)/],
  ["mention", /<[@#][UWC]0EVIL/],
  ["link", /<https?:\/\/evil/],
  ["bold", /\*bold\*/],
  ["italic", /_ital_/],
  ["strike", /~strike~/],
  ["code", /`code`/],
  ["entity", /(?<!&amp;)&lt;b&gt;/], // the typed "&lt;" must show as typed, not as "<"
];
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the characters looked for
export const BROKEN = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uE000-\uE003]/;
const MRKDWN_KEYS = new Set(["text", "pretext", "fallback", "initial_comment", "footer"]);

/** Every string in a payload, with whether Slack reads it as mrkdwn. */
export function strings(v: unknown) {
  const out: { s: string; mrkdwn: boolean; path: string }[] = [];
  const walk = (x: unknown, k: string | null, p: Record<string, unknown> | null, path: string, fields: boolean) => {
    if (typeof x === "string") {
      const mrkdwn =
        k !== null && p?.type !== "plain_text" && (MRKDWN_KEYS.has(k) || (fields && (k === "value" || k === "title")));
      out.push({ s: x, mrkdwn, path });
    } else if (Array.isArray(x)) {
      for (const [i, y] of x.entries()) walk(y, k, p, `${path}[${i}]`, fields);
    } else if (x && typeof x === "object")
      for (const [kk, y] of Object.entries(x as Record<string, unknown>))
        if (kk !== "private_metadata")
          walk(
            y,
            kk,
            x as Record<string, unknown>,
            `${path}.${kk}`,
            fields || (k === "attachments" && kk === "fields"),
          );
  };
  walk(v, null, null, "", false);
  return out;
}

/** Everything live in mrkdwn, and every broken or marker character, in these payloads. */
export function leaks(payloads: { where: string; args: unknown }[]): string[] {
  const out: string[] = [];
  for (const { where, args } of payloads)
    for (const { s, mrkdwn, path } of strings(args)) {
      if (BROKEN.test(s)) out.push(`${where}${path}: broken or marker character`);
      if (mrkdwn)
        for (const [what, re] of LIVE)
          if (re.test(s)) out.push(`${where}${path}: live ${what} in ${JSON.stringify(s.slice(0, 160))}`);
    }
  return [...new Set(out)];
}

/** Every Web API call the fake Slack acted on, and every response_url reply. */
export function slackPayloads(t: TestApp) {
  return [
    ...t.slack.calls.filter((c) => !c.failed).map((c) => ({ where: c.method, args: c.args })),
    ...t.slack.responses.map((r) => ({ where: `response_url:${r.id}`, args: r.body })),
  ];
}

/** Which notifications ran, recorded by a trigger on SlackRender (one row per domain event Slack shows). */
export async function recordRenders(t: TestApp): Promise<void> {
  const db = t.db.prisma;
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS test_rendered (type text)`);
  await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_record_render() RETURNS trigger AS $$
    BEGIN INSERT INTO test_rendered VALUES (NEW.event->>'type'); RETURN NEW; END $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(
    `CREATE TRIGGER test_record_render AFTER INSERT ON "SlackRender" FOR EACH ROW EXECUTE FUNCTION test_record_render()`,
  );
}

export async function renderedKinds(t: TestApp): Promise<Set<string>> {
  const rows = await t.db.prisma.$queryRawUnsafe<{ type: string }[]>(`SELECT DISTINCT type FROM test_rendered`);
  return new Set(rows.map((r) => r.type));
}

export async function stopRecording(t: TestApp): Promise<void> {
  await t.db.prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_record_render ON "SlackRender"`);
  await t.db.prisma.$executeRawUnsafe(`DROP TABLE IF EXISTS test_rendered`);
}

/**
 * The notifications slack-edge-more-flows.test.ts drives (each needs its own drivers or a long
 * run of the clock); slack-edge-everywhere.test.ts drives every other one.
 */
export const DRIVEN_BY_MORE_FLOWS = [
  "report.edited",
  "device.located",
  "device.changed_on_device",
  "command.rechecked",
  "alert.resolved",
  "pushcert.override_requested",
  "pushcert.apple_id_change_requested",
  "command.approval",
  "incident.wipe_question",
  "checklist.reminder",
  "people.unlinked",
  "consent.requested",
  "consent.decided",
] as const;
