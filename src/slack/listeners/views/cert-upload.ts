// The push-certificate upload modal submitted: it closes at once, then the file is fetched from
// Slack with the bot token and checked; the result — installed, or refused with the reason in
// plain words — comes back to the admin as a direct message.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
import { CertificateRefusedError } from "../../../core/certificates/refusal.js";
import { formatDate, t } from "../../../i18n/index.js";
import { log } from "../../../log.js";
import type { SlackDeps } from "../../app.js";
import { certRefusalMessage, FILE_BLOCK } from "../../blocks/renewals.js";
import { errorText } from "../../errors.js";
import { localeFor } from "../../locale.js";
import { downloadSlackFile } from "./policy-import.js";

export function certUploadSubmitted(deps: SlackDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const user = body.user.id;
    const locale = await localeFor(deps, user);
    const files = (view.state.values[FILE_BLOCK]?.file as unknown as { files?: { id: string; name?: string }[] } | undefined)?.files ?? [];
    if (!files.length) return void (await ack({ response_action: "errors", errors: { [FILE_BLOCK]: t(locale, "upload.nofile") } }));
    await ack();
    let message: { text: string; blocks?: unknown[] };
    try {
      const actor = await deps.core.actors.fromSlack(user);
      const content = await downloadSlackFile(client, deps.config.SLACK_BOT_TOKEN ?? "", files[0]!.id);
      const r = await deps.core.pushCertificates.upload(actor, { filename: files[0]!.name ?? "upload.pem", content: Buffer.from(content, "utf8") });
      message = {
        text: t(locale, r.renewed ? "cert.installed.renewed" : "cert.installed.first", {
          topic: r.topic,
          serial: r.serial,
          deadline: formatDate(r.expiresAt, locale, deps.config.APP_TIMEZONE),
        }),
      };
    } catch (err) {
      message = err instanceof CertificateRefusedError ? certRefusalMessage(err.reason, err.details, locale) : { text: errorText(err, locale) };
    }
    await client.chat.postMessage({ channel: user, ...message } as never).catch((err) => log.warn("certificate upload reply failed", { err }));
  };
}
