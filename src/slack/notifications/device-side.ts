// What a device did by itself, in the thread of each open loss report about it: where it is
// (Android lost mode sends locations on its own) and changes made on the device — someone left
// lost mode with the device password — with what to do next. The incident message is
// re-rendered too, so its buttons match the device's real state (lost mode can be enabled again).
import { refChannel, refTs, type OutboxItem } from "../../core/outbox.js";
import type { Tx } from "../../core/audit.js";
import type { DomainEvent } from "../../core/events.js";
import { loadIncident } from "../../core/reports/incident.js";
import { formatDateTime, t, translator } from "../../i18n/index.js";
import { mapUrl } from "../blocks/commands.js";
import { escapeMrkdwn } from "../blocks/kit.js";
import type { NotificationHandler, NotifyContext } from "./handler.js";
import { incidentUpdate } from "./report-changed.js";

type Located = Extract<DomainEvent, { type: "device.located" }>;
type Changed = Extract<DomainEvent, { type: "device.changed_on_device" }>;

async function inThreads(
  tx: Tx,
  reportIds: string[],
  ctx: NotifyContext,
  text: (deviceName: string) => string,
  deviceId: string,
): Promise<OutboxItem[]> {
  const items: OutboxItem[] = [];
  for (const reportId of reportIds) {
    const incident = await loadIncident(tx, reportId);
    if (!incident) continue;
    const name = incident.devices.find((d) => d.id === deviceId)?.name ?? "—";
    items.push(...(await incidentUpdate(tx, reportId, ctx)));
    const key = `report:${reportId}`;
    items.push({
      method: "chat.postMessage",
      payload: {
        channel: refChannel(key),
        thread_ts: refTs(key),
        text: text(`*${escapeMrkdwn(name)}*`),
        unfurl_links: false,
      },
      orderingKey: key,
    });
  }
  return items;
}

export const deviceLocated: NotificationHandler<Located> = async (tx, e, ctx) => {
  const l = e.location;
  const tr = translator(ctx.locale);
  return inThreads(
    tx,
    e.reportIds,
    ctx,
    (name) =>
      [
        tr("device_side.located", {
          name,
          url: mapUrl(l.latitude, l.longitude),
          lat: l.latitude.toFixed(5),
          lon: l.longitude.toFixed(5),
          at: formatDateTime(new Date(l.at), ctx.locale, ctx.timeZone),
        }),
        l.accuracyM !== null
          ? tr("device_side.accuracy", { m: Math.round(l.accuracyM) })
          : tr("device_side.accuracy_unknown"),
        ...(l.batteryPercent !== null ? [tr("device_side.battery", { pct: Math.round(l.batteryPercent) })] : []),
      ].join("\n"),
    e.deviceId,
  );
};

export const deviceChangedOnDevice: NotificationHandler<Changed> = async (tx, e, ctx) =>
  inThreads(tx, e.reportIds, ctx, (name) => t(ctx.locale, `device_side.${e.change}`, { name }), e.deviceId);
