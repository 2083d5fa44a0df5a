// Block Kit for the app usage policy: what it is now, and the import modal (a file_input for the
// CSV, or the IDs pasted for a short list).
import type { types } from "@slack/bolt";

type KnownBlock = types.KnownBlock;
type View = types.View;
import { formatDateTime, t, type Locale } from "../../i18n/index.js";
import { escapeMrkdwn } from "./kit.js";

export const POLICY_IMPORT_CALLBACK = "policy_import";
export const POLICY_MODE_BLOCK = "policy_mode";
export const POLICY_FILE_BLOCK = "policy_file";
export const POLICY_PASTE_BLOCK = "policy_paste";
const SHOWN = 30;

export function policyText(
  p: { mode: "ALLOW" | "DENY"; appIds: string[]; updatedAt: Date | null },
  locale: Locale,
  timeZone: string,
): string {
  if (!p.updatedAt) return t(locale, "policy.empty");
  const head = t(locale, "policy.show", {
    mode: t(locale, `policy.mode.${p.mode}`),
    count: p.appIds.length,
    updated: t(locale, "policy.updated", { at: formatDateTime(p.updatedAt, locale, timeZone) }),
  });
  const list = p.appIds.slice(0, SHOWN).map((a) => `• \`${escapeMrkdwn(a)}\``);
  if (p.appIds.length > SHOWN) list.push(t(locale, "policy.more", { count: p.appIds.length - SHOWN }));
  return [head, ...list].join("\n");
}

export function policyImportModal(locale: Locale, mode: "ALLOW" | "DENY"): View {
  const option = (m: "ALLOW" | "DENY") => ({
    text: { type: "plain_text" as const, text: t(locale, `policy.mode.${m}`) },
    value: m,
  });
  const blocks: KnownBlock[] = [
    { type: "context", elements: [{ type: "mrkdwn", text: t(locale, "policy.modal.hint") }] },
    {
      type: "input",
      block_id: POLICY_MODE_BLOCK,
      label: { type: "plain_text", text: t(locale, "policy.modal.mode") },
      element: {
        type: "static_select",
        action_id: "mode",
        options: [option("ALLOW"), option("DENY")],
        initial_option: option(mode),
      },
    },
    {
      type: "input",
      block_id: POLICY_FILE_BLOCK,
      label: { type: "plain_text", text: t(locale, "policy.modal.file") },
      element: { type: "file_input", action_id: "file", filetypes: ["csv", "txt"], max_files: 1 },
    } as KnownBlock,
  ];
  return {
    type: "modal",
    callback_id: POLICY_IMPORT_CALLBACK,
    title: { type: "plain_text", text: t(locale, "policy.modal.title") },
    submit: { type: "plain_text", text: t(locale, "policy.modal.submit") },
    close: { type: "plain_text", text: t(locale, "policy.modal.cancel") },
    blocks,
  };
}
