// The ADE/VPP token upload modal submitted: closes at once, reads the expiry from the file where
// its format allows (VPP: yes; ADE .p7m: encrypted, so the answer says to enter the date).
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
import type { RenewalKind } from "../../../generated/prisma/client.js";
import { t } from "../../../i18n/index.js";
import { log } from "../../../log.js";
import type { SlackDeps } from "../../app.js";
import { renewalStatus } from "../../blocks/renewals.js";
import { errorText } from "../../errors.js";
import { localeFor } from "../../locale.js";
import { ackWithFile, fetchFile } from "./uploaded-file.js";

export function renewalTokenUploadSubmitted(deps: SlackDeps) {
  return async (args: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const user = args.body.user.id;
    const locale = await localeFor(deps, user);
    const file = await ackWithFile(args, locale);
    if (!file) return;
    let text: string;
    try {
      const meta = JSON.parse(args.view.private_metadata || "{}") as { kind?: RenewalKind; appleId?: string | null };
      const actor = await deps.core.actors.fromSlack(user);
      const r = await deps.core.renewals.recordTokenFile(actor, { kind: meta.kind ?? "VPP_TOKEN", appleId: meta.appleId ?? null, ...(await fetchFile(deps, args, file)) });
      const ctx = { locale, timeZone: deps.config.APP_TIMEZONE, now: deps.core.deps.clock.now() };
      text = t(locale, "renewal.recorded", { what: t(locale, `renewal.kind.${r.kind}`), status: renewalStatus(r, ctx) });
    } catch (err) {
      text = errorText(err, locale);
    }
    await args.client.chat.postMessage({ channel: user, text }).catch((err) => log.warn("token upload reply failed", { err }));
  };
}
