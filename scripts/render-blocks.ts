// A small Block Kit → HTML renderer, for documentation only: the README's screenshots show the
// app's real payloads (built by the real builders) laid out roughly as Slack shows them. It is
// not Slack's renderer and never runs in the app.

type Json = Record<string, any>;

const EMOJI: Record<string, string> = {
  rotating_light: "🚨",
  red_circle: "🔴",
  large_yellow_circle: "🟡",
  large_green_circle: "🟢",
  warning: "⚠️",
  information_source: "ℹ️",
  white_check_mark: "✅",
  x: "❌",
  tada: "🎉",
  lock: "🔒",
  iphone: "📱",
  bell: "🔔",
  calendar: "📅",
  key: "🔑",
  email: "📧",
  hourglass: "⌛",
  mag: "🔍",
  clipboard: "📋",
  inbox_tray: "📥",
};

const escapeHtml = (s: string) =>
  s
    .replace(/&(?!(amp|lt|gt);)/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");

/** Slack mrkdwn → HTML: *bold*, _italic_, ~strike~, `code`, ```blocks```, <url|text>, <@U1>, :emoji:. */
export function mrkdwn(text: string): string {
  let s = text
    .replace(/<(https?:[^|>]+|mailto:[^|>]+)\|([^>]+)>/g, (_m, _u, label) => `\uE001a\uE002${label}\uE001/a\uE002`)
    .replace(/<(https?:[^>]+)>/g, (_m, u) => `\uE001a\uE002${u}\uE001/a\uE002`)
    .replace(/<@(\w+)>/g, (_m, id) => `\uE001m\uE002@${id === "UADMIN1" ? "yamada" : id.toLowerCase()}\uE001/m\uE002`);
  s = escapeHtml(s)
    .replace(/\uE001a\uE002/g, '<span class="link">')
    .replace(/\uE001\/a\uE002/g, "</span>")
    .replace(/\uE001m\uE002/g, '<span class="mention">')
    .replace(/\uE001\/m\uE002/g, "</span>")
    .replace(/```([\s\S]*?)```/g, "<pre>$1</pre>")
    .replace(/`([^`\n]+)`/g, "<code>$1</code>")
    .replace(/(^|[\s(>・、])\*([^*\n]+)\*/g, "$1<b>$2</b>")
    .replace(/(^|[\s(>])_([^_\n]+)_/g, "$1<i>$2</i>")
    .replace(/(^|\s)~([^~\n]+)~/g, "$1<s>$2</s>")
    .replace(/:([a-z0-9_+-]+):/g, (m, name) => EMOJI[name] ?? m);
  return s.replace(/\n/g, "<br>");
}

const textOf = (o: Json | undefined) =>
  !o ? "" : o.type === "mrkdwn" ? mrkdwn(o.text) : escapeHtml(o.text).replace(/\n/g, "<br>");

function element(e: Json): string {
  switch (e.type) {
    case "button":
      return `<span class="btn ${e.style ?? ""}">${textOf(e.text)}</span>`;
    case "static_select":
      return `<span class="select">${textOf(e.placeholder) || "…"} ▾</span>`;
    case "plain_text_input":
      return `<div class="input ${e.multiline ? "multi" : ""}">${escapeHtml(e.initial_value ?? "")}</div>`;
    case "file_input":
      return `<div class="input file">⬆ Drag a file here</div>`;
    case "checkboxes":
    case "radio_buttons":
      return (e.options ?? []).map((o: Json) => `<div class="opt">☐ ${textOf(o.text)}</div>`).join("");
    case "image":
      return `<img src="${escapeHtml(e.image_url)}" alt="">`;
    default:
      return `<span class="select">${escapeHtml(e.type)}</span>`;
  }
}

export function renderBlocks(blocks: Json[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case "header":
          return `<div class="header">${textOf(b.text)}</div>`;
        case "section": {
          const fields = b.fields
            ? `<div class="fields">${b.fields.map((f: Json) => `<div>${textOf(f)}</div>`).join("")}</div>`
            : "";
          const acc = b.accessory ? `<div class="acc">${element(b.accessory)}</div>` : "";
          return `<div class="section"><div class="body">${b.text ? `<div>${textOf(b.text)}</div>` : ""}${fields}</div>${acc}</div>`;
        }
        case "context":
          return `<div class="context">${b.elements.map((e: Json) => (e.type === "image" ? element(e) : textOf(e))).join(" ")}</div>`;
        case "divider":
          return `<hr>`;
        case "actions":
          return `<div class="actions">${b.elements.map(element).join("")}</div>`;
        case "input":
          return `<div class="inputblock"><label>${textOf(b.label)}${b.optional ? ' <span class="opt">(optional)</span>' : ""}</label>${element(b.element)}${b.hint ? `<div class="hint">${textOf(b.hint)}</div>` : ""}</div>`;
        default:
          return "";
      }
    })
    .join("\n");
}

const CSS = `
body{margin:0;background:#f4f4f4;font:15px/1.46 "Lato","Helvetica Neue","IPAPGothic","Noto Color Emoji",sans-serif;color:#1d1c1d}
.frame{width:680px;margin:0;padding:16px;background:#fff}
.msg{display:flex;gap:10px}.avatar{width:36px;height:36px;border-radius:6px;background:#1d3557;color:#fff;font-weight:700;display:flex;align-items:center;justify-content:center;flex:none}
.who{font-weight:900}.who small{font-weight:400;color:#616061;margin-left:6px}.app{background:#e8e8e8;color:#616061;font-size:10px;padding:1px 3px;border-radius:2px;margin-left:4px;font-weight:700}
.header{font-weight:900;font-size:18px;margin:6px 0}.section{display:flex;gap:12px;margin:6px 0}.section .body{flex:1}
.fields{display:grid;grid-template-columns:1fr 1fr;gap:8px 16px;margin-top:4px}.context{color:#616061;font-size:13px;margin:6px 0}
hr{border:0;border-top:1px solid #e2e2e2;margin:10px 0}.actions{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}
.btn{display:inline-block;border:1px solid #bbb;border-radius:4px;padding:3px 12px;font-weight:700;font-size:14px;background:#fff}
.btn.primary{background:#007a5a;border-color:#007a5a;color:#fff}.btn.danger{background:#fff;border-color:#e01e5a;color:#e01e5a}
.select{display:inline-block;border:1px solid #bbb;border-radius:4px;padding:3px 10px;color:#616061}
code{background:#f6f6f6;border:1px solid #e2e2e2;border-radius:3px;padding:0 3px;font-size:12px;color:#c01343}
pre{background:#f6f6f6;border:1px solid #e2e2e2;border-radius:4px;padding:8px;font-size:12px;white-space:pre-wrap}
.link{color:#1264a3}.mention{background:#e8f5fa;color:#1264a3;border-radius:3px;padding:0 2px}
.modal{width:520px;border-radius:8px;box-shadow:0 0 0 1px #ddd,0 4px 12px rgba(0,0,0,.12);background:#fff}
.modal .title{font-weight:900;font-size:22px;padding:18px 24px;border-bottom:1px solid #e2e2e2}.modal .content{padding:12px 24px}
.modal .foot{display:flex;justify-content:flex-end;gap:8px;padding:14px 24px;border-top:1px solid #e2e2e2}
.inputblock{margin:10px 0}.inputblock label{font-weight:700;display:block;margin-bottom:4px}.input{border:1px solid #bbb;border-radius:4px;min-height:34px;padding:6px;white-space:pre-wrap;font-size:13px}
.input.multi{min-height:90px}.hint{color:#616061;font-size:13px;margin-top:4px}.opt{color:#616061}
.err{color:#e01e5a;font-size:13px;margin-top:4px}
.tabs{display:flex;gap:18px;border-bottom:1px solid #e2e2e2;margin:-4px 0 10px;padding-bottom:6px;font-weight:700;color:#616061}.tabs b{color:#1d1c1d;border-bottom:2px solid #1264a3}
.eph{color:#616061;font-size:12px;margin-bottom:2px}
`;

export function page(inner: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body><div class="frame" id="shot">${inner}</div></body></html>`;
}

/** A message as it appears in a channel, from the app's bot user. */
export function renderMessage(msg: Json, opts: { ephemeral?: boolean; time?: string; appName?: string } = {}): string {
  const content = msg.blocks?.length ? renderBlocks(msg.blocks) : `<div>${mrkdwn(msg.text ?? "")}</div>`;
  const eph = opts.ephemeral ? `<div class="eph">👁 Only visible to you</div>` : "";
  return page(
    `${eph}<div class="msg"><div class="avatar">LD</div><div style="flex:1"><div class="who">${escapeHtml(opts.appName ?? "Lost device desk")}<span class="app">APP</span><small>${escapeHtml(opts.time ?? "10:02")}</small></div>${content}</div></div>`,
  );
}

/** A modal, with field errors shown under their inputs when given (response_action: errors). */
export function renderModal(view: Json, errors: Record<string, string> = {}): string {
  const blocks = renderBlocks(view.blocks ?? []).replace(/<\/div>$/, "</div>");
  const errs = Object.values(errors)
    .map((e) => `<div class="err">${mrkdwn(e)}</div>`)
    .join("");
  const foot = `${view.close ? `<span class="btn">${textOf(view.close)}</span>` : ""}${view.submit ? `<span class="btn primary">${textOf(view.submit)}</span>` : ""}`;
  return page(
    `<div class="modal"><div class="title">${textOf(view.title)}</div><div class="content">${blocks}${errs}</div><div class="foot">${foot}</div></div>`,
  );
}

/** The App Home tab. */
export function renderHome(view: Json, tabs: { home: string; messages: string; about: string }): string {
  return page(
    `<div class="tabs"><b>${escapeHtml(tabs.home)}</b><span>${escapeHtml(tabs.messages)}</span><span>${escapeHtml(tabs.about)}</span></div>${renderBlocks(view.blocks ?? [])}`,
  );
}
