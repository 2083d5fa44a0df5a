// Lost mode has been on for the configured hours (24 by default, Google's advice) and the device
// is still not found: the thread asks whether to wipe, with the Wipe button ready — the same
// two-person flow (and wipe limit) as on the incident message.
import { refChannel, refTs } from "../../core/outbox.js";
import { t, translator } from "../../i18n/index.js";
import { escapeMrkdwn, plain } from "../blocks/kit.js";
import { wipeConfirm } from "../blocks/commands.js";
import { isPersonal } from "../../core/devices/personal.js";
import type { NotificationHandler } from "./handler.js";

type Event = { type: "incident.wipe_question"; reportId: string; deviceIds: string[]; hours: number };

export const incidentWipeQuestion: NotificationHandler<Event> = async (tx, e, ctx) => {
  const devices = await tx.device.findMany({
    where: { id: { in: e.deviceIds } },
    select: { id: true, name: true, ade: true, platform: true, ownership: true, userEnrollment: true, byod: true },
  });
  if (!devices.length) return [];
  const key = `report:${e.reportId}`;
  const tr = translator(ctx.locale);
  const text = tr("response.wipe_question", {
    hours: e.hours,
    names: devices.map((d) => `*${escapeMrkdwn(d.name)}*`).join(", "),
  });
  const buttons = devices.slice(0, 20).map((d) => ({
    type: "button",
    action_id: "device_wipe",
    style: "danger",
    // A personal device's wipe removes the company data only: the button says so.
    text: plain(
      isPersonal(d)
        ? `${tr("capability.wipe.company_data_button")}: ${d.name}`
        : tr("response.wipe_question.button", { name: d.name }),
    ),
    value: JSON.stringify({ r: e.reportId, d: d.id }),
    confirm: wipeConfirm({ name: d.name, ade: d.ade, personal: isPersonal(d) }, ctx.locale),
  }));
  return [
    {
      method: "chat.postMessage",
      payload: {
        channel: refChannel(key),
        thread_ts: refTs(key),
        reply_broadcast: true,
        text,
        blocks: [
          { type: "section", text: { type: "mrkdwn", text } },
          { type: "actions", block_id: `wipe_question:${e.reportId}`, elements: buttons },
        ],
      },
      orderingKey: key,
      dedupeKey: `${key}:wipe_question`,
    },
  ];
};
