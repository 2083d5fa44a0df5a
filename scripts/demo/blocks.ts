// Block Kit → HTML with working controls, for the preview. Every button is a small form that
// posts what Slack would send for that click to /preview/action; modal inputs belong to the
// modal's form (form="modal"), named by block and action so the submission carries Slack's
// state.values. No JavaScript: a button's confirm dialog is a <details> with the real button.
import { mrkdwn } from "../render-blocks.js";

type Json = Record<string, any>;

const esc = (s: string) =>
  String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const textOf = (o: Json | undefined) =>
  !o ? "" : o.type === "mrkdwn" ? mrkdwn(o.text) : esc(o.text ?? "").replace(/\n/g, "<br>");

/** Where a click happened: a message (channel + ts) or a view (modal or App Home). */
export type Container =
  | { type: "message"; channel: string; ts: string; ephemeral?: boolean }
  | { type: "view"; viewId: string };

export class BlockRenderer {
  /** Hidden forms, one per control, put at the end of the page (forms cannot nest). */
  readonly forms: string[] = [];
  private n = 0;

  constructor(
    private readonly user: string,
    private readonly lang: string,
  ) {}

  private actionForm(ctx: Json): string {
    const id = `f${++this.n}`;
    this.forms.push(
      `<form id="${id}" method="post" action="/preview/action?as=${esc(this.user)}&amp;lang=${this.lang}"><input type="hidden" name="ctx" value="${esc(JSON.stringify(ctx))}"></form>`,
    );
    return id;
  }

  private element(e: Json, blockId: string, where: Container, inModal: boolean): string {
    const base = { action_id: e.action_id, block_id: blockId, where };
    switch (e.type) {
      case "button": {
        const form = this.actionForm({ ...base, type: "button", value: e.value ?? "" });
        const cls = `btn ${e.style ?? ""}`;
        const label = textOf(e.text);
        if (e.url) return `<a class="${cls}" href="${esc(e.url)}" target="_blank" rel="noopener">${label}</a>`;
        const btn = `<button class="${cls}" form="${form}" data-action="${esc(e.action_id ?? "")}">${label}</button>`;
        if (!e.confirm) return btn;
        const c = e.confirm;
        const ok = `<button class="btn ${c.style ?? e.style ?? "primary"}" form="${form}" data-confirm="${esc(e.action_id ?? "")}">${textOf(c.confirm) || "OK"}</button>`;
        return `<details class="confirm"><summary class="${cls}" data-action="${esc(e.action_id ?? "")}">${label}</summary><div class="dialog"><b>${textOf(c.title)}</b><p>${textOf(c.text)}</p>${ok} <span class="hint">${textOf(c.deny) || ""}</span></div></details>`;
      }
      case "static_select":
      case "external_select":
      case "overflow": {
        const options: Json[] = e.options ?? (e.option_groups ?? []).flatMap((g: Json) => g.options ?? []);
        const initial = e.initial_option?.value;
        const opts = options
          .map(
            (o) =>
              `<option value="${esc(o.value)}"${o.value === initial ? " selected" : ""}>${esc(o.text?.text ?? o.value)}</option>`,
          )
          .join("");
        if (inModal)
          return `<select name="v|${esc(blockId)}|${esc(e.action_id)}|static_select" form="modal"><option value="">—</option>${opts}</select>`;
        const form = this.actionForm({
          ...base,
          type: e.type,
          options: options.map((o) => ({ value: o.value, text: o.text?.text })),
        });
        return `<span class="pick"><select name="selected" form="${form}" data-action="${esc(e.action_id ?? "")}">${e.placeholder ? `<option value="">${esc(e.placeholder.text)}</option>` : ""}${opts}</select><button class="btn" form="${form}">→</button></span>`;
      }
      case "plain_text_input": {
        const name = `v|${esc(blockId)}|${esc(e.action_id)}|plain_text_input`;
        const ph = e.placeholder ? ` placeholder="${esc(e.placeholder.text)}"` : "";
        const max = e.max_length ? ` maxlength="${Number(e.max_length)}"` : "";
        return e.multiline
          ? `<textarea name="${name}" form="modal" rows="4"${ph}${max}>${esc(e.initial_value ?? "")}</textarea>`
          : `<input type="text" name="${name}" form="modal" value="${esc(e.initial_value ?? "")}"${ph}${max}>`;
      }
      case "number_input":
      case "email_text_input":
      case "url_text_input":
        return `<input type="text" name="v|${esc(blockId)}|${esc(e.action_id)}|${e.type}" form="modal" value="${esc(e.initial_value ?? "")}">`;
      case "checkboxes":
      case "radio_buttons": {
        const initial = new Set<string>([
          ...(e.initial_options ?? []).map((o: Json) => o.value),
          ...(e.initial_option ? [e.initial_option.value] : []),
        ]);
        const kind = e.type === "checkboxes" ? "checkbox" : "radio";
        return (e.options ?? [])
          .map(
            (o: Json) =>
              `<label class="choice"><input type="${kind}" name="v|${esc(blockId)}|${esc(e.action_id)}|${e.type}" value="${esc(o.value)}" form="modal"${initial.has(o.value) ? " checked" : ""}> ${textOf(o.text)}${o.description ? `<span class="hint"> ${textOf(o.description)}</span>` : ""}</label>`,
          )
          .join("");
      }
      case "datepicker":
        return `<input type="date" name="v|${esc(blockId)}|${esc(e.action_id)}|datepicker" form="modal" value="${esc(e.initial_date ?? "")}">`;
      case "timepicker":
        return `<input type="time" name="v|${esc(blockId)}|${esc(e.action_id)}|timepicker" form="modal" value="${esc(e.initial_time ?? "")}">`;
      case "datetimepicker":
        return `<input type="datetime-local" name="v|${esc(blockId)}|${esc(e.action_id)}|datetimepicker" form="modal">`;
      case "file_input":
        return `<div class="hint">${this.lang === "ja" ? "プレビューではファイルを選べません（実際の Slack ではここにファイルをドロップします）" : "Files cannot be chosen in the preview (in Slack you drop a file here)"}</div>`;
      case "image":
        return `<img src="${esc(e.image_url)}" alt="${esc(e.alt_text ?? "")}" class="img">`;
      default:
        return `<span class="hint">[${esc(e.type)}]</span>`;
    }
  }

  render(blocks: Json[], where: Container, inModal = false): string {
    return blocks
      .map((b, i) => {
        const blockId = b.block_id ?? `b${i}`;
        switch (b.type) {
          case "header":
            return `<div class="header">${textOf(b.text)}</div>`;
          case "section": {
            const fields = b.fields
              ? `<div class="fields">${b.fields.map((f: Json) => `<div>${textOf(f)}</div>`).join("")}</div>`
              : "";
            const acc = b.accessory
              ? `<div class="acc">${this.element(b.accessory, blockId, where, inModal)}</div>`
              : "";
            return `<div class="section"><div class="body">${b.text ? `<div>${textOf(b.text)}</div>` : ""}${fields}</div>${acc}</div>`;
          }
          case "context":
            return `<div class="context">${(b.elements ?? []).map((e: Json) => (e.type === "image" ? `<img class="ctx-img" src="${esc(e.image_url)}" alt="">` : textOf(e))).join(" ")}</div>`;
          case "divider":
            return "<hr>";
          case "actions":
            return `<div class="actions" data-block="${esc(blockId)}">${(b.elements ?? []).map((e: Json) => this.element(e, blockId, where, inModal)).join("")}</div>`;
          case "input":
            return `<div class="inputblock" data-block="${esc(blockId)}"><label>${textOf(b.label)}${b.optional ? ' <span class="hint">(optional)</span>' : ""}</label>${this.element(b.element, blockId, where, true)}${b.hint ? `<div class="hint">${textOf(b.hint)}</div>` : ""}<!--err:${esc(blockId)}--></div>`;
          case "image":
            return `<img src="${esc(b.image_url)}" alt="${esc(b.alt_text ?? "")}" class="img">`;
          case "rich_text":
            return `<div>${esc(JSON.stringify(b.elements?.map((e: Json) => e.elements?.map((x: Json) => x.text).join("")).join("\n") ?? ""))}</div>`;
          default:
            return "";
        }
      })
      .join("\n");
  }
}

/** The modal's state.values from the posted form fields named "v|block|action|type". */
export function stateValues(body: Record<string, string | string[]>, view: Json): Record<string, Record<string, Json>> {
  const optionText = (blockId: string, value: string) => {
    const b = (view.blocks ?? []).find((x: Json) => x.block_id === blockId);
    const options: Json[] =
      b?.element?.options ?? (b?.element?.option_groups ?? []).flatMap((g: Json) => g.options ?? []);
    return options.find((o) => o.value === value)?.text ?? { type: "plain_text", text: value };
  };
  const values: Record<string, Record<string, Json>> = {};
  // Every input block is in the state, even one left empty (Slack sends those with null values).
  for (const b of view.blocks ?? []) {
    if (b.type !== "input" || !b.block_id || !b.element?.action_id) continue;
    values[b.block_id] = { [b.element.action_id]: emptyValue(b.element.type) };
  }
  for (const [name, raw] of Object.entries(body)) {
    if (!name.startsWith("v|")) continue;
    const [, blockId, actionId, type] = name.split("|") as [string, string, string, string];
    const all = Array.isArray(raw) ? raw : [raw];
    const v = all[0] ?? "";
    values[blockId] ??= {};
    const block = values[blockId];
    switch (type) {
      case "static_select":
        block[actionId] = { type, selected_option: v ? { value: v, text: optionText(blockId, v) } : null };
        break;
      case "checkboxes":
        block[actionId] = { type, selected_options: all.map((x) => ({ value: x, text: optionText(blockId, x) })) };
        break;
      case "radio_buttons":
        block[actionId] = { type, selected_option: v ? { value: v, text: optionText(blockId, v) } : null };
        break;
      case "datepicker":
        block[actionId] = { type, selected_date: v || null };
        break;
      case "timepicker":
        block[actionId] = { type, selected_time: v || null };
        break;
      case "datetimepicker":
        block[actionId] = { type, selected_date_time: v ? Math.floor(new Date(v).getTime() / 1000) : null };
        break;
      default:
        block[actionId] = { type, value: v === "" ? null : v };
    }
  }
  return values;
}

function emptyValue(type: string): Json {
  switch (type) {
    case "static_select":
    case "radio_buttons":
      return { type, selected_option: null };
    case "checkboxes":
      return { type, selected_options: [] };
    case "datepicker":
      return { type, selected_date: null };
    case "file_input":
      return { type, files: [] };
    default:
      return { type, value: null };
  }
}
