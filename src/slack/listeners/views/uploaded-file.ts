// The one file a file-upload modal carries: acks the submission at once (or asks for a file),
// then fetches it from Slack with the bot token. Shared by the certificate and token modals.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
import { t, type Locale } from "../../../i18n/index.js";
import type { SlackDeps } from "../../app.js";
import { FILE_BLOCK } from "../../blocks/renewals.js";
import { downloadSlackFile } from "./policy-import.js";

type Args = SlackViewMiddlewareArgs & AllMiddlewareArgs;

/** Acks; returns the picked file's id and name, or null when none was picked (the modal stays open). */
export async function ackWithFile({ ack, view }: Args, locale: Locale): Promise<{ id: string; name: string } | null> {
  const files = (view.state.values[FILE_BLOCK]?.file as unknown as { files?: { id: string; name?: string }[] } | undefined)?.files ?? [];
  if (!files.length) {
    await ack({ response_action: "errors", errors: { [FILE_BLOCK]: t(locale, "upload.nofile") } });
    return null;
  }
  await ack();
  return { id: files[0]!.id, name: files[0]!.name ?? "upload" };
}

export async function fetchFile(deps: SlackDeps, { client }: Args, file: { id: string; name: string }) {
  const content = await downloadSlackFile(client, deps.config.SLACK_BOT_TOKEN ?? "", file.id);
  return { filename: file.name, content: Buffer.from(content, "utf8") };
}
