// The first administrator asks to install a push certificate for another topic anyway; a second
// one must confirm it from the admin channel.
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { button } from "../../button.js";

export const certOverrideRequest = (deps: SlackDeps) =>
  button(deps, async ({ actor, locale, value }) => {
    await deps.core.pushCertificates.requestTopicOverride(actor, value);
    return t(locale, "cert.override.requested_ack");
  });
