// A known device enrolled again without proving it is that device: the admin channel is asked,
// with what would change, before anything is handed over.
import type { Tx } from "../../core/audit.js";
import { ADMIN_CHANNEL } from "../../core/outbox.js";
import { enrollmentClaimMessage } from "../blocks/enrollment-claim.js";
import type { NotificationHandler } from "./handler.js";

export const deviceReenrollClaimed: NotificationHandler<{ type: "device.reenroll_claimed"; claimId: string }> = async (
  tx: Tx,
  event,
  ctx,
) => {
  const claim = await tx.enrollmentClaim.findUniqueOrThrow({ where: { id: event.claimId } });
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
  );
  return [
    {
      method: "chat.postMessage",
      payload: { channel: ADMIN_CHANNEL, ...message },
      correlation: `enrollment-claim:${claim.id}`,
      orderingKey: `enrollment-claim:${claim.id}`,
    },
  ];
};
