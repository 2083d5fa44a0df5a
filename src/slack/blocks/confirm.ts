// Slack's confirmation dialog for a state-changing button: what will happen, in the reader's
// language, with a verb on the button rather than "OK" (decision 162).
import { t, type Locale, type MessageKey } from "../../i18n/index.js";
import { clip } from "./kit.js";

export type ConfirmKind =
  | "found"
  | "dismiss"
  | "close_wiped"
  | "reporter_found"
  | "wipe_cancel"
  | "locate"
  | "sound"
  | "alert_resolve"
  | "cert_override_request"
  | "cert_override_confirm"
  | "handover_confirm"
  | "handover_not_used";

/** Slack's limits: title 100, text 300, buttons 30 characters. */

export function confirmDialog(
  kind: ConfirmKind,
  locale: Locale,
  vars: Record<string, string> = {},
  opts: { textKey?: MessageKey; danger?: boolean } = {},
) {
  const plain = (key: MessageKey, max: number) => ({
    type: "plain_text" as const,
    text: clip(t(locale, key, vars), max),
  });
  return {
    title: plain(`confirm.${kind}.title`, 100),
    text: plain(opts.textKey ?? `confirm.${kind}.text`, 300),
    confirm: plain(`confirm.${kind}.go`, 30),
    deny: plain("confirm.back", 30),
    ...(opts.danger ? { style: "danger" as const } : {}),
  };
}
