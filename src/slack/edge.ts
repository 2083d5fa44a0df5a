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
// test/security/slack-edge.test.ts drives hostile values through every builder.
// plain_text (modal titles, buttons, headers, options) and file names Slack shows literally.
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
  const guard = (s: string): string => {
    if (!s.includes(OPEN)) return escapeForeign(s.replace(CLOSE, ""));
    return s
      .split(OPEN)
      .map((part, i) => {
        if (i === 0) return escapeForeign(part.replaceAll(CLOSE, ""));
        const end = part.indexOf(CLOSE);
        return end === -1
          ? escapeForeign(part)
          : part.slice(0, end) + escapeForeign(part.slice(end + 1).replaceAll(CLOSE, ""));
      })
      .join("");
  };
  const strip = (s: string) => (s.includes(OPEN) || s.includes(CLOSE) ? s.replace(/[\uE000\uE001]/g, "") : s);
  const walk = (v: unknown, key: string | null, parent: Record<string, unknown> | null, inFields: boolean): unknown => {
    if (typeof v === "string") {
      const mrkdwn =
        key !== null &&
        parent?.type !== "plain_text" &&
        (MRKDWN_KEYS.has(key) || (inFields && (key === "value" || key === "title")));
      return mrkdwn ? guard(v) : strip(v);
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
  return walk(payload, null, null, false) as T;
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
