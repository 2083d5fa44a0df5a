// "I signed in today" on an Android Enterprise Gmail reminder: records the sign-in with who
// clicked, moving the deadline a full policy period on (the admin channel hears it too).
import { formatDate, t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { button } from "../../button.js";

export const renewalGmailSignedIn = (deps: SlackDeps) =>
  button(deps, async ({ actor, reader, locale, value }) => {
    const r = await deps.core.renewals.confirmGmailSignIn(actor, value);
    return t(locale, "renewal.gmail.signed_in_ack", { deadline: formatDate(r.expiresAt!, locale, reader.timeZone) });
  });
