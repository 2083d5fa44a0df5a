// /mdm renewals: every deadline that, missed, forces re-enrolling devices; and recording them:
//   renewals ade|vpp <YYYY-MM-DD> [managed Apple ID]   expiry shown in Apple Business Manager
//   renewals push <YYYY-MM-DD> [Apple ID]              a push certificate made outside this app
//   renewals upload ade|vpp [managed Apple ID]          read the expiry from the token file
//   renewals gmail <address> <YYYY-MM-DD|today>         the Android Enterprise Gmail's last sign-in
//   renewals done push|ade|vpp|gmail [YYYY-MM-DD]       renewed outside the app: a form for the new date
import { InvalidInputError, NotFoundError } from "../../core/errors.js";
import { parseKind, ROLE_FOR_KIND } from "../../core/renewals/kinds.js";
import { typedAddressNote } from "./address-warnings.js";
import { parseDay } from "../../core/renewals/thresholds.js";
import { t } from "../../i18n/index.js";
import { dayIn } from "../../core/digest/index.js";
import { openMarkRenewed } from "../listeners/views/renewal-mark-renewed.js";
import { fileUploadModal } from "../blocks/file-upload.js";
import { renewalsList, renewalStatus, TOKEN_UPLOAD_VIEW } from "../blocks/renewals.js";
import type { MdmSubcommand } from "./subcommand.js";

export const renewals: MdmSubcommand = {
  name: "renewals",
  aliases: ["renewal"],
  usageKey: "mdm.help.renewals",
  async run(c) {
    const core = c.deps.core;
    const tz = c.deps.config.APP_TIMEZONE;
    const ctx = { locale: c.locale, timeZone: tz, now: core.clock.now() };
    const [sub = "", a1, a2] = c.args;
    const reply = (text: string) => c.respond({ response_type: "ephemeral", text });
    const day = (s: string | undefined) => {
      const d = s?.toLowerCase() === "today" ? core.clock.now() : s ? parseDay(s, tz) : null;
      if (!d) throw new InvalidInputError(t(c.locale, "renewal.bad_date", { value: s ?? "" }));
      return d;
    };
    const kind = parseKind(sub === "upload" || sub === "done" ? a1 : sub);

    if (!sub) {
      core.actors.requireAdmin(c.actor);
      return void (await reply(renewalsList(await core.renewals.list(), ctx)));
    }
    if (sub === "upload" && (kind === "ADE_TOKEN" || kind === "VPP_TOKEN")) {
      core.actors.requireSystemAdmin(c.actor);
      const meta = JSON.stringify({ kind, appleId: a2 ?? null, channel: c.command.channel_id });
      await c.client.views.open({
        trigger_id: c.command.trigger_id,
        view: fileUploadModal(c.locale, TOKEN_UPLOAD_VIEW, "token.upload.title", `token.upload.intro.${kind}`, meta),
      });
      return;
    }
    if (sub === "done") {
      if (!kind) return void (await reply(t(c.locale, "renewal.done_usage")));
      const renewal = (await core.renewals.list()).find((r) => r.kind === kind);
      if (!renewal) throw new NotFoundError(t(c.locale, `renewal.kind.${kind}`));
      // Never marked at once: the form asks for (or shows) the new date and is the confirmation.
      const typed = a2 ? day(a2) : null;
      await openMarkRenewed(c.deps, {
        actor: c.actor,
        locale: c.locale,
        renewalId: renewal.id,
        triggerId: c.command.trigger_id,
        channel: c.command.channel_id,
        client: c.client,
        day: typed ? dayIn(typed, tz) : undefined,
      });
      return;
    }
    if (kind === "ADE_TOKEN" || kind === "VPP_TOKEN" || kind === "PUSH_CERTIFICATE") {
      const r = await core.renewals.recordToken(c.actor, { kind, expiresAt: day(a1), appleId: a2 ?? null });
      return void (await reply(
        t(c.locale, "renewal.recorded", { what: t(c.locale, `renewal.kind.${kind}`), status: renewalStatus(r, ctx) }) +
          (await typedAddressNote(c.deps, a2, ROLE_FOR_KIND[kind], c.locale)),
      ));
    }
    if (kind === "ANDROID_ENTERPRISE_GMAIL" && a1) {
      const r = await core.renewals.recordGmail(c.actor, { address: a1, lastSignInAt: day(a2 ?? "today") });
      return void (await reply(
        t(c.locale, "renewal.recorded", { what: t(c.locale, `renewal.kind.${kind}`), status: renewalStatus(r, ctx) }) +
          (await typedAddressNote(c.deps, a1, "ANDROID_ENTERPRISE_GMAIL", c.locale)),
      ));
    }
    await reply(t(c.locale, "renewal.list.usage"));
  },
};
