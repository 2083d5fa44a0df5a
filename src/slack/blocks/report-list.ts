// The `/mdm reports` list: open loss reports with status and age, and a button to each device.
import type { Inventory } from "../../core/inventory/index.js";
import { t, type Locale } from "../../i18n/index.js";
import { age, esc } from "./device-card.js";
import { clip } from "./kit.js";

type OpenReports = Awaited<ReturnType<Inventory["openReports"]>>;

export function reportListBlocks(reports: OpenReports, r: { locale: Locale; now: Date }): Record<string, unknown>[] {
  const { locale, now } = r;
  const blocks: Record<string, unknown>[] = [
    { type: "section", text: { type: "mrkdwn", text: `*${t(locale, "admin.reports.title", { n: reports.length })}*` } },
  ];
  if (!reports.length)
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: t(locale, "admin.reports.none") }] });
  for (const rep of reports) {
    const first = rep.devices[0]?.device;
    const devices = rep.devices.map((d) => esc(d.device.name)).join(", ") || esc(clip(rep.deviceDescription, 80));
    blocks.push({
      type: "section",
      block_id: `report:${rep.id}`,
      text: {
        type: "mrkdwn",
        text: clip(
          `*${rep.reference}* · ${t(locale, `report.status.${rep.status}`)} · ${age(rep.createdAt, now, locale)}\n${devices} — ${esc(rep.reporterName ?? rep.reporterEmail)}`,
          3000,
        ),
      },
      ...(first
        ? {
            accessory: {
              type: "button",
              action_id: `device_show:${rep.id}`,
              value: first.id,
              text: { type: "plain_text", text: clip(t(locale, "admin.button.show"), 75) },
            },
          }
        : {}),
    });
  }
  return blocks;
}
