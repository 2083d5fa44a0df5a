// The preview's pages on the app itself (/preview): a Slack-like window onto what the app sent
// to the local stand-in, and the clicks, selections and modal submissions a person makes there
// sent back to /slack/events as Slack sends them, signed with the signing secret. Loopback only.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import express, { Router, type Request, type Response } from "express";
import { sign } from "../../test/support/slack-requests.js";
import { fromLoopback } from "../../src/web/routes/landing.js";
import { BlockRenderer, stateValues, type Container } from "./blocks.js";
import type { SlackState } from "./state.js";

type Json = Record<string, any>;

export interface PreviewUser {
  id: string;
  name: string;
  role: { ja: string; en: string };
}

export interface PreviewOptions {
  state: SlackState;
  users: PreviewUser[];
  adminChannel: string;
  signingSecret: string;
  /** The stand-in's response_url for an id. */
  responseUrl(id: string): string;
  /** The app's own address (known once it listens). */
  appUrl(): string;
  /** Resolves when the work a request started has reached the stand-in. */
  settle(): Promise<void>;
  /** Sets the language a preview user's Slack profile reports. */
  setLanguage(lang: "ja" | "en"): void;
}

const CSS = readFileSync(new URL("./preview.css", import.meta.url));
const esc = (s: string) =>
  String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const T = {
  ja: {
    banner: "プレビュー — Slack のローカル代替です。実際の Slack ワークスペースには何も送信されません。",
    as: "操作する人",
    channel: "チャンネル",
    dms: "ダイレクトメッセージ",
    home: "ホーム",
    app: "アプリ",
    report: "Web フォームで紛失を届け出る ↗",
    empty: "まだメッセージはありません。Web フォームから紛失を届け出ると、ここに表示されます。",
    thread: "スレッド",
    only: "あなただけに表示されています",
    composer: "/mdm help や /lost を入力",
    send: "送信",
    close: "閉じる",
    submit: "送信",
    sent: "Slack に送りました",
    setup: "セットアップ状況",
  },
  en: {
    banner: "PREVIEW — a local stand-in for Slack. Nothing is sent to a real Slack workspace.",
    as: "Acting as",
    channel: "Channels",
    dms: "Direct messages",
    home: "Home",
    app: "Apps",
    report: "Report a loss on the web form ↗",
    empty: "No messages yet. Report a loss on the web form and it appears here.",
    thread: "Thread",
    only: "Only visible to you",
    composer: "Type /mdm help or /lost",
    send: "Send",
    close: "Close",
    submit: "Submit",
    sent: "Sent to Slack",
    setup: "Setup state",
  },
} as const;

export function previewRoutes(o: PreviewOptions): Router {
  const r = Router();
  // Never from outside this machine, whatever PORT is exposed: the preview acts as any admin.
  r.use("/preview", (req, res, next) =>
    fromLoopback(req) ? next() : res.status(404).json({ error: "not_found", reason: "no such route" }),
  );
  r.get("/preview/assets/preview.css", (_req, res) => void res.type("text/css").send(CSS));

  const who = (req: Request) => (o.users.find((u) => u.id === req.query.as) ?? o.users[0]!).id;
  const langOf = (req: Request): "ja" | "en" => (req.query.lang === "en" ? "en" : "ja");
  const back = (req: Request, res: Response) => {
    const view = typeof req.query.view === "string" ? req.query.view : "channel";
    res.redirect(
      303,
      `/preview?as=${encodeURIComponent(who(req))}&lang=${langOf(req)}&view=${encodeURIComponent(view)}`,
    );
  };

  const post = async (body: string, contentType: string) => {
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(`${o.appUrl()}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": contentType,
        "x-slack-request-timestamp": String(ts),
        "x-slack-signature": sign(o.signingSecret, ts, body),
      },
      body,
    });
    const text = await res.text();
    await o.settle();
    return { status: res.status, text };
  };
  const postPayload = (payload: Json) =>
    post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded");
  const base = (user: string) => {
    const trigger = `preview-${randomUUID()}`;
    o.state.triggers.set(trigger, user);
    return {
      team: { id: "TPREVIEW", domain: "preview" },
      user: { id: user, username: user.toLowerCase(), team_id: "TPREVIEW" },
      api_app_id: "APREVIEW",
      token: "preview",
      trigger_id: trigger,
    };
  };
  const viewPayload = (id: string, view: Json) => ({
    id,
    type: view.type ?? "modal",
    callback_id: view.callback_id ?? "",
    private_metadata: view.private_metadata ?? "",
    external_id: view.external_id,
    hash: `h-${id}`,
    blocks: view.blocks ?? [],
    state: { values: {} },
  });

  r.get("/preview", (req, res) => {
    o.state.sync();
    const user = who(req);
    const lang = langOf(req);
    o.setLanguage(lang);
    res
      .set({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" })
      .send(page(o, user, lang, typeof req.query.view === "string" ? req.query.view : "channel"));
  });

  const form = express.urlencoded({ extended: false, limit: "256kb", parameterLimit: 500 });

  r.post("/preview/action", form, async (req, res) => {
    const user = who(req);
    const ctx = JSON.parse(String(req.body.ctx ?? "{}")) as {
      action_id: string;
      block_id: string;
      type: string;
      value?: string;
      where: Container;
      options?: { value: string; text?: string }[];
    };
    const action: Json = {
      type: ctx.type === "button" ? "button" : "static_select",
      action_id: ctx.action_id,
      block_id: ctx.block_id,
      action_ts: String(Date.now() / 1000),
    };
    if (ctx.type === "button") action.value = ctx.value;
    else {
      const v = String(req.body.selected ?? "");
      if (!v) return back(req, res);
      action.selected_option = {
        value: v,
        text: { type: "plain_text", text: ctx.options?.find((x) => x.value === v)?.text ?? v },
      };
    }
    const payload: Json = { type: "block_actions", ...base(user), actions: [action] };
    const w = ctx.where;
    if (w.type === "message") {
      o.state.sync();
      const msg = o.state.messages.find((m) => m.channel === w.channel && m.ts === w.ts);
      payload.container = {
        type: "message",
        message_ts: w.ts,
        channel_id: w.channel,
        is_ephemeral: Boolean(w.ephemeral),
      };
      payload.channel = { id: w.channel, name: w.channel === o.adminChannel ? "it-admin" : "directmessage" };
      payload.message = {
        ts: w.ts,
        text: msg?.text ?? "",
        blocks: msg?.blocks ?? [],
        ...(msg?.threadTs ? { thread_ts: msg.threadTs } : {}),
      };
      payload.response_url = o.responseUrl(encodeURIComponent(`${user}|${w.channel}|${w.ts}`));
    } else {
      const open = o.state.topModal(user)?.id === w.viewId ? o.state.topModal(user) : o.state.homes.get(user);
      payload.container = { type: "view", view_id: w.viewId };
      if (open) payload.view = viewPayload(open.id, open.view);
    }
    await postPayload(payload);
    back(req, res);
  });

  r.post("/preview/submit", form, async (req, res) => {
    const user = who(req);
    o.state.sync();
    const open = o.state.topModal(user);
    if (!open) return back(req, res);
    const values = stateValues(req.body as Record<string, string | string[]>, open.view);
    const payload = {
      type: "view_submission",
      ...base(user),
      view: { ...viewPayload(open.id, open.view), state: { values } },
      response_urls: [],
    };
    const answer = await postPayload(payload);
    let body: Json = {};
    try {
      body = answer.text ? (JSON.parse(answer.text) as Json) : {};
    } catch {}
    o.state.errors.delete(open.id);
    if (answer.status !== 200) o.state.errors.set(open.id, { _: `HTTP ${answer.status}` });
    else if (body.response_action === "errors") o.state.errors.set(open.id, body.errors ?? {});
    else if (body.response_action === "update" && body.view) open.view = body.view;
    else if (body.response_action === "push" && body.view)
      o.state.modals.get(user)!.push({ id: `VP${Date.now()}`, view: body.view });
    else if (body.response_action === "clear") o.state.modals.delete(user);
    else o.state.closeTop(user);
    back(req, res);
  });

  r.post("/preview/close", form, (req, res) => {
    o.state.closeTop(who(req));
    back(req, res);
  });

  r.post("/preview/say", form, async (req, res) => {
    const user = who(req);
    const text = String(req.body.text ?? "").trim();
    const channel = String(req.body.channel ?? o.adminChannel);
    const m = /^(\/\w+)\s*([\s\S]*)$/.exec(text);
    if (m) {
      const b = base(user);
      const params = new URLSearchParams({
        token: "preview",
        team_id: "TPREVIEW",
        team_domain: "preview",
        channel_id: channel,
        channel_name: "it-admin",
        user_id: user,
        user_name: user.toLowerCase(),
        command: m[1]!,
        text: m[2]!,
        api_app_id: "APREVIEW",
        trigger_id: b.trigger_id,
        response_url: o.responseUrl(encodeURIComponent(`${user}|${channel}|`)),
      });
      await post(params.toString(), "application/x-www-form-urlencoded");
    }
    back(req, res);
  });
  return r;
}

function page(o: PreviewOptions, user: string, lang: "ja" | "en", view: string): string {
  const t = T[lang];
  const me = o.users.find((u) => u.id === user)!;
  const blocks = new BlockRenderer(user, lang);
  const q = (over: Record<string, string>) =>
    `/preview?${new URLSearchParams({ as: user, lang, view, ...over }).toString()}`;
  const dm = `D${user}`;
  const nav = [
    `<div class="navh">${t.channel}</div><a class="${view === "channel" ? "on" : ""}" href="${esc(q({ view: "channel" }))}"># it-admin</a>`,
    `<div class="navh">${t.dms}</div><a class="${view === "dm" ? "on" : ""}" href="${esc(q({ view: "dm" }))}">Lost device desk</a>`,
    `<div class="navh">${t.app}</div><a class="${view === "home" ? "on" : ""}" href="${esc(q({ view: "home" }))}">Lost device desk · ${t.home}</a>`,
  ].join("");
  const people = o.users
    .map(
      (u) =>
        `<a class="person ${u.id === user ? "on" : ""}" href="${esc(q({ as: u.id }))}" data-user="${esc(u.id)}">${esc(u.name)}<small>${esc(u.role[lang])}</small></a>`,
    )
    .join("");

  const message = (m: { ts: string; channel: string; blocks: Json[]; text: string; onlyFor?: string }) => {
    const where: Container = {
      type: "message",
      channel: m.channel,
      ts: m.ts,
      ...(m.onlyFor ? { ephemeral: true } : {}),
    };
    const content = m.blocks.length ? blocks.render(m.blocks, where) : `<div>${esc(m.text)}</div>`;
    return `<div class="msg${m.onlyFor ? " eph" : ""}" data-ts="${esc(m.ts)}">${m.onlyFor ? `<div class="only">👁 ${t.only}</div>` : ""}<div class="who">Lost device desk <span class="app">APP</span></div>${content}</div>`;
  };

  let main = "";
  let title = "";
  if (view === "home") {
    title = `Lost device desk · ${t.home}`;
    const home = o.state.homes.get(user);
    main = home
      ? `<div class="home">${blocks.render(home.view.blocks ?? [], { type: "view", viewId: home.id })}</div>`
      : `<p class="hint">…</p>`;
  } else {
    const channel = view === "dm" ? dm : o.adminChannel;
    title = view === "dm" ? "Lost device desk" : "# it-admin";
    const items = o.state.channel(channel, user);
    main = items.length
      ? items
          .map(
            ({ msg, replies }) =>
              message(msg) +
              (replies.length
                ? `<div class="thread"><div class="navh">${t.thread} (${replies.length})</div>${replies.map(message).join("")}</div>`
                : ""),
          )
          .join("")
      : `<p class="hint">${t.empty}</p>`;
    main += `<form class="composer" method="post" action="/preview/say?as=${esc(user)}&amp;lang=${lang}&amp;view=${esc(view)}"><input type="hidden" name="channel" value="${esc(channel)}"><input type="text" name="text" placeholder="${esc(t.composer)}" aria-label="${esc(t.composer)}"><button class="btn">${t.send}</button></form>`;
  }

  const top = o.state.topModal(user);
  let modal = "";
  if (top) {
    const errors = o.state.errors.get(top.id) ?? {};
    let inner = blocks.render(top.view.blocks ?? [], { type: "view", viewId: top.id }, true);
    for (const [blockId, msg] of Object.entries(errors))
      inner = inner.replace(`<!--err:${esc(blockId)}-->`, `<div class="err">${esc(String(msg))}</div>`);
    const general = errors._ ? `<div class="err">${esc(errors._)}</div>` : "";
    const submit = top.view.submit
      ? `<button class="btn primary" form="modal" data-submit="1">${esc(top.view.submit.text ?? t.submit)}</button>`
      : "";
    modal = `<div class="overlay"><div class="modal" role="dialog" aria-label="${esc(top.view.title?.text ?? "")}"><div class="mtitle">${esc(top.view.title?.text ?? "")}</div><div class="mbody">${inner}${general}</div><div class="mfoot"><button class="btn" form="close">${esc(top.view.close?.text ?? t.close)}</button>${submit}</div></div></div>
<form id="modal" method="post" action="/preview/submit?as=${esc(user)}&amp;lang=${lang}&amp;view=${esc(view)}"></form><form id="close" method="post" action="/preview/close?as=${esc(user)}&amp;lang=${lang}&amp;view=${esc(view)}"></form>`;
  }
  // Refreshes itself to show what devices and other admins did, except while a modal is open.
  const refresh = top ? "" : `<meta http-equiv="refresh" content="4">`;
  const other = lang === "ja" ? "en" : "ja";
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">${refresh}<title>${esc(title)} — Slack preview</title><link rel="stylesheet" href="/preview/assets/preview.css"></head><body>
<div class="banner" role="status">${esc(t.banner)} <a href="${esc(q({ lang: other }))}" hreflang="${other}">${other === "en" ? "English" : "日本語"}</a> · <a href="/report?lang=${lang}" target="_blank" rel="noopener" data-report>${esc(t.report)}</a> · <a href="/?lang=${lang}">${esc(t.setup)}</a></div>
<div class="shell"><nav class="side"><div class="ws">Demo K.K.</div>${nav}<div class="navh">${t.as}</div>${people}</nav>
<main class="main"><div class="mhead">${esc(title)} <span class="me">${esc(me.name)}</span></div><div class="feed">${main}</div></main></div>
${modal}${blocks.forms.join("\n")}</body></html>`;
}
