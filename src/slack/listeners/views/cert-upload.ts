// The push-certificate upload modal submitted: it closes at once, then the file is fetched from
// Slack with the bot token and checked; the result — installed, or refused with the reason in
// plain words — comes back to the admin as a direct message.
import { CertificateRefusedError } from "../../../core/certificates/refusal.js";
import { formatDate, t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { certRefusalMessage } from "../../blocks/push-certificate.js";
import { fileUploadSubmitted } from "./uploaded-file.js";

export function certUploadSubmitted(deps: SlackDeps) {
  return fileUploadSubmitted(deps, "certificate upload", async ({ actor, locale, file }) => {
    try {
      const r = await deps.core.pushCertificates.upload(actor, file);
      return {
        text: t(locale, r.renewed ? "cert.installed.renewed" : "cert.installed.first", {
          topic: r.topic,
          serial: r.serial,
          deadline: formatDate(r.expiresAt, locale, deps.config.APP_TIMEZONE),
        }),
      };
    } catch (err) {
      if (err instanceof CertificateRefusedError) return certRefusalMessage(err.reason, err.details, locale);
      throw err;
    }
  });
}
