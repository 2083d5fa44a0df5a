// The policy import modal submitted: it closes at once (Slack allows 3 seconds), then the file is
// fetched from Slack and imported all or nothing; the result, or every bad line by number, comes
// back to the admin as a direct message from the app.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { PolicyLineError as LineError, PolicyMode } from "../../../core/alerts/index.js";
import { DomainError, InvalidInputError } from "../../../core/errors.js";
import { type Locale, t } from "../../../i18n/index.js";
import { log } from "../../../log.js";
import type { SlackDeps } from "../../deps.js";
import { POLICY_FILE_BLOCK, POLICY_MODE_BLOCK } from "../../blocks/policy.js";
import { slackText } from "../../edge.js";
import { errorText, reasonText } from "../../errors.js";
import { whoIsActing } from "../../locale.js";

const MAX_BYTES = 1024 * 1024;

/** A file shared with the app, read with the bot token (files.info → url_private). */
export async function downloadSlackFile(client: WebClient, token: string, fileId: string): Promise<string> {
  const info = await client.files.info({ file: fileId });
  const url = info.file?.url_private_download ?? info.file?.url_private;
  if (!url)
    throw new InvalidInputError(
      "Slack did not give a download address for the file",
      {},
      { reason: "file_no_address" },
    );
  if ((info.file?.size ?? 0) > MAX_BYTES) throw tooLarge();
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    redirect: "error",
    signal: AbortSignal.timeout(15_000),
  });
  if (!res.ok)
    throw new InvalidInputError(
      `Slack answered ${res.status}`,
      {},
      { reason: "file_download", params: { status: res.status } },
    );
  const body = Buffer.from(await res.arrayBuffer());
  if (body.length > MAX_BYTES) throw tooLarge();
  return body.toString("utf8");
}

function tooLarge(): InvalidInputError {
  return new InvalidInputError(
    "the file is larger than 1 MB",
    {},
    { reason: "file_too_large", params: { limit: "1 MB" } },
  );
}

/** Why a file could not be fetched, for the reader: our own refusal translated, else Slack's error code. */
export function downloadFailure(err: unknown, locale: Locale): string {
  if (err instanceof DomainError) return reasonText(err, locale);
  return (err as { data?: { error?: string } }).data?.error ?? (err as Error).message ?? "error";
}

/** The refused lines in the reader's language, by number, the first ten and how many more. */
function refusedLines(lines: LineError[], count: number, locale: Locale): string {
  const shown = lines
    .slice(0, 10)
    .map((l) =>
      t(locale, "policy.line", {
        line: l.line,
        problem: t(locale, `policy.error.${l.code}`, { value: slackText(l.value ?? "") }),
      }),
    )
    .join("; ");
  return count > 10 ? `${shown} ${t(locale, "policy.more", { count: count - 10 })}` : shown;
}

function failureText(err: InvalidInputError, locale: Locale): string {
  const lines = err.details.lines as LineError[] | undefined;
  if (lines?.length) return refusedLines(lines, Number(err.details.count ?? lines.length), locale);
  return reasonText(err, locale);
}

/** The file could not be fetched; its text is already in the reader's language. */
class DownloadFailed extends Error {}

export function policyImportSubmitted(deps: SlackDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const user = body.user.id;
    const {
      actor,
      reader: { locale },
    } = await whoIsActing(deps, user);
    const values = view.state.values;
    const mode = values[POLICY_MODE_BLOCK]?.mode?.selected_option?.value as PolicyMode | undefined;
    const files = (values[POLICY_FILE_BLOCK]?.file as unknown as { files?: { id: string }[] } | undefined)?.files ?? [];
    if (!files.length)
      return void (await ack({
        response_action: "errors",
        errors: { [POLICY_FILE_BLOCK]: t(locale, "policy.nofile") },
      }));
    await ack();
    let text: string;
    try {
      let content: string;
      try {
        content = await downloadSlackFile(client, deps.config.SLACK_BOT_TOKEN ?? "", files[0]!.id);
      } catch (err) {
        throw new DownloadFailed(t(locale, "policy.download", { reason: downloadFailure(err, locale) }));
      }
      const result = await deps.core.appPolicy.importCsv(actor, mode ?? "DENY", content);
      text = t(locale, "policy.imported", { mode: t(locale, `policy.mode.${result.mode}`), count: result.count });
      if (result.header) text += `\n${t(locale, "policy.header_skipped", { header: result.header })}`;
    } catch (err) {
      text =
        err instanceof DownloadFailed
          ? t(locale, "policy.failed", { reason: err.message })
          : err instanceof InvalidInputError
            ? t(locale, "policy.failed", { reason: failureText(err, locale) })
            : errorText(err, locale);
    }
    // Posting to the user's id lands in their DM with the app.
    await client.chat
      .postMessage({ channel: user, text })
      .catch((err) => log.warn("policy import reply failed", { err }));
  };
}
