// /mdm cert csr — a new key (encrypted at rest) and the request for Apple, posted back as files.
// /mdm cert upload — a slash command cannot carry a file, so it opens a modal with a file input;
// src/slack/listeners/views/cert-upload.ts reads the file with the bot token and installs it.
import type { CsrResult } from "../../core/certificates/push-certificates.js";
import { CertificateRefusedError } from "../../core/certificates/refusal.js";
import { t, type Locale } from "../../i18n/index.js";
import { slackText } from "../edge.js";
import { CERT_UPLOAD_VIEW, certRefusalMessage } from "../blocks/push-certificate.js";
import { fileUploadModal } from "../blocks/file-upload.js";
import type { SlackDeps } from "../deps.js";
import { typedAddressNote } from "./address-warnings.js";
import type { MdmSubcommand } from "./subcommand.js";

/** key=value words ("email=a@b", name="Taro Yamada") into an object. */
export function namedArgs(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of args) {
    const i = a.indexOf("=");
    if (i > 0) out[a.slice(0, i).toLowerCase()] = a.slice(i + 1);
  }
  return out;
}

export const cert: MdmSubcommand = {
  name: "cert",
  usageKey: "mdm.help.cert",
  async run(c) {
    const [sub = ""] = c.args.map((a) => a.toLowerCase());
    const core = c.deps.core;
    if (sub === "upload") {
      core.actors.requireSystemAdmin(c.actor);
      await c.client.views.open({
        trigger_id: c.command.trigger_id,
        view: fileUploadModal(
          c.locale,
          CERT_UPLOAD_VIEW,
          "cert.upload.title",
          "cert.upload.intro",
          c.command.channel_id,
        ),
      });
      return;
    }
    if (sub !== "csr") {
      await c.respond({ response_type: "ephemeral", text: t(c.locale, "cert.usage") });
      return;
    }
    core.actors.requireSystemAdmin(c.actor);
    // The admin's own details by default (Apple only reads them; the Apple ID is what matters).
    const named = namedArgs(c.args.slice(1));
    const person = c.actor.personId ? await core.people.byId(c.actor.personId) : null;
    if (!named.email && !person?.email)
      return void (await c.respond({ response_type: "ephemeral", text: t(c.locale, "cert.usage") }));
    const input = {
      email: named.email ?? person?.email ?? "",
      name: named.name ?? person?.name ?? person?.email ?? "",
      country: named.country ?? "JP",
      appleId: named.appleid ?? named.apple_id ?? null,
    };
    let result: CsrResult;
    try {
      result = await core.pushCertificates.createRequest(c.actor, input);
    } catch (err) {
      // Another Apple ID than the certificate's: the warning, and the way to a two-admin decision.
      if (!(err instanceof CertificateRefusedError)) throw err;
      return void (await c.respond({
        response_type: "ephemeral",
        ...certRefusalMessage(err.reason, { ...err.details, request: JSON.stringify(input) }, c.locale),
      }));
    }
    await queueCsrFiles(c.deps, result, c.command.channel_id, c.locale);
    const appleId = result.appleId ? slackText(result.appleId) : t(c.locale, "renewal.not_recorded");
    await c.respond({
      response_type: "ephemeral",
      text:
        t(c.locale, result.signedRequest ? "cert.csr.signed" : "cert.csr.unsigned", {
          appleId,
          link: APPLE_PUSH_PORTAL,
        }) + (await typedAddressNote(c.deps, input.appleId, "PUSH_CERT_APPLE_ID", c.locale)),
    });
  },
};

export const APPLE_PUSH_PORTAL = "https://identity.apple.com/pushcert/";

/** The request's public files, posted where the admin asked (the key never leaves the database). */
export async function queueCsrFiles(
  deps: SlackDeps,
  result: CsrResult,
  channel: string,
  locale: Locale,
  threadTs?: string,
): Promise<void> {
  const files = [
    { filename: "push-csr.pem", content: result.csrPem, title: t(locale, "cert.file.csr") },
    ...(result.signedRequest
      ? [{ filename: "push-request.b64", content: result.signedRequest, title: t(locale, "cert.file.signed") }]
      : []),
  ];
  await deps.core.outbox.queue(
    ...files.map((f) => ({
      method: "files.uploadV2",
      payload: {
        channel_id: channel,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        filename: f.filename,
        title: f.title,
        content: Buffer.from(f.content).toString("base64"),
      },
      orderingKey: `pushcert-request:${result.requestId}`,
    })),
  );
}
