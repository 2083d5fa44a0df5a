// The ADE/VPP token upload modal submitted: closes at once, reads the expiry from the file where
// its format allows (VPP: yes; ADE .p7m: encrypted, so the answer says to enter the date).
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
import type { RenewalKind } from "../../../generated/prisma/client.js";
import { t } from "../../../i18n/index.js";
import { log } from "../../../log.js";
import type { SlackDeps } from "../../app.js";
import { FILE_BLOCK, renewalStatus } from "../../blocks/renewals.js";
import { errorText } from "../../errors.js";
import { localeFor } from "../../locale.js";
import { downloadSlackFile } from "./policy-import.js";

export function renewalTokenUploadSubmitted(deps: SlackDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const user = body.user.id;
    const locale = await localeFor(deps, user);
    const files = (view.state.values[FILE_BLOCK]?.file as unknown as { files?: { id: string; name?: string }[] } | undefined)?.files ?? [];
    if (!files.length) return void (await ack({ response_action: "errors", errors: { [FILE_BLOCK]: t(locale, "upload.nofile") } }));
    await ack();
    let text: string;
    try {
      const meta = JSON.parse(view.private_metadata || "{}") as { kind?: RenewalKind; appleId?: string | null };
      const actor = await deps.core.actors.fromSlack(user);
      const content = await downloadSlackFile(client, deps.config.SLACK_BOT_TOKEN ?? "", files[0]!.id);
      const r = await deps.core.renewals.recordTokenFile(actor, { kind: meta.kind ?? "VPP_TOKEN", filename: files[0]!.name ?? "token", content: Buffer.from(content, "utf8"), appleId: meta.appleId ?? null });
      const ctx = { locale, timeZone: deps.config.APP_TIMEZONE, now: deps.core.deps.clock.now() };
      text = t(locale, "renewal.recorded", { what: t(locale, `renewal.kind.${r.kind}`), status: renewalStatus(r, ctx) });
    } catch (err) {
      text = errorText(err, locale);
    }
    await client.chat.postMessage({ channel: user, text }).catch((err) => log.warn("token upload reply failed", { err }));
  };
}
