// Sends requests to /slack/events exactly as Slack does: form- or JSON-encoded, signed with the
// signing secret (v0 HMAC-SHA256 over "v0:<timestamp>:<body>").
import { createHmac } from "node:crypto";
import { threadId } from "node:worker_threads";
import { sequence } from "./sequence.js";

// The app drops a second request with the same trigger or event id, and the bench sends from several threads that each
// load this module: the process and thread keep ids apart, a counter keeps them repeatable.
const origin = `${process.pid}-${threadId}-`;
const nextTrigger = sequence(`trigger-${origin}`);
const nextEvent = sequence(`Ev${origin}`);

export const SIGNING_SECRET = "test-signing-secret";

export interface SlackPost {
  status: number;
  body: string;
  json(): any;
  ms: number;
  /** The answer's headers (Retry-After on a 503), when the transport gives them. */
  headers?: Headers;
}

/** POSTs `body` to `url` and returns the answer. */
export type Transport = (
  url: string,
  headers: Record<string, string>,
  body: string,
) => Promise<{ status: number; text: string; headers?: Headers }>;

const fetchTransport: Transport = async (url, headers, body) => {
  const res = await fetch(url, { method: "POST", headers, body });
  return { status: res.status, text: await res.text(), headers: res.headers };
};

export class SlackRequests {
  constructor(
    private readonly appUrl: string,
    private readonly responseUrl: (id: string) => string,
    private readonly secret = SIGNING_SECRET,
    private readonly now: () => number = () => Date.now(),
    private readonly opts: {
      /**
       * The app acks most payloads on arrival and works after; when given, each send also waits
       * for that work (unless `settle: false`), so a test reads its outcome without polling.
       */
      settled?: () => Promise<void>;
      /** How the bytes travel; fetch unless given (the bench brings a leaner keep-alive client). */
      transport?: Transport;
    } = {},
  ) {}

  async send(
    body: string,
    contentType: string,
    opts: { timestamp?: number; signature?: string; headers?: Record<string, string>; settle?: boolean } = {},
  ): Promise<SlackPost> {
    const timestamp = opts.timestamp ?? Math.floor(this.now() / 1000);
    const signature = opts.signature ?? sign(this.secret, timestamp, body);
    const headers = {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signature,
      ...opts.headers,
    };
    const started = performance.now();
    const res = await (this.opts.transport ?? fetchTransport)(`${this.appUrl}/slack/events`, headers, body);
    const ms = performance.now() - started;
    if (this.opts.settled && opts.settle !== false) await this.opts.settled();
    return { status: res.status, body: res.text, json: () => JSON.parse(res.text), ms, headers: res.headers };
  }

  slashCommand(
    p: { command: string; text?: string; user: string; channel?: string; triggerId?: string; responseId?: string },
    opts?: Parameters<SlackRequests["send"]>[2],
  ) {
    const form = new URLSearchParams({
      token: "legacy",
      team_id: "T1",
      team_domain: "example",
      channel_id: p.channel ?? "C_GENERAL",
      channel_name: "general",
      user_id: p.user,
      user_name: p.user.toLowerCase(),
      command: p.command,
      text: p.text ?? "",
      api_app_id: "A1",
      response_url: this.responseUrl(p.responseId ?? `cmd-${p.user}`),
      trigger_id: p.triggerId ?? `${nextTrigger()}`,
    });
    return this.send(form.toString(), "application/x-www-form-urlencoded", opts);
  }

  /** A button click (block_actions) on a message or a view. */
  blockAction(
    p: {
      user: string;
      actionId: string;
      value?: string;
      channel?: string;
      messageTs?: string;
      triggerId?: string;
      responseId?: string;
      view?: Record<string, unknown>;
      blockId?: string;
      selectedOption?: string;
    },
    opts?: Parameters<SlackRequests["send"]>[2],
  ) {
    const action: Record<string, unknown> = {
      type: p.selectedOption ? "static_select" : "button",
      action_id: p.actionId,
      block_id: p.blockId ?? "actions",
      action_ts: String(this.now() / 1000),
    };
    if (p.value !== undefined) action.value = p.value;
    if (p.selectedOption)
      action.selected_option = { value: p.selectedOption, text: { type: "plain_text", text: p.selectedOption } };
    const payload: Record<string, unknown> = {
      type: "block_actions",
      team: { id: "T1", domain: "example" },
      user: { id: p.user, username: p.user.toLowerCase(), team_id: "T1" },
      api_app_id: "A1",
      token: "legacy",
      trigger_id: p.triggerId ?? `${nextTrigger()}`,
      response_url: this.responseUrl(p.responseId ?? `action-${p.user}`),
      actions: [action],
    };
    if (p.view) {
      // From a view (App Home, modal) Slack sends the view and no response_url: a reply goes
      // another way (views.*, chat.postMessage).
      payload.view = p.view;
      payload.container = { type: "view", view_id: p.view.id ?? "V1" };
      delete payload.response_url;
    } else {
      payload.container = {
        type: "message",
        message_ts: p.messageTs ?? "1700000001.000001",
        channel_id: p.channel ?? "C_ADMIN",
        is_ephemeral: false,
      };
      payload.channel = { id: p.channel ?? "C_ADMIN", name: "admin" };
      payload.message = { ts: p.messageTs ?? "1700000001.000001", text: "", blocks: [] };
    }
    return this.sendPayload(payload, opts);
  }

  /** An external_select asking for its options as someone types (block_suggestion); Slack waits for the answer. */
  blockSuggestion(
    p: { user: string; actionId: string; blockId: string; value: string; channel?: string; messageTs?: string },
    opts?: Parameters<SlackRequests["send"]>[2],
  ) {
    return this.sendPayload(
      {
        type: "block_suggestion",
        user: { id: p.user, username: p.user.toLowerCase(), team_id: "T1" },
        container: {
          type: "message",
          message_ts: p.messageTs ?? "1700000001.000001",
          channel_id: p.channel ?? "C_ADMIN",
          is_ephemeral: false,
        },
        api_app_id: "A1",
        token: "legacy",
        action_id: p.actionId,
        block_id: p.blockId,
        value: p.value,
        team: { id: "T1", domain: "example" },
        channel: { id: p.channel ?? "C_ADMIN", name: "admin" },
      },
      opts,
    );
  }

  /**
   * A modal submitted. `values` is { blockId: { actionId: value } } where value is a string
   * (plain_text_input), { selected: "x" } (static_select), or { selectedOptions: [...] } (checkboxes).
   */
  viewSubmission(
    p: { user: string; callbackId: string; privateMetadata?: string; values: Record<string, Record<string, unknown>> },
    opts?: Parameters<SlackRequests["send"]>[2],
  ) {
    const state: Record<string, Record<string, unknown>> = {};
    for (const [blockId, actions] of Object.entries(p.values)) {
      state[blockId] = {};
      for (const [actionId, v] of Object.entries(actions)) {
        state[blockId]![actionId] = toStateValue(v);
      }
    }
    const payload = {
      type: "view_submission",
      team: { id: "T1", domain: "example" },
      user: { id: p.user, username: p.user.toLowerCase(), team_id: "T1" },
      api_app_id: "A1",
      token: "legacy",
      trigger_id: `${nextTrigger()}`,
      view: {
        id: "V123",
        type: "modal",
        callback_id: p.callbackId,
        private_metadata: p.privateMetadata ?? "",
        state: { values: state },
        hash: "h",
      },
      response_urls: [],
    };
    return this.sendPayload(payload, opts);
  }

  /** Events API callback (e.g. app_home_opened). */
  event(event: Record<string, unknown>, opts?: Parameters<SlackRequests["send"]>[2] & { eventId?: string }) {
    const body = JSON.stringify({
      token: "legacy",
      team_id: "T1",
      api_app_id: "A1",
      type: "event_callback",
      event_id: opts?.eventId ?? `${nextEvent()}`,
      event_time: Math.floor(this.now() / 1000),
      event,
    });
    return this.send(body, "application/json", opts);
  }

  shortcut(p: { user: string; callbackId: string; triggerId?: string }, opts?: Parameters<SlackRequests["send"]>[2]) {
    return this.sendPayload(
      {
        type: "shortcut",
        callback_id: p.callbackId,
        team: { id: "T1", domain: "example" },
        user: { id: p.user, username: p.user.toLowerCase(), team_id: "T1" },
        trigger_id: p.triggerId ?? `${nextTrigger()}`,
        token: "legacy",
        action_ts: String(this.now() / 1000),
      },
      opts,
    );
  }

  private sendPayload(payload: Record<string, unknown>, opts?: Parameters<SlackRequests["send"]>[2]) {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.send(body, "application/x-www-form-urlencoded", opts);
  }
}

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

function toStateValue(v: unknown): Record<string, unknown> {
  if (typeof v === "string") return { type: "plain_text_input", value: v };
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("selected" in o)
      return {
        type: "static_select",
        selected_option:
          o.selected === null ? null : { value: o.selected, text: { type: "plain_text", text: String(o.selected) } },
      };
    if ("selectedOptions" in o)
      return {
        type: "checkboxes",
        selected_options: (o.selectedOptions as string[]).map((value) => ({
          value,
          text: { type: "plain_text", text: value },
        })),
      };
    if ("date" in o) return { type: "datepicker", selected_date: o.date };
    if ("files" in o) return { type: "file_input", files: o.files };
    return o;
  }
  return { type: "plain_text_input", value: null };
}
