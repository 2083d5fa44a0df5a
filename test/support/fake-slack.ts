// A stand-in for the Slack Web API on loopback: the app's WebClient talks to it over real HTTP
// (SLACK_API_URL), and it answers the way Slack documents. Tests read what was called, and can
// make it fail (rate limits, outages, errors) to see what the app does then.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { manifestBotScopes } from "../../src/slack/doctor.js";

export interface SlackCall {
  method: string;
  args: Record<string, any>;
  at: number;
  /** The fake answered with an error (failNext): Slack did not act on it. */
  failed?: boolean;
  /** What the fake answered (the ts of a posted message, the id of an opened view). */
  result?: Record<string, any>;
  /** Slack acted on it, but the answer never reached the caller. */
  answerLost?: boolean;
}

type Failure = { status?: number; error?: string; retryAfter?: number; times: number };

/** A message as Slack keeps it in a channel (what conversations.history and .replies return). */
export interface StoredMessage {
  type: "message";
  ts: string;
  text?: string;
  blocks?: unknown;
  thread_ts?: string;
  user: string;
  bot_id: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  reply_count?: number;
}

export class FakeSlack {
  readonly calls: SlackCall[] = [];
  /** Bodies posted to response_url endpoints, by id. */
  readonly responses: { id: string; body: any; at: number }[] = [];
  readonly uploads: {
    fileId: string;
    filename?: string;
    content: Buffer;
    channel?: string;
    threadTs?: string;
    title?: string;
    comment?: string;
  }[] = [];
  /** Users findable by users.lookupByEmail / users.info. */
  readonly users = new Map<string, { id: string; email: string; name?: string; locale?: string; tz?: string }>();
  /** The bot token's scopes. Like Slack, e-mails (users.info profile.email, users.lookupByEmail)
   *  are given only with users:read.email. Sent as x-oauth-scopes on every answer, as Slack does;
   *  the manifest's scopes to begin with. */
  readonly scopes = new Set(manifestBotScopes());
  /** What each channel holds, oldest first: every message Slack accepted. */
  readonly messages = new Map<string, StoredMessage[]>();
  /** Slack's clock (message timestamps); the test's clock when a harness owns this fake. */
  now: () => number = Date.now;
  private lastTsMicros = 0;
  /** Calls Slack acts on but whose answer is lost: the connection is reset, or held unanswered. */
  private lost = new Map<string, { how: "reset" | "hang" }[]>();
  private held = new Set<import("node:net").Socket>();
  private failures = new Map<string, Failure[]>();
  /** Calls answered late (ms) or never (null: Slack did not act, the caller's socket just waits). */
  private slow = new Map<string, (number | null)[]>();
  private server: Server | null = null;
  private seq = 0;
  private pendingUploads = new Map<string, { filename?: string; length: number; content?: Buffer }>();
  /** Files people shared with the app (a modal's file_input): files.info, then GET url_private with the bot token. */
  private sharedFiles = new Map<string, { name: string; content: Buffer }>();
  url = "";
  /**
   * Slack's rate limits, enforced when set, answered as Slack does (HTTP 429, Retry-After in
   * seconds): chat.postMessage about once a second per channel, and per-method workspace
   * limits per minute (Tier 3 ≈ 50, Tier 4 ≈ 100; chat.postMessage "several hundred").
   */
  limits: { perChannelPerSecond?: number; perMinute?: Record<string, number> } | null = null;
  /** Calls answered 429 by `limits`. */
  rateLimited = 0;
  private windows = new Map<string, number[]>();
  /** When set, every Web API call fails with this error (token_revoked, invalid_auth, account_inactive). */
  tokenError: string | null = null;
  /** Channels conversations.info knows, and whether the bot is a member. */
  readonly channels = new Map<string, { name: string; isMember: boolean; isPrivate?: boolean }>([
    ["C_ADMIN", { name: "it-admin", isMember: true, isPrivate: true }],
  ]);

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** SLACK_API_URL for the app. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/respond/${id}`;
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
    // Before waiting: a held (never answered) request would otherwise keep close() open forever.
    this.server?.closeAllConnections();
    await closed;
  }

  addUser(u: { id: string; email: string; name?: string; locale?: string; tz?: string }) {
    this.users.set(u.id, u);
  }

  /** A file a user picked in a file_input; returns its id for the view submission. */
  addFile(f: { id?: string; name: string; content: string | Buffer }): string {
    const id = f.id ?? `F${++this.seq}`;
    this.sharedFiles.set(id, {
      name: f.name,
      content: Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
    });
    return id;
  }

  /** The next `times` calls of `method` fail: an HTTP status, or ok:false with `error`. */
  failNext(method: string, f: Omit<Failure, "times"> & { times?: number }) {
    const list = this.failures.get(method) ?? [];
    list.push({ times: 1, ...f });
    this.failures.set(method, list);
  }

  /** The next call of `method` is answered after `ms` (as usual), or never when `ms` is null. */
  slowNext(method: string, ms: number | null) {
    this.slow.set(method, [...(this.slow.get(method) ?? []), ms]);
  }

  /** The next `times` calls of `method` are carried out, but the answer never arrives (reset). */
  loseAnswerNext(method: string, times = 1, how: "reset" | "hang" = "reset") {
    this.lost.set(method, [...(this.lost.get(method) ?? []), ...Array.from({ length: times }, () => ({ how }))]);
  }

  /** Resets the connections of answers held back ("hang"): what a dying process's sockets see. */
  dropHeld() {
    for (const s of this.held) s.destroy();
    this.held.clear();
  }

  /** Calls Slack acted on (failed ones left out). */
  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method && !c.failed);
  }

  /** Messages posted to a channel (chat.postMessage), optionally only top-level ones. */
  posts(channel?: string): Record<string, any>[] {
    // A DM posted to a user id lands in the app's DM with them (channel D…).
    return this.callsTo("chat.postMessage")
      .filter((c) => !channel || c.args.channel === channel || c.result?.channel === channel)
      .map((c) => c.args);
  }

  reset() {
    this.calls.length = 0;
    this.responses.length = 0;
    this.uploads.length = 0;
    this.failures.clear();
    this.slow.clear();
    this.lost.clear();
    this.messages.clear();
    this.tokenError = null;
    this.limits = null;
    this.rateLimited = 0;
    this.windows.clear();
    this.scopes.clear();
    for (const s of manifestBotScopes()) this.scopes.add(s);
  }

  private async handle(req: IncomingMessage, res: import("node:http").ServerResponse) {
    const raw = await readBody(req);
    const path = (req.url ?? "").split("?")[0]!;
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    if (path.startsWith("/respond/")) {
      this.responses.push({ id: path.slice("/respond/".length), body: parseJson(raw.toString()), at: Date.now() });
      return json(200, { ok: true });
    }
    if (path.startsWith("/upload/")) {
      const id = path.slice("/upload/".length);
      const pending = this.pendingUploads.get(id);
      const content = extractMultipartFile(raw, req.headers["content-type"]) ?? raw;
      // The upload URL was made for the length files.getUploadURLExternal was told: other bytes are refused.
      if (!pending || content.length !== pending.length) {
        res.writeHead(400, { "content-type": "text/plain" });
        return res.end(`expected ${pending?.length ?? "no"} bytes, got ${content.length}`);
      }
      pending.content = content;
      res.writeHead(200, { "content-type": "text/plain" });
      return res.end(`OK - ${raw.length}`);
    }
    if (path.startsWith("/files/")) {
      const file = this.sharedFiles.get(path.slice("/files/".length));
      // Like Slack: url_private answers only with a bot token.
      if (!file || !/^Bearer xox/.test(req.headers.authorization ?? ""))
        return json(404, { ok: false, error: "file_not_found" });
      res.writeHead(200, { "content-type": "text/csv" });
      return res.end(file.content);
    }
    if (!path.startsWith("/api/")) return json(404, { ok: false, error: "unknown_path" });
    const method = path.slice("/api/".length);
    const args = parseArgs(raw.toString(), req.headers["content-type"]);
    const call: SlackCall = { method, args, at: Date.now() };
    this.calls.push(call);
    if (this.tokenError) {
      call.failed = true;
      return json(200, { ok: false, error: this.tokenError });
    }
    const delay = this.slow.get(method)?.shift();
    if (delay === null) {
      call.failed = true; // never answered: Slack did not act on it
      return;
    }
    if (delay) await new Promise((r) => setTimeout(r, delay));

    const retryAfter = this.overLimit(method, args);
    if (retryAfter !== null) {
      call.failed = true;
      this.rateLimited++;
      return json(429, { ok: false, error: "ratelimited" }, { "retry-after": String(retryAfter) });
    }

    const queue = this.failures.get(method);
    const failure = queue?.[0];
    if (failure) {
      call.failed = true;
      if (--failure.times <= 0) queue!.shift();
      if (failure.retryAfter !== undefined) {
        return json(429, { ok: false, error: "ratelimited" }, { "retry-after": String(failure.retryAfter) });
      }
      if (failure.status) return json(failure.status, { ok: false, error: "internal_error" });
      return json(200, { ok: false, error: failure.error ?? "internal_error" });
    }
    call.result = this.answer(method, args);
    // Refused: nothing was posted.
    if (method === "chat.postMessage" && !call.result.ok) call.failed = true;
    const lost = call.result.ok ? this.lost.get(method)?.shift() : undefined;
    if (lost) {
      // Done on Slack's side; the caller sees a reset connection, or waits for nothing.
      call.answerLost = true;
      if (lost.how === "hang") this.held.add(req.socket);
      else req.socket.destroy();
      return;
    }
    json(200, call.result, { "x-oauth-scopes": [...this.scopes].join(",") });
  }

  /**
   * conversations.history (a channel's top-level messages, newest first) and conversations.replies
   * (a thread: its parent, then replies oldest first), as Slack documents them: oldest/latest
   * bounds exclusive unless `inclusive`, `limit` (default 100, at most 999), a cursor for the next
   * page, and metadata only with include_all_metadata. Reading needs channels:history (groups:history
   * for a private channel), and a private channel the bot is not in does not exist for it.
   */
  private readChannel(method: string, args: Record<string, any>): Record<string, unknown> {
    const id = String(args.channel);
    const known = this.channels.get(id);
    if (known?.isPrivate && !known.isMember) return { ok: false, error: "channel_not_found" };
    const scope = known?.isPrivate ? "groups:history" : "channels:history";
    if (!this.scopes.has(scope)) return { ok: false, error: "missing_scope", needed: scope };
    if (known && !known.isMember) return { ok: false, error: "not_in_channel" };
    const all = this.messages.get(id) ?? [];
    const inclusive = args.inclusive === true || args.inclusive === "true" || args.inclusive === "1";
    const oldest = args.oldest ? tsKey(String(args.oldest)) : null;
    const latest = args.latest ? tsKey(String(args.latest)) : null;
    const inRange = (m: StoredMessage) => {
      const k = tsKey(m.ts);
      if (oldest !== null && (inclusive ? k < oldest : k <= oldest)) return false;
      if (latest !== null && (inclusive ? k > latest : k >= latest)) return false;
      return true;
    };
    let list: StoredMessage[];
    if (method === "conversations.replies") {
      const parent = all.find((m) => m.ts === String(args.ts));
      if (!parent) return { ok: false, error: "thread_not_found" };
      const replies = all.filter((m) => m.thread_ts === parent.ts && m.ts !== parent.ts);
      list = [{ ...parent, thread_ts: parent.ts, reply_count: replies.length }, ...replies].filter(inRange);
    } else {
      list = all
        .filter((m) => !m.thread_ts || m.thread_ts === m.ts)
        .filter(inRange)
        .reverse();
    }
    const limit = Math.min(Math.max(Number(args.limit) || 100, 1), 999);
    const start = args.cursor ? Number(Buffer.from(String(args.cursor), "base64").toString().split(":")[1]) : 0;
    const page = list.slice(start, start + limit);
    const more = start + limit < list.length;
    const withMetadata = args.include_all_metadata === true || args.include_all_metadata === "true";
    return {
      ok: true,
      messages: page.map(({ metadata, ...m }) => (withMetadata && metadata ? { ...m, metadata } : m)),
      has_more: more,
      response_metadata: { next_cursor: more ? Buffer.from(`offset:${start + limit}`).toString("base64") : "" },
    };
  }

  /** Seconds to wait when this call is over a limit, else null (and the call counts). */
  private overLimit(method: string, args: Record<string, any>): number | null {
    if (!this.limits) return null;
    const now = Date.now();
    const checks: [string, number, number][] = [];
    const perMinute = this.limits.perMinute?.[method];
    if (perMinute) checks.push([`m:${method}`, perMinute, 60_000]);
    if (method === "chat.postMessage" && this.limits.perChannelPerSecond && args.channel)
      checks.push([`c:${args.channel}`, this.limits.perChannelPerSecond, 1000]);
    for (const [key, limit, windowMs] of checks) {
      const w = this.windows.get(key) ?? [];
      while (w.length && w[0]! <= now - windowMs) w.shift();
      this.windows.set(key, w);
      if (w.length >= limit) return Math.max(1, Math.ceil((w[0]! + windowMs - now) / 1000));
    }
    for (const [key] of checks) this.windows.get(key)!.push(now);
    return null;
  }

  private answer(method: string, args: Record<string, any>): Record<string, unknown> {
    const ts = () => {
      ++this.seq;
      this.lastTsMicros = Math.max(Math.floor(this.now()) * 1000, this.lastTsMicros + 1);
      return `${Math.floor(this.lastTsMicros / 1e6)}.${String(this.lastTsMicros % 1e6).padStart(6, "0")}`;
    };
    switch (method) {
      case "auth.test":
        return { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1", user: "lostbot" };
      case "chat.postMessage": {
        if (!args.channel) return { ok: false, error: "channel_not_found" };
        if (!args.text && !args.blocks && !args.attachments) return { ok: false, error: "no_text" };
        // A channel the bot was removed from: public ones say so, private ones vanish.
        const known = this.channels.get(String(args.channel));
        if (known && !known.isMember)
          return { ok: false, error: known.isPrivate ? "channel_not_found" : "not_in_channel" };
        const messageTs = ts();
        const stored: StoredMessage = {
          type: "message",
          ts: messageTs,
          text: args.text,
          blocks: parseMaybe(args.blocks),
          user: "UBOT",
          bot_id: "BBOT",
          ...(args.thread_ts ? { thread_ts: String(args.thread_ts) } : {}),
          ...(args.metadata ? { metadata: parseMaybe(args.metadata) } : {}),
        };
        const list = this.messages.get(String(args.channel)) ?? [];
        list.push(stored);
        this.messages.set(String(args.channel), list);
        return {
          ok: true,
          // Posted to a user id: Slack answers with the app's DM channel with them.
          channel: /^[UW]/.test(String(args.channel)) ? `D${args.channel}` : args.channel,
          ts: messageTs,
          message: { text: args.text, blocks: parseMaybe(args.blocks), ts: messageTs },
        };
      }
      case "chat.update":
        if (!args.ts) return { ok: false, error: "message_not_found" };
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case "chat.postEphemeral":
        return { ok: true, message_ts: ts() };
      case "views.open":
      case "views.push":
      case "views.update":
      case "views.publish":
        return { ok: true, view: { id: `V${++this.seq}`, ...parseMaybe(args.view) } };
      case "conversations.history":
      case "conversations.replies":
        return this.readChannel(method, args);
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(args.users ?? "").split(",")[0]}` } };
      case "users.lookupByEmail": {
        if (!this.scopes.has("users:read.email"))
          return {
            ok: false,
            error: "missing_scope",
            needed: "users:read.email",
            provided: [...this.scopes].join(","),
          };
        const u = [...this.users.values()].find((x) => x.email.toLowerCase() === String(args.email).toLowerCase());
        return u
          ? { ok: true, user: toSlackUser(u, this.scopes.has("users:read.email")) }
          : { ok: false, error: "users_not_found" };
      }
      case "users.info": {
        if (!this.scopes.has("users:read")) return { ok: false, error: "missing_scope", needed: "users:read" };
        const u = this.users.get(String(args.user));
        return u
          ? { ok: true, user: toSlackUser(u, this.scopes.has("users:read.email")) }
          : { ok: false, error: "user_not_found" };
      }
      case "users.list":
        if (!this.scopes.has("users:read")) return { ok: false, error: "missing_scope", needed: "users:read" };
        return {
          ok: true,
          members: [...this.users.values()].map((u) => toSlackUser(u, this.scopes.has("users:read.email"))),
          response_metadata: { next_cursor: "" },
        };
      case "conversations.info": {
        // A private channel the bot is not in is invisible to it: channel_not_found, as Slack says.
        const c = this.channels.get(String(args.channel));
        if (!c || (c.isPrivate && !c.isMember)) return { ok: false, error: "channel_not_found" };
        return {
          ok: true,
          channel: { id: args.channel, name: c.name, is_private: Boolean(c.isPrivate), is_member: c.isMember },
        };
      }
      case "files.info": {
        const f = this.sharedFiles.get(String(args.file));
        if (!f) return { ok: false, error: "file_not_found" };
        const url = `${this.url}/files/${String(args.file)}`;
        return {
          ok: true,
          file: { id: args.file, name: f.name, size: f.content.length, url_private: url, url_private_download: url },
        };
      }
      case "files.getUploadURLExternal": {
        // Like Slack, the file's name and its length in bytes are both required, before any byte is sent.
        const length = Number(args.length);
        if (!args.filename || !Number.isInteger(length) || length < 0) return { ok: false, error: "invalid_arguments" };
        const fileId = `F${++this.seq}`;
        this.pendingUploads.set(fileId, { filename: args.filename, length });
        return { ok: true, upload_url: `${this.url}/upload/${fileId}`, file_id: fileId };
      }
      case "files.completeUploadExternal": {
        const files = parseMaybe(args.files) as { id: string; title?: string }[];
        for (const f of files) {
          const p = this.pendingUploads.get(f.id);
          this.uploads.push({
            fileId: f.id,
            filename: p?.filename,
            content: p?.content ?? Buffer.alloc(0),
            channel: args.channel_id,
            threadTs: args.thread_ts,
            title: f.title,
            comment: args.initial_comment,
          });
        }
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
      }
      default:
        return { ok: true };
    }
  }
}

const tsKey = (ts: string) => BigInt(ts.replace(".", "").padEnd(16, "0"));

function toSlackUser(u: { id: string; email: string; name?: string; locale?: string; tz?: string }, withEmail = true) {
  const profile = { ...(withEmail ? { email: u.email } : {}), real_name: u.name, display_name: u.name };
  return { id: u.id, name: u.name, real_name: u.name, tz: u.tz ?? "Asia/Tokyo", locale: u.locale ?? "ja-JP", profile };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function parseJson(s: string): any {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

function parseMaybe(v: unknown): any {
  return typeof v === "string" ? parseJson(v) : v;
}

/** WebClient posts form-encoded args with objects as JSON strings; some calls post JSON. */
function parseArgs(body: string, contentType = ""): Record<string, any> {
  if (contentType.includes("application/json")) return parseJson(body) ?? {};
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    out[k] = /^[[{]/.test(v) ? parseJson(v) : v;
  }
  return out;
}

function extractMultipartFile(raw: Buffer, contentType = ""): Buffer | null {
  const m = /boundary=(.+)$/.exec(contentType);
  if (!m) return null;
  const text = raw.toString("latin1");
  const start = text.indexOf("\r\n\r\n");
  const end = text.lastIndexOf(`\r\n--${m[1]}`);
  if (start < 0 || end < 0) return null;
  return Buffer.from(text.slice(start + 4, end), "latin1");
}
