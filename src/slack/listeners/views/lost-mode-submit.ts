// The lost-mode modal submitted: at least a message or a phone number (said in the modal, next
// to the field), then EnableLostMode is queued — it never expires.
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { queuedText } from "../../command-replies.js";
import { commandModal, textValue } from "./command-modal-support.js";

export const lostModeSubmitted = (deps: SlackDeps) =>
  commandModal(
    deps,
    async ({ ctx, actor, locale, values }) => {
      const params = {
        Message: textValue(values, "message"),
        PhoneNumber: textValue(values, "phone"),
        Footnote: textValue(values, "footnote"),
      };
      const command = await deps.core.commands.request(actor, {
        deviceId: ctx.d ?? "",
        type: "ENABLE_LOST_MODE",
        reportId: ctx.r ?? null,
        params,
      });
      return queuedText(deps, command.deviceId, command.type, command.state, locale);
    },
    (values, locale) =>
      textValue(values, "message") || textValue(values, "phone")
        ? null
        : { message: t(locale, "commands.lost_mode.need_one") },
  );
