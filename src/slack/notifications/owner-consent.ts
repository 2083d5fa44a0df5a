// Personal devices (incident response): the owner is asked by DM whether their own device may be erased
// completely; their answer goes to the incident thread (the DM keeps a record of what they
// answered, without buttons); and when company data was removed — or the whole device erased
// with their consent — the owner is told exactly what went.
import type { Tx } from "../../core/audit.js";
import { ADMIN_CHANNEL, refChannel, refTs, type OutboxItem } from "../../core/outbox.js";
import { companyDataRemoval, scopeOf } from "../../core/devices/personal.js";
import { formatDateTime, pickLocale, t } from "../../i18n/index.js";
import { escapeMrkdwn } from "../blocks/kit.js";
import { consentQuestion, fullResetButton } from "../blocks/personal.js";
import type { NotificationHandler, NotifyContext } from "./handler.js";
import { actorMention } from "./security-notice.js";
import { slackMention } from "../edge.js";

type Requested = { type: "consent.requested"; consentId: string };
type Decided = { type: "consent.decided"; consentId: string };
type CommandChanged = { type: "command.changed"; commandId: string; from: string | null; to: string };

async function load(tx: Tx, consentId: string) {
  const c = await tx.ownerConsent.findUnique({ where: { id: consentId } });
  if (!c) return null;
  const [device, owner, report] = await Promise.all([
    tx.device.findUniqueOrThrow({ where: { id: c.deviceId }, select: { id: true, name: true } }),
    tx.person.findUnique({ where: { id: c.ownerId }, select: { slackUserId: true, email: true, locale: true } }),
    c.reportId ? tx.lossReport.findUnique({ where: { id: c.reportId }, select: { reference: true } }) : null,
  ]);
  return { c, device, owner, report };
}

const where = (reportId: string | null) =>
  reportId
    ? { channel: refChannel(`report:${reportId}`), thread_ts: refTs(`report:${reportId}`) }
    : { channel: ADMIN_CHANNEL };

const dmTo = (owner: { slackUserId: string | null; email: string }) =>
  owner.slackUserId ? { user: owner.slackUserId } : { email: owner.email };

const mention = (owner: { slackUserId: string | null; email: string } | null) =>
  owner?.slackUserId ? slackMention(owner.slackUserId) : escapeMrkdwn(owner?.email ?? "—");

export const consentRequested: NotificationHandler<Requested> = async (tx, e, ctx) => {
  const found = await load(tx, e.consentId);
  if (!found?.owner) return [];
  const { c, device, owner, report } = found;
  const locale = pickLocale([owner.locale], ctx.locale);
  const question = consentQuestion(
    {
      id: c.id,
      deviceName: device.name,
      reference: report?.reference ?? null,
      who: actorMention(c.requestedBy, locale),
    },
    locale,
  );
  const key = c.reportId ? `report:${c.reportId}` : `consent:${c.id}`;
  return [
    {
      method: "dm",
      payload: { ...dmTo(owner), ...question },
      correlation: `consent:${c.id}:dm`,
      dedupeKey: `consent:${c.id}:dm`,
    },
    {
      method: "chat.postMessage",
      payload: {
        ...where(c.reportId),
        text: t(ctx.locale, "personal.thread.asked", {
          who: actorMention(c.requestedBy, ctx.locale),
          owner: mention(owner),
          name: `*${escapeMrkdwn(device.name)}*`,
          expiry: formatDateTime(c.expiresAt, ctx.locale, ctx.timeZone),
        }),
      },
      orderingKey: key,
    },
  ];
};

export const consentDecided: NotificationHandler<Decided> = async (tx, e, ctx) => {
  const found = await load(tx, e.consentId);
  if (!found?.owner || !found.c.decidedAt) return [];
  const { c, device, owner } = found;
  const given = c.state === "GIVEN" || c.state === "USED";
  const ownerLocale = pickLocale([owner.locale], ctx.locale);
  const dmText = [
    consentQuestion({ id: c.id, deviceName: device.name, reference: null, who: "" }, ownerLocale).text,
    t(ownerLocale, "personal.consent.dm_decided", {
      at: formatDateTime(c.decidedAt!, ownerLocale, ctx.timeZone),
      answer: t(ownerLocale, given ? "personal.consent.give" : "personal.consent.decline"),
    }),
  ].join("\n\n");
  const threadText = t(ctx.locale, given ? "personal.thread.given" : "personal.thread.declined", {
    owner: mention(owner),
    name: `*${escapeMrkdwn(device.name)}*`,
    at: formatDateTime(c.decidedAt!, ctx.locale, ctx.timeZone),
  });
  const key = c.reportId ? `report:${c.reportId}` : `consent:${c.id}`;
  const dmKey = `consent:${c.id}:dm`;
  return [
    {
      method: "chat.update",
      payload: {
        channel: refChannel(dmKey),
        ts: refTs(dmKey),
        text: dmText,
        blocks: [{ type: "section", text: { type: "mrkdwn", text: dmText } }],
      },
      orderingKey: dmKey,
    },
    {
      method: "chat.postMessage",
      payload: {
        ...where(c.reportId),
        text: threadText,
        ...(given
          ? {
              blocks: [
                { type: "section", text: { type: "mrkdwn", text: threadText } },
                {
                  type: "actions",
                  block_id: `full_reset:${c.id}`,
                  elements: [
                    fullResetButton(
                      JSON.stringify({ r: c.reportId ?? undefined, d: device.id }),
                      device.name,
                      ctx.locale,
                    ),
                  ],
                },
              ],
            }
          : {}),
      },
      orderingKey: key,
    },
  ];
};

/** A wipe of a personal device done: the owner hears exactly what was removed (or that it was erased as they allowed). */
export const ownerToldWhatWasRemoved: NotificationHandler<CommandChanged> = async (tx, e, ctx) => {
  if (e.to !== "ACKNOWLEDGED") return [];
  const c = await tx.command.findUnique({
    where: { id: e.commandId },
    include: {
      device: { include: { owner: { select: { slackUserId: true, email: true, locale: true } } } },
      report: { select: { reference: true } },
    },
  });
  if (!c || c.type !== "ERASE_DEVICE" || !c.device.owner) return [];
  const owner = c.device.owner;
  const locale = pickLocale([owner.locale], ctx.locale);
  const base = { name: escapeMrkdwn(c.device.name), reference: c.report?.reference ?? "—" };
  let text: string;
  if (scopeOf(c.params) === "company_data") {
    text = t(locale, "personal.owner.removed", { ...base, what: removedText(c.device, locale) });
  } else {
    const consent = await tx.ownerConsent.findUnique({ where: { commandId: c.id } });
    if (!consent?.decidedAt) return [];
    text = t(locale, "personal.owner.full_reset", {
      ...base,
      at: formatDateTime(consent.decidedAt, locale, ctx.timeZone),
    });
  }
  const items: OutboxItem[] = [
    { method: "dm", payload: { ...dmTo(owner), text }, dedupeKey: `command:${c.id}:owner_told` },
  ];
  return items;
};

/** The platform's list of what "remove company data" took off the device. */
export function removedText(d: Parameters<typeof companyDataRemoval>[0], locale: NotifyContext["locale"]): string {
  return t(locale, `personal.removed.${companyDataRemoval(d) ?? "agent_profile"}`);
}
