// A push-certificate request with another Apple ID than the certificate's: the first
// administrator asks (from the refusal), a second, different one confirms in the admin channel,
// and the request's files are posted in that message's thread.
import { t } from "../../../i18n/index.js";
import type { CsrInput } from "../../../core/certificates/push-certificates.js";
import { InvalidInputError } from "../../../core/errors.js";
import type { SlackDeps } from "../../deps.js";
import { button } from "../../button.js";
import { who } from "../../blocks/actor.js";
import { APPLE_PUSH_PORTAL, queueCsrFiles } from "../../mdm/cert.js";

function parseInput(value: string): CsrInput {
  try {
    const v = JSON.parse(value) as Partial<CsrInput>;
    return {
      email: String(v.email ?? ""),
      name: String(v.name ?? ""),
      country: String(v.country ?? ""),
      appleId: v.appleId ?? null,
    };
  } catch {
    throw new InvalidInputError("the request could not be read; run `/mdm cert csr` again");
  }
}

export const certAppleIdChangeRequest = (deps: SlackDeps) =>
  button(deps, async ({ actor, locale, value }) => {
    await deps.core.pushCertificates.requestAppleIdChange(actor, parseInput(value));
    return t(locale, "cert.appleid.requested_ack");
  });

export const certAppleIdChangeConfirm = (deps: SlackDeps) =>
  button(deps, async ({ actor, locale, value, args }) => {
    const r = await deps.core.pushCertificates.confirmAppleIdChange(actor, value);
    const body = args.body as { channel?: { id?: string }; message?: { ts?: string }; user: { id: string } };
    await queueCsrFiles(deps, r, body.channel?.id ?? body.user.id, locale, body.message?.ts);
    return t(locale, "cert.appleid.confirmed", {
      appleId: r.appleId ?? "",
      who: who(r.firstAdmin),
      link: APPLE_PUSH_PORTAL,
    });
  });
