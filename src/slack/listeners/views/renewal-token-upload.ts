// The ADE/VPP token upload modal submitted: closes at once, reads the expiry from the file where
// its format allows (VPP: yes; ADE .p7m: encrypted, so the answer says to enter the date).
import type { RenewalKind } from "../../../core/types.js";
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { renewalStatus } from "../../blocks/renewals.js";
import { fileUploadSubmitted } from "./uploaded-file.js";
import { typedAddressNote } from "../../mdm/address-warnings.js";
import { ROLE_FOR_KIND } from "../../../core/renewals/kinds.js";

export function renewalTokenUploadSubmitted(deps: SlackDeps) {
  return fileUploadSubmitted(deps, "token upload", async ({ actor, locale, args, file }) => {
    const meta = JSON.parse(args.view.private_metadata || "{}") as { kind?: RenewalKind; appleId?: string | null };
    const r = await deps.core.renewals.recordTokenFile(actor, {
      kind: meta.kind ?? "VPP_TOKEN",
      appleId: meta.appleId ?? null,
      ...file,
    });
    const ctx = { locale, timeZone: deps.config.APP_TIMEZONE, now: deps.core.clock.now() };
    return {
      text:
        t(locale, "renewal.recorded", { what: t(locale, `renewal.kind.${r.kind}`), status: renewalStatus(r, ctx) }) +
        (await typedAddressNote(deps, meta.appleId, ROLE_FOR_KIND[r.kind], locale)),
    };
  });
}
