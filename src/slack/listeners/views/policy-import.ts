// The policy import modal submitted: it closes at once (Slack allows 3 seconds), then the file is
// fetched from Slack and imported all or nothing; the result, or every bad line by number, comes
// back to the admin as a direct message from the app.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { PolicyMode } from "../../../core/alerts/index.js";
import { InvalidInputError } from "../../../core/errors.js";
import { t } from "../../../i18n/index.js";
import { log } from "../../../log.js";
import type { SlackDeps } from "../../deps.js";
import { POLICY_FILE_BLOCK, POLICY_MODE_BLOCK } from "../../blocks/policy.js";
import { errorText } from "../../errors.js";
import { whoIsActing } from "../../locale.js";

const MAX_BYTES = 1024 * 1024;

/** A file shared with the app, read with the bot token (files.info → url_private). */
export async function downloadSlackFile(client: WebClient, token: string, fileId: string): Promise<string> {
  const info = await client.files.info({ file: fileId });
  const url = info.file?.url_private_download ?? info.file?.url_private;
  if (!url) throw new InvalidInputError("Slack did not give a download address for the file");
  if ((info.file?.size ?? 0) > MAX_BYTES) throw new InvalidInputError("the file is larger than 1 MB");
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    redirect: "error",
    signal: AbortSignal.timeout(15_000),
  });
  if (!res.ok) throw new InvalidInputError(`Slack answered ${res.status}`);
  const body = Buffer.from(await res.arrayBuffer());
  if (body.length > MAX_BYTES) throw new InvalidInputError("the file is larger than 1 MB");
  return body.toString("utf8");
}

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
        const reason =
          err instanceof InvalidInputError
            ? err.message
            : ((err as { data?: { error?: string } }).data?.error ?? "error");
        throw new InvalidInputError(t(locale, "policy.download", { reason }));
      }
      const result = await deps.core.appPolicy.importCsv(actor, mode ?? "DENY", content);
      text = t(locale, "policy.imported", { mode: t(locale, `policy.mode.${result.mode}`), count: result.count });
      if (result.header) text += `\n${t(locale, "policy.header_skipped", { header: result.header })}`;
    } catch (err) {
      text =
        err instanceof InvalidInputError ? t(locale, "policy.failed", { reason: err.message }) : errorText(err, locale);
    }
    // Posting to the user's id lands in their DM with the app.
    await client.chat
      .postMessage({ channel: user, text })
      .catch((err) => log.warn("policy import reply failed", { err }));
  };
}
