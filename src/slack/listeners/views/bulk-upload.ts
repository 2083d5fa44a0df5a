// `/mdm bulk wipe|lock|lostmode` with a CSV file: the modal closes at once, the file is fetched
// from Slack, and every device in it goes through the core's bulk request — the same approvals,
// wipe limit and security-channel post as a click. The outcome comes back by DM.
import { InvalidInputError } from "../../../core/errors.js";
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { BULK_TYPES, bulkResultText, deviceRefsFrom } from "../../mdm/bulk.js";
import { fileUploadSubmitted } from "./uploaded-file.js";

export function bulkUploadSubmitted(deps: SlackDeps) {
  return fileUploadSubmitted(deps, "bulk request", async ({ actor, locale, args, file }) => {
    const type = BULK_TYPES[args.view.private_metadata];
    if (!type) return { text: t(locale, "brake.bulk.usage") };
    const refs = deviceRefsFrom(file.content.toString("utf8"));
    if (!refs.length) return { text: t(locale, "brake.bulk.usage") };
    const params = type === "ENABLE_LOST_MODE" ? { Message: t(locale, "brake.bulk.lost_message") } : undefined;
    try {
      const out = await deps.core.brake.requestMany(actor, { type, deviceRefs: refs, params, source: "csv" });
      return { text: bulkResultText(out, type, locale) };
    } catch (err) {
      if (err instanceof InvalidInputError && typeof err.details.unknown === "string")
        return { text: `:warning: ${t(locale, "brake.bulk.unknown", { unknown: String(err.details.unknown) })}` };
      throw err;
    }
  });
}
