// What a Slack client would show, rebuilt from the Web API calls the app made to the local
// stand-in (and the bodies it posted to response URLs): the channel with its threads and
// ephemeral messages, DMs, each person's App Home and open modals.
type Json = Record<string, any>;

export interface Recorded {
  calls: { method: string; args: Json; result?: Json; failed?: boolean }[];
  responses: { id: string; body: any }[];
}

export interface Msg {
  channel: string;
  ts: string;
  threadTs?: string;
  text: string;
  blocks: Json[];
  /** Ephemeral: only this user sees it. */
  onlyFor?: string;
  deleted?: boolean;
}

export interface OpenView {
  id: string;
  view: Json;
}

const parse = (v: unknown) => (typeof v === "string" ? safeJson(v) : v);
function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

export class SlackState {
  readonly messages: Msg[] = [];
  readonly homes = new Map<string, OpenView>();
  /** Modal stacks by user. */
  readonly modals = new Map<string, OpenView[]>();
  /** trigger_id → the user whose click it was (the preview makes the triggers). */
  readonly triggers = new Map<string, string>();
  /** Field errors a view_submission answered with, by view id. */
  readonly errors = new Map<string, Record<string, string>>();
  private seenCalls = 0;
  private seenResponses = 0;
  private seq = 0;

  constructor(private readonly source: Recorded) {}

  /** Applies what happened since the last look. */
  sync(): this {
    const { calls, responses } = this.source;
    for (; this.seenCalls < calls.length; this.seenCalls++) {
      const c = calls[this.seenCalls]!;
      if (!c.failed) this.apply(c.method, c.args, c.result ?? {});
    }
    for (; this.seenResponses < responses.length; this.seenResponses++) this.respond(responses[this.seenResponses]!);
    return this;
  }

  private apply(method: string, a: Json, r: Json) {
    const blocks = (parse(a.blocks) as Json[] | undefined) ?? [];
    const view = parse(a.view) as Json | undefined;
    switch (method) {
      case "chat.postMessage":
        this.messages.push({ channel: a.channel, ts: r.ts, threadTs: a.thread_ts, text: a.text ?? "", blocks });
        if (a.thread_ts && a.reply_broadcast)
          this.messages.push({ channel: a.channel, ts: `${r.ts}b`, text: a.text ?? "", blocks });
        break;
      case "chat.update": {
        const m = this.messages.find((x) => x.channel === a.channel && x.ts === a.ts);
        if (m) Object.assign(m, { text: a.text ?? m.text, blocks: a.blocks === undefined ? m.blocks : blocks });
        break;
      }
      case "chat.delete": {
        const m = this.messages.find((x) => x.channel === a.channel && x.ts === a.ts);
        if (m) m.deleted = true;
        break;
      }
      case "chat.postEphemeral":
        this.messages.push({
          channel: a.channel,
          ts: r.message_ts ?? this.localTs(),
          threadTs: a.thread_ts,
          text: a.text ?? "",
          blocks,
          onlyFor: a.user,
        });
        break;
      case "views.publish":
        if (view) this.homes.set(a.user_id, { id: r.view?.id ?? this.localTs(), view });
        break;
      case "views.open": {
        const user = this.triggers.get(a.trigger_id);
        if (user && view) this.modals.set(user, [{ id: r.view?.id ?? this.localTs(), view }]);
        break;
      }
      case "views.push": {
        const user = this.triggers.get(a.trigger_id);
        if (user && view)
          this.modals.set(user, [...(this.modals.get(user) ?? []), { id: r.view?.id ?? this.localTs(), view }]);
        break;
      }
      case "views.update": {
        if (!view) break;
        for (const stack of this.modals.values())
          for (const v of stack)
            if (v.id === a.view_id || (a.external_id && v.view.external_id === a.external_id)) v.view = view;
        for (const h of this.homes.values()) if (h.id === a.view_id) h.view = view;
        break;
      }
    }
  }

  /** A response_url body. The preview names each URL "<user>|<channel>|<message ts>". */
  private respond(r: { id: string; body: any }) {
    const [user, channel, ts] = decodeURIComponent(r.id).split("|");
    const body = (typeof r.body === "object" && r.body) || { text: String(r.body) };
    const target = this.messages.find((m) => m.channel === channel && m.ts === ts);
    if (body.delete_original && target) {
      target.deleted = true;
      return;
    }
    const blocks = (parse(body.blocks) as Json[] | undefined) ?? [];
    if (body.replace_original && target) return void Object.assign(target, { text: body.text ?? "", blocks });
    this.messages.push({
      channel: channel!,
      ts: this.localTs(),
      text: body.text ?? "",
      blocks,
      ...(body.response_type === "in_channel" ? {} : { onlyFor: user }),
    });
  }

  private localTs() {
    return `9${String(Date.now()).slice(-9)}.${String(++this.seq).padStart(6, "0")}`;
  }

  /** Top-level messages of a channel as `user` sees them, each with its thread. */
  channel(channel: string, user: string): { msg: Msg; replies: Msg[] }[] {
    const visible = this.messages.filter(
      (m) => m.channel === channel && !m.deleted && (!m.onlyFor || m.onlyFor === user),
    );
    return visible
      .filter((m) => !m.threadTs)
      .map((msg) => ({ msg, replies: visible.filter((r) => r.threadTs === msg.ts) }));
  }

  topModal(user: string): OpenView | undefined {
    return this.modals.get(user)?.at(-1);
  }

  closeTop(user: string) {
    const stack = this.modals.get(user) ?? [];
    stack.pop();
    if (!stack.length) this.modals.delete(user);
  }
}
