// The modal that takes one file (a push certificate, an ABM/ASM token, an inventory or policy
// CSV): a slash command cannot carry a file, the modal's file input can. Pure builder.
import type { types } from "@slack/bolt";
import { t, type Locale, type MessageKey } from "../../i18n/index.js";
import { section } from "./kit.js";

type KnownBlock = types.KnownBlock;
type View = types.View;

export const FILE_BLOCK = "file";

/** A slash command cannot carry a file: the modal's file input does. */
export function fileUploadModal(
  locale: Locale,
  callbackId: string,
  titleKey: MessageKey,
  introKey: MessageKey,
  metadata: string,
): View {
  return {
    type: "modal",
    callback_id: callbackId,
    private_metadata: metadata,
    title: { type: "plain_text", text: t(locale, titleKey) },
    submit: { type: "plain_text", text: t(locale, "upload.submit") },
    close: { type: "plain_text", text: t(locale, "custody.modal.cancel") },
    blocks: [
      section(t(locale, introKey)),
      {
        type: "input",
        block_id: FILE_BLOCK,
        label: { type: "plain_text", text: t(locale, "upload.file") },
        element: { type: "file_input", action_id: "file", max_files: 1 },
      } as unknown as KnownBlock,
    ],
  };
}
