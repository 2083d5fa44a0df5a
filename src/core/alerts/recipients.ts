// Who hears about a device's alert besides the admin channel (the vendor's guide to alert e-mails 「重要なアラートメール設定」): the device's owner and
// the owner's department admins, each with a Slack id to DM and their language.
import type { Tx } from "../audit.js";

export interface AlertRecipient {
  personId: string;
  slackUserId: string;
  locale: string | null;
  role: "owner" | "departmentAdmin";
}

export async function alertRecipients(tx: Tx, deviceId: string): Promise<AlertRecipient[]> {
  const device = await tx.device.findUnique({
    where: { id: deviceId },
    select: {
      owner: {
        select: {
          id: true,
          slackUserId: true,
          locale: true,
          department: {
            select: { admins: { select: { person: { select: { id: true, slackUserId: true, locale: true } } } } },
          },
        },
      },
    },
  });
  const owner = device?.owner;
  if (!owner) return [];
  const out: AlertRecipient[] = [];
  if (owner.slackUserId)
    out.push({ personId: owner.id, slackUserId: owner.slackUserId, locale: owner.locale, role: "owner" });
  for (const { person } of owner.department?.admins ?? []) {
    // An owner who is also their department's admin gets the owner's message only.
    if (person.slackUserId && person.id !== owner.id)
      out.push({
        personId: person.id,
        slackUserId: person.slackUserId,
        locale: person.locale,
        role: "departmentAdmin",
      });
  }
  return out;
}
