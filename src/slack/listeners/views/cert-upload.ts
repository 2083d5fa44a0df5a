// The push-certificate upload modal submitted: it closes at once, then the file is fetched from
// Slack with the bot token and checked; the result — installed, or refused with the reason in
// plain words — comes back to the admin as a direct message.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
import { CertificateRefusedError } from "../../../core/certificates/refusal.js";
import { formatDate, t } from "../../../i18n/index.js";
import { log } from "../../../log.js";
import type { SlackDeps } from "../../app.js";
import { certRefusalMessage } from "../../blocks/renewals.js";
import { errorText } from "../../errors.js";
import { localeFor } from "../../locale.js";
import { ackWithFile, fetchFile } from "./uploaded-file.js";

export function certUploadSubmitted(deps: SlackDeps) {
  return async (args: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const user = args.body.user.id;
    const locale = await localeFor(deps, user);
    const file = await ackWithFile(args, locale);
    if (!file) return;
    let message: { text: string; blocks?: unknown[] };
    try {
      const actor = await deps.core.actors.fromSlack(user);
      const r = await deps.core.pushCertificates.upload(actor, await fetchFile(deps, args, file));
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
    await args.client.chat.postMessage({ channel: user, ...message } as never).catch((err) => log.warn("certificate upload reply failed", { err }));
  };
}
