// Slack's documented Block Kit limits, checked on a payload before Slack would refuse it
// (invalid_blocks) in production. Returns every problem found, as "path: what" strings.
// Limits: https://api.slack.com/reference/block-kit/blocks and …/block-elements, …/surfaces.

type Json = Record<string, any>;
export type Surface = "message" | "modal" | "home";

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };

export function validateBlocks(blocks: Json[], surface: Surface = "message"): string[] {
  const problems: string[] = [];
  const bad = (path: string, what: string) => problems.push(`${path}: ${what}`);
  if (!Array.isArray(blocks)) return ["blocks: not an array"];
  if (blocks.length > MAX_BLOCKS[surface])
    bad("blocks", `${blocks.length} blocks > ${MAX_BLOCKS[surface]} allowed in a ${surface}`);
  // Slack: an action_id "should be unique among all other action_ids in the containing block";
  // the incident message repeats the same buttons once per device, each in its own block.
  let actionIds = new Set<string>();
  const blockIds = new Set<string>();

  const text = (path: string, o: Json | undefined, max: number, kind: "plain" | "any" = "any", required = true) => {
    if (!o) return required ? bad(path, "missing text object") : undefined;
    if (o.type !== "plain_text" && o.type !== "mrkdwn") return bad(path, `text object type "${o.type}"`);
    if (kind === "plain" && o.type !== "plain_text") bad(path, "must be plain_text");
    if (typeof o.text !== "string") return bad(path, "text is not a string");
    if (o.text.length === 0) bad(path, "empty text");
    if (o.text.length > max) bad(path, `${o.text.length} chars > ${max}`);
  };
  const actionId = (path: string, id: unknown) => {
    if (id === undefined) return;
    if (typeof id !== "string" || id.length === 0) return bad(path, "action_id must be a non-empty string");
    if (id.length > 255) bad(path, `action_id ${id.length} chars > 255`);
    if (actionIds.has(id)) bad(path, `duplicate action_id "${id}" in one block`);
    actionIds.add(id);
  };
  const option = (path: string, o: Json) => {
    text(`${path}.text`, o.text, 75, "plain");
    if (typeof o.value !== "string" || o.value.length > 150)
      bad(`${path}.value`, "option value missing or > 150 chars");
  };
  const element = (path: string, e: Json) => {
    actionId(`${path}.action_id`, e.action_id);
    switch (e.type) {
      case "button":
        text(`${path}.text`, e.text, 75, "plain");
        if (e.value !== undefined && (typeof e.value !== "string" || e.value.length > 2000))
          bad(`${path}.value`, "button value > 2000 chars");
        if (e.url !== undefined && (typeof e.url !== "string" || e.url.length > 3000))
          bad(`${path}.url`, "url > 3000 chars");
        if (e.style !== undefined && !["primary", "danger"].includes(e.style))
          bad(`${path}.style`, `style "${e.style}"`);
        if (e.confirm) confirm(`${path}.confirm`, e.confirm);
        break;
      case "static_select":
      case "multi_static_select":
        if (e.placeholder) text(`${path}.placeholder`, e.placeholder, 150, "plain");
        if (e.options && e.options.length > 100) bad(`${path}.options`, `${e.options.length} options > 100`);
        if (!e.options && !e.option_groups) bad(`${path}`, "select without options");
        for (const [i, o] of ((e.options ?? []) as Json[]).entries()) option(`${path}.options[${i}]`, o);
        break;
      case "checkboxes":
      case "radio_buttons":
        if (!e.options?.length || e.options.length > 10)
          bad(`${path}.options`, `needs 1–10 options, has ${e.options?.length ?? 0}`);
        (e.options ?? []).forEach((o: Json, i: number) => {
          text(`${path}.options[${i}].text`, o.text, 75);
          if (typeof o.value !== "string" || o.value.length > 150)
            bad(`${path}.options[${i}].value`, "missing or > 150 chars");
        });
        break;
      case "plain_text_input":
        if (e.max_length !== undefined && e.max_length > 3000) bad(`${path}.max_length`, "> 3000");
        if (e.placeholder) text(`${path}.placeholder`, e.placeholder, 150, "plain");
        break;
      case "image":
        if (!e.image_url && !e.slack_file) bad(path, "image without url");
        if (typeof e.alt_text !== "string" || e.alt_text.length > 2000) bad(`${path}.alt_text`, "missing or > 2000");
        break;
      case "overflow":
        if (!e.options?.length || e.options.length > 5) bad(`${path}.options`, "needs 1–5 options");
        break;
      case "datepicker":
      case "timepicker":
      case "datetimepicker":
      case "email_text_input":
      case "url_text_input":
      case "number_input":
      case "users_select":
      case "conversations_select":
      case "channels_select":
      case "file_input":
      case "external_select":
      case "multi_users_select":
        break;
      default:
        bad(path, `unknown element type "${e.type}"`);
    }
  };
  const confirm = (path: string, c: Json) => {
    text(`${path}.title`, c.title, 100, "plain");
    text(`${path}.text`, c.text, 300);
    text(`${path}.confirm`, c.confirm, 30, "plain");
    text(`${path}.deny`, c.deny, 30, "plain");
  };

  blocks.forEach((b, i) => {
    const path = `blocks[${i}](${b?.type})`;
    actionIds = new Set<string>();
    if (b.block_id !== undefined) {
      if (typeof b.block_id !== "string" || b.block_id.length > 255) bad(`${path}.block_id`, "block_id > 255 chars");
      if (blockIds.has(b.block_id)) bad(`${path}.block_id`, `duplicate block_id "${b.block_id}"`);
      blockIds.add(b.block_id);
    }
    switch (b.type) {
      case "header":
        text(`${path}.text`, b.text, 150, "plain");
        break;
      case "section":
        if (!b.text && !b.fields) bad(path, "section needs text or fields");
        if (b.text) text(`${path}.text`, b.text, 3000);
        if (b.fields) {
          if (b.fields.length > 10) bad(`${path}.fields`, `${b.fields.length} fields > 10`);
          for (const [j, f] of (b.fields as Json[]).entries()) text(`${path}.fields[${j}]`, f, 2000);
        }
        if (b.accessory) element(`${path}.accessory`, b.accessory);
        break;
      case "actions":
        if (!b.elements?.length) bad(path, "actions without elements");
        if (b.elements?.length > 25) bad(`${path}.elements`, `${b.elements.length} elements > 25`);
        for (const [j, e] of ((b.elements ?? []) as Json[]).entries()) element(`${path}.elements[${j}]`, e);
        break;
      case "context":
        if (!b.elements?.length || b.elements.length > 10)
          bad(`${path}.elements`, `needs 1–10 elements, has ${b.elements?.length ?? 0}`);
        for (const [j, e] of ((b.elements ?? []) as Json[]).entries()) {
          if (e.type === "image") element(`${path}.elements[${j}]`, e);
          else text(`${path}.elements[${j}]`, e, 3000);
        }
        break;
      case "divider":
        break;
      case "input":
        if (surface === "message") bad(path, "input blocks belong in modals");
        text(`${path}.label`, b.label, 2000, "plain");
        if (b.hint) text(`${path}.hint`, b.hint, 2000, "plain");
        if (!b.element) bad(path, "input without element");
        else element(`${path}.element`, b.element);
        break;
      case "image":
        if (typeof b.alt_text !== "string" || b.alt_text.length > 2000) bad(`${path}.alt_text`, "missing or > 2000");
        if (b.title) text(`${path}.title`, b.title, 2000, "plain");
        break;
      case "rich_text":
        break;
      default:
        bad(path, `unknown block type "${b?.type}"`);
    }
  });
  return problems;
}

/** A chat.postMessage / chat.update / respond() payload: blocks plus the notification text. */
export function validateMessage(msg: Json): string[] {
  const problems = msg.blocks ? validateBlocks(msg.blocks, "message") : [];
  if (typeof msg.text !== "string" || !msg.text) problems.push("text: a message needs fallback text for notifications");
  else if (msg.text.length > 40_000) problems.push(`text: ${msg.text.length} chars > 40000`);
  return problems;
}

/** A modal or Home tab view (views.open / views.update / views.publish). */
export function validateView(view: Json): string[] {
  const surface: Surface = view.type === "home" ? "home" : "modal";
  const problems = validateBlocks(view.blocks ?? [], surface);
  const t = (name: string, max: number, required: boolean) => {
    const o = view[name];
    if (!o) return required ? problems.push(`${name}: required in a modal`) : undefined;
    if (o.type !== "plain_text") problems.push(`${name}: must be plain_text`);
    if (!o.text || o.text.length > max) problems.push(`${name}: ${o.text?.length ?? 0} chars, must be 1–${max}`);
  };
  if (surface === "modal") {
    t("title", 24, true);
    t(
      "submit",
      24,
      view.blocks?.some((b: Json) => b.type === "input"),
    );
    t("close", 24, false);
  }
  if (view.private_metadata && view.private_metadata.length > 3000) problems.push("private_metadata: > 3000 chars");
  if (view.callback_id && view.callback_id.length > 255) problems.push("callback_id: > 255 chars");
  return problems;
}
