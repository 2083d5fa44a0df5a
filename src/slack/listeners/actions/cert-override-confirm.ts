// The second, different administrator confirms replacing the push certificate (new topic).
import { formatDate, t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { button } from "../../button.js";

export const certOverrideConfirm = (deps: SlackDeps) =>
  button(deps, async ({ actor, reader, locale, value }) => {
    const r = await deps.core.pushCertificates.confirmTopicOverride(actor, value);
    return t(locale, "cert.override.confirmed", {
      topic: r.topic,
      deadline: formatDate(r.expiresAt, locale, reader.timeZone),
    });
  });
