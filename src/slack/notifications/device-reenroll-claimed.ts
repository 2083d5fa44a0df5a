// A known device enrolled again without proving it is that device: the admin channel is asked,
// with what would change, before anything is handed over.
import type { Tx } from "../../core/audit.js";
import { ADMIN_CHANNEL, refChannel, refTs } from "../../core/outbox.js";
import { formatDateTime } from "../../i18n/index.js";
import { slackMention } from "../edge.js";
import type { NotifyContext } from "./handler.js";
import { enrollmentClaimMessage } from "../blocks/enrollment-claim.js";
import type { NotificationHandler } from "./handler.js";

/** The question, from the claim as it stands now: with its buttons while pending, with who decided and when after. */
async function claimMessage(tx: Tx, claimId: string, ctx: NotifyContext) {
  const claim = await tx.enrollmentClaim.findUniqueOrThrow({ where: { id: claimId } });
  const device = await tx.device.findUniqueOrThrow({
    where: { id: claim.deviceId },
    include: { owner: { include: { department: true } } },
  });
  const newOwner = claim.ownerEmail
    ? await tx.person.findUnique({ where: { email: claim.ownerEmail }, include: { department: true } })
    : null;
  const message = enrollmentClaimMessage(
    { id: claim.id, deviceName: device.name, serial: claim.serial, udid: claim.udid, imei: claim.imei },
    {
      platform: device.platform,
      supervised: device.supervised,
      owner: device.owner?.email ?? null,
      department: device.owner?.department?.name ?? null,
    },
    {
      platform: claim.platform,
      supervised: claim.supervised,
      owner: claim.ownerEmail ?? device.owner?.email ?? null,
      department: (claim.ownerEmail ? newOwner?.department?.name : device.owner?.department?.name) ?? null,
    },
    ctx.locale,
    claim.decidedAt && claim.state !== "PENDING"
      ? {
          approved: claim.state === "APPROVED",
          who: claim.decidedBy?.startsWith("slack:")
            ? slackMention(claim.decidedBy.slice(6))
            : (claim.decidedBy ?? "—"),
          at: formatDateTime(claim.decidedAt, ctx.locale, ctx.timeZone),
        }
      : undefined,
  );
  return { claim, message };
}

export const deviceReenrollClaimed: NotificationHandler<{ type: "device.reenroll_claimed"; claimId: string }> = async (
  tx: Tx,
  event,
  ctx,
) => {
  const { claim, message } = await claimMessage(tx, event.claimId, ctx);
  return [
    {
      method: "chat.postMessage",
      payload: { channel: ADMIN_CHANNEL, ...message },
      correlation: `enrollment-claim:${claim.id}`,
      orderingKey: `enrollment-claim:${claim.id}`,
    },
  ];
};

/** Decided: the question is redrawn in place, its buttons gone, saying who decided and when. */
export const deviceReenrollDecided: NotificationHandler<{ type: "device.reenroll_decided"; claimId: string }> = async (
  tx: Tx,
  event,
  ctx,
) => {
  const key = `enrollment-claim:${event.claimId}`;
  const { message } = await claimMessage(tx, event.claimId, ctx);
  return [
    { method: "chat.update", payload: { channel: refChannel(key), ts: refTs(key), ...message }, orderingKey: key },
  ];
};
