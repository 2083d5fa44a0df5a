// The custody form submitted: saved at once (small), warnings about the address shown in the
// reply. Refusals (a password typed into a field) come back as field errors, nothing saved.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
import { InvalidInputError } from "../../../core/errors.js";
import type { AccountRole } from "../../../core/types.js";
import { t } from "../../../i18n/index.js";
import { log } from "../../../log.js";
import type { SlackDeps } from "../../deps.js";
import { warningLines } from "../../blocks/custody.js";
import { errorText } from "../../errors.js";
import { whoIsActing } from "../../locale.js";

const FIELD_BLOCK: Record<string, string> = {
  passwordHolder: "password_holder",
  passwordLocation: "password_location",
  twoFactorHolder: "two_factor_holder",
  address: "address",
};

export function custodyRecordSubmitted(deps: SlackDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const user = body.user.id;
    const {
      actor,
      reader: { locale },
    } = await whoIsActing(deps, user);
    const v = view.state.values;
    const text = (block: string) => (v[block]?.value?.value as string | null | undefined) ?? null;
    const flags = ((v.flags?.value?.selected_options as { value: string }[] | undefined) ?? []).map((o) => o.value);
    try {
      const { account, warnings } = await deps.core.custody.record(actor, {
        role: view.private_metadata as AccountRole,
        address: text("address") ?? "",
        isGroupAddress: flags.includes("group"),
        passwordHolder: text("password_holder"),
        passwordLocation: text("password_location"),
        twoFactorHolder: text("two_factor_holder"),
        verified: flags.includes("verified"),
      });
      await ack();
      const reply = [
        t(locale, "custody.saved", { role: t(locale, `custody.role.${account.role}`), address: account.address }),
        ...warningLines(warnings, locale),
      ].join("\n");
      await client.chat
        .postMessage({ channel: user, text: reply })
        .catch((err) => log.warn("custody reply failed", { err }));
    } catch (err) {
      const field = err instanceof InvalidInputError ? FIELD_BLOCK[String(err.details.field)] : undefined;
      if (field) return void (await ack({ response_action: "errors", errors: { [field]: errorText(err, locale) } }));
      await ack();
      await client.chat.postMessage({ channel: user, text: errorText(err, locale) }).catch(() => {});
    }
  };
}
