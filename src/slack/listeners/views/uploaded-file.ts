// A file-upload modal's submission, shared by the certificate and token modals: find who sent
// it, ack at once (or ask for a file, keeping the modal open), fetch the file from Slack with the
// bot token, let the modal's own step use it, and DM the sender the outcome — or, translated
// once here, why not.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
import type { Actor } from "../../../core/actors.js";
import { t, type Locale } from "../../../i18n/index.js";
import { log } from "../../../log.js";
import type { SlackDeps } from "../../deps.js";
import { FILE_BLOCK } from "../../blocks/file-upload.js";
import { errorText } from "../../errors.js";
import { whoIsActing } from "../../locale.js";
import { downloadSlackFile } from "./policy-import.js";

type Args = SlackViewMiddlewareArgs & AllMiddlewareArgs;

export interface UploadedFile {
  filename: string;
  content: Buffer;
}

export type UploadReply = { text: string; blocks?: unknown[] };

export function fileUploadSubmitted(
  deps: SlackDeps,
  what: string,
  use: (u: { actor: Actor; locale: Locale; args: Args; file: UploadedFile }) => Promise<UploadReply>,
) {
  return async (args: Args) => {
    const user = args.body.user.id;
    const {
      actor,
      reader: { locale },
    } = await whoIsActing(deps, user);
    const picked = await ackWithFile(args, locale);
    if (!picked) return;
    let reply: UploadReply;
    try {
      reply = await use({ actor, locale, args, file: await fetchFile(deps, args, picked) });
    } catch (err) {
      reply = { text: errorText(err, locale) };
    }
    await args.client.chat
      .postMessage({ channel: user, ...reply } as never)
      .catch((err) => log.warn(`${what} reply failed`, { err }));
  };
}

/** Acks; returns the picked file's id and name, or null when none was picked (the modal stays open). */
async function ackWithFile({ ack, view }: Args, locale: Locale): Promise<{ id: string; name: string } | null> {
  const files =
    (view.state.values[FILE_BLOCK]?.file as unknown as { files?: { id: string; name?: string }[] } | undefined)
      ?.files ?? [];
  if (!files.length) {
    await ack({ response_action: "errors", errors: { [FILE_BLOCK]: t(locale, "upload.nofile") } });
    return null;
  }
  await ack();
  return { id: files[0]!.id, name: files[0]!.name ?? "upload" };
}

async function fetchFile(deps: SlackDeps, { client }: Args, file: { id: string; name: string }): Promise<UploadedFile> {
  const content = await downloadSlackFile(client, deps.config.SLACK_BOT_TOKEN ?? "", file.id);
  return { filename: file.name, content: Buffer.from(content, "utf8") };
}
