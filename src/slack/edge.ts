// One guard at the Slack edge (decision 0151). Every payload on its way to Slack — Web API calls
// from the outbox and from listeners, response_url replies — passes through `renderForSlack`.
// In every string Slack reads as mrkdwn (top-level `text`, mrkdwn text objects, attachment text
// and fields, file comments), Slack's control sequences are shown as text unless they are ours:
// broadcasts (`<!channel>`, `<!here>`, `<!everyone>`, `<!subteam^…>`) are never ours, and a link
// `<url|label>` is ours only when it points at the portal (PUBLIC_URL) or a vendor console we
// send admins to. So a value that slipped past its builder's escaping cannot ping a channel or
// show a disguised link. Mentions (`<@U…>`, `<#C…>`, `<!subteam^…>`) are ours only when a builder
// made them with `slackMention` / `slackGroupMention` from an id (the admin who acted, the
// escalation group): one typed into a device name, a reason or an app id is shown as text.
// Formatting (`*bold*`, `_x_`, `~x~`, backticks) cannot be told from ours once a value sits in a
// string, so builders put every value people, forms and devices sent through `slackText` (kit's
// escapeMrkdwn): the value is marked, and the edge shows it as text wherever it lands — in mrkdwn
// escaped and with its formatting characters (and a `>` opening a line: a quote) replaced by
// look-alikes that format nothing, in
// plain_text (modal titles, buttons, headers, options), file names and values exactly as typed.
// Every string also loses NUL and has lone surrogates replaced (Slack refuses both in JSON).
// test/security/slack-edge.test.ts drives hostile values through every builder and notification.
import type { WebClient } from "@slack/web-api";

const VENDOR_HOSTS = [
  "identity.apple.com",
  "business.apple.com",
  "school.apple.com",
  "accounts.google.com",
  "www.google.com",
  "maps.google.com",
  "play.google.com",
];

export interface EdgeOptions {
  /** The portal's address (PUBLIC_URL): its links are ours. */
  publicUrl?: string;
}

/** Keys whose string values Slack parses as mrkdwn (outside a plain_text object). */
const MRKDWN_KEYS = new Set(["text", "pretext", "fallback", "initial_comment", "footer"]);
const CONTROL = /<([^<>]*)>/g;
const OPEN = "\uE000";
const CLOSE = "\uE001";
/** Around a value people, forms or devices sent (slackText): text wherever it lands. */
const TEXT_OPEN = "\uE002";
const TEXT_CLOSE = "\uE003";
const MARKERS = /[\uE000-\uE003]/g;
const TEXT_SPAN = /\uE002([^\uE002\uE003]*)\uE003?/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the characters removed
const BROKEN = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Look-alikes Slack formats nothing with, one character each (so nothing outgrows its limit). */
const UNFORMAT: Record<string, string> = { "*": "\u2217", "~": "\u223C", "`": "\u02CB", _: "\uFF3F" };
const WORD = /[\p{L}\p{N}]/u;

/**
 * A value a person, a form or a device sent (a device name, a reason, an app id), as it goes into
 * a message. Escaped for mrkdwn now, so every length limit counts what Slack will get; the edge
 * then removes its formatting in mrkdwn, or restores it exactly as typed in plain text.
 */
export function slackText(s: string): string {
  // Already marked (a helper's value passed on): escaped once, not twice.
  if (/^\uE002[^\uE000-\uE003]*\uE003$/.test(s)) return s;
  const text = s.replace(MARKERS, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `${TEXT_OPEN}${text}${TEXT_CLOSE}`;
}

/**
 * A marked value in mrkdwn: `*`, `~` and backticks never format; `_` only inside a word
 * (snake_case, e-mail); a `>` that would start a line (a block quote) is a look-alike.
 */
function unformat(text: string, atLineStart: boolean): string {
  return text
    .replace(/[*~`_]/g, (c, i: number) =>
      c === "_" && WORD.test(text[i - 1] ?? "") && WORD.test(text[i + 1] ?? "") ? c : UNFORMAT[c]!,
    )
    .replace(/(^|\n)&gt;/g, (all, nl: string, i: number) => (i === 0 && !nl && !atLineStart ? all : `${nl}\uFF1E`));
}

const unescapeMrkdwn = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
/**
 * Markup an admin configured on purpose (the internal policy document's link): passed through
 * the edge as it is. Never for a value a person, a form or a device sent.
 */
export function slackMarkup(s: string): string {
  return `${OPEN}${s.replace(/[\uE000\uE001]/g, "")}${CLOSE}`;
}

/** A mention of a Slack member the bot names (the admin who acted), by member id; any other value is text. */
export function slackMention(userId: string): string {
  return /^[UW][A-Z0-9]{2,20}$/.test(userId) ? slackMarkup(`<@${userId}>`) : userId;
}

/** A mention of a Slack user group (the escalation group), by its id; any other value is text. */
export function slackGroupMention(groupId: string): string {
  return /^S[A-Z0-9]{2,20}$/.test(groupId) ? slackMarkup(`<!subteam^${groupId}>`) : groupId;
}

export function renderForSlack<T>(payload: T, opts: EdgeOptions = {}): T {
  const hosts = new Set(VENDOR_HOSTS);
  if (opts.publicUrl) {
    try {
      hosts.add(new URL(opts.publicUrl).host);
    } catch {
      /* not a URL: no portal links to keep */
    }
  }
  const ours = (inner: string): boolean => {
    const link = /^https?:\/\/([^/|?#\s]+)[^|\s]*(\|.*)?$/i.exec(inner);
    return !!link && hosts.has(link[1]!.toLowerCase());
  };
  const escapeForeign = (s: string) =>
    s.includes("<") ? s.replace(CONTROL, (all, inner: string) => (ours(inner) ? all : `&lt;${inner}&gt;`)) : s;
  const guard = (raw: string): string => {
    const s = raw.includes(TEXT_OPEN)
      ? raw.replace(TEXT_SPAN, (_all, text: string, at: number) =>
          unformat(text, /(^|\n)[\uE000-\uE003]*$/.test(raw.slice(Math.max(0, at - 8), at))),
        )
      : raw;
    if (!s.includes(OPEN)) return escapeForeign(s.replace(MARKERS, ""));
    return s
      .split(OPEN)
      .map((part, i) => {
        if (i === 0) return escapeForeign(part.replace(MARKERS, ""));
        const end = part.indexOf(CLOSE);
        return end === -1
          ? escapeForeign(part.replace(MARKERS, ""))
          : part.slice(0, end).replace(MARKERS, "") + escapeForeign(part.slice(end + 1).replace(MARKERS, ""));
      })
      .join("");
  };
  // Shown literally: a marked value as it was typed, markers gone.
  const strip = (s: string) =>
    /[\uE000-\uE003]/.test(s)
      ? s.replace(TEXT_SPAN, (_all, text: string) => unescapeMrkdwn(text)).replace(MARKERS, "")
      : s;
  const walk = (v: unknown, key: string | null, parent: Record<string, unknown> | null, inFields: boolean): unknown => {
    if (typeof v === "string") {
      const text = v.replace(BROKEN, (c) => (c === "\u0000" ? "" : "\uFFFD"));
      const mrkdwn =
        key !== null &&
        parent?.type !== "plain_text" &&
        (MRKDWN_KEYS.has(key) || (inFields && (key === "value" || key === "title")));
      return mrkdwn ? guard(text) : strip(text);
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, key, parent, inFields));
    // Plain objects only: file bytes, streams and class instances pass untouched.
    if (!v || typeof v !== "object" || ![Object.prototype, null].includes(Object.getPrototypeOf(v))) return v;
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) {
      // private_metadata is our JSON; ids, urls and values are data, not text.
      out[k] = k === "private_metadata" ? x : walk(x, k, o, inFields || (key === "attachments" && k === "fields"));
    }
    return out;
  };
  return fit(walk(payload, null, null, false)) as T;
}

/**
 * Slack's Block Kit limits for text, by where it sits (its documented maxima): a message or view
 * over one is refused whole (invalid_blocks), so a long value — a 5,000-character device name,
 * several long values in one line — is shortened here with "…", whichever builder made it.
 * Values (button values, private_metadata) are data and never shortened.
 */
const TEXT_LIMITS: Record<string, Record<string, number>> = {
  header: { text: 150 },
  section: { text: 3000, fields: 2000 },
  context: { elements: 3000 },
  input: { label: 2000, hint: 2000 },
  image: { title: 2000 },
  button: { text: 75 },
  modal: { title: 24, submit: 24, close: 24 },
};
const CONFIRM_LIMITS: Record<string, number> = { title: 100, text: 300, confirm: 30, deny: 30 };
const MESSAGE_TEXT_LIMIT = 40_000;

/** `s` in at most `max` characters, "…" last when shortened; never half a surrogate pair. */
export function clipText(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}\u2026`;
}

function fit(v: unknown, limit?: number, root = true): unknown {
  if (Array.isArray(v)) return v.map((x) => fit(x, limit, false));
  if (!v || typeof v !== "object" || ![Object.prototype, null].includes(Object.getPrototypeOf(v))) return v;
  const o = v as Record<string, unknown>;
  if ((o.type === "plain_text" || o.type === "mrkdwn") && typeof o.text === "string")
    return limit ? { ...o, text: clipText(o.text, limit) } : o;
  const own =
    typeof o.type === "string"
      ? TEXT_LIMITS[o.type]
      : "confirm" in o && "deny" in o
        ? CONFIRM_LIMITS
        : "value" in o && "text" in o
          ? { text: 75 } // an option
          : undefined;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) {
    if (root && k === "text" && typeof x === "string") out[k] = clipText(x, MESSAGE_TEXT_LIMIT);
    else if (k === "placeholder") out[k] = fit(x, 150, false);
    else out[k] = fit(x, own?.[k], false);
  }
  return out;
}

const GUARDED = Symbol("slack-edge");

type Requester = {
  makeRequest(url: string, body: unknown, headers?: Record<string, string>): Promise<unknown>;
  [GUARDED]?: true;
};

/**
 * Every Web API call this client makes goes through the edge. The client binds its method
 * shortcuts (`client.chat.postMessage`) at construction, so the hook is one level down, on the
 * request every call (file uploads' steps included) is made of. Idempotent.
 */
export function guardClient<C extends WebClient>(client: C, opts: EdgeOptions = {}): C {
  const c = client as unknown as Requester;
  if (c[GUARDED]) return client;
  const request = c.makeRequest.bind(client);
  c.makeRequest = (url, body, headers) => request(url, renderForSlack(body, opts), headers);
  c[GUARDED] = true;
  return client;
}

/** A fetch for Bolt's respond(): the JSON it posts to response_url goes through the edge too. */
export function guardedFetch(opts: EdgeOptions = {}): typeof fetch {
  return (input, init) => {
    if (init && typeof init.body === "string") {
      try {
        init = { ...init, body: JSON.stringify(renderForSlack(JSON.parse(init.body), opts)) };
      } catch {
        /* not JSON: sent as it is */
      }
    }
    return fetch(input, init);
  };
}
