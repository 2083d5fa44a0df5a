// The App Home tab. Administrators see what is waiting on them (open incidents, second
// approvals, renewals by days left, silent devices) and quick actions; employees see their own
// devices and reports and the one button they need when something is lost.
import type { AdminOverview, EmployeeOverview } from "../../core/inventory/index.js";
import { DAY } from "../../core/clock.js";
import { formatDate, formatDateTime, t, type Locale } from "../../i18n/index.js";
import { age, esc, PLATFORM_EMOJI, stateLabel, type CardReader } from "./device-card.js";
import { ALERT_ROUTING_OPEN } from "./alert-routing.js";
import { clip, context, divider, header, plain, section } from "./kit.js";

type Block = Record<string, unknown>;

/** Renewals with fewer days than this left are marked red. */
export const RENEWAL_RED_DAYS = 14;

export function languageButtons(locale: Locale): Block {
  return {
    type: "actions",
    block_id: "home_language",
    elements: [
      {
        type: "button",
        action_id: "home_set_language_ja",
        value: "ja",
        text: plain("日本語"),
        ...(locale === "ja" ? { style: "primary" } : {}),
      },
      {
        type: "button",
        action_id: "home_set_language_en",
        value: "en",
        text: plain("English"),
        ...(locale === "en" ? { style: "primary" } : {}),
      },
    ],
  };
}

export function reportLostButton(locale: Locale): Record<string, unknown> {
  return {
    type: "button",
    action_id: "home_report_lost",
    // The one button an employee needs: inviting (primary), not a warning — reporting is safe.
    style: "primary",
    value: "report",
    text: plain(t(locale, "admin.home.reportLost")),
  };
}

/** Days left until `at`, rounded down; negative once it has passed. */
export const daysLeft = (at: Date, now: Date) => Math.floor((at.getTime() - now.getTime()) / DAY);

export function adminHomeView(o: AdminOverview, r: CardReader & { portalUrl: string }): Record<string, unknown> {
  const { locale, now } = r;
  const blocks: Block[] = [
    header(t(locale, "admin.home.title")),
    context(t(locale, "admin.home.updated", { at: formatDateTime(now, locale, r.timeZone) })),
    {
      type: "actions",
      block_id: "home_quick",
      elements: [
        reportLostButton(locale),
        { type: "button", action_id: "home_refresh", value: "refresh", text: plain(t(locale, "admin.home.refresh")) },
        {
          type: "button",
          action_id: "home_open_portal",
          url: r.portalUrl,
          text: plain(t(locale, "admin.home.portal")),
        },
        // Where alerts go (system admins; the form says so to anyone else).
        {
          type: "button",
          action_id: ALERT_ROUTING_OPEN,
          value: "routing",
          text: plain(t(locale, "admin.home.alertRouting")),
        },
      ],
    },
    context(t(locale, "admin.home.hint")),
    divider,
    header(t(locale, "admin.home.incidents", { n: o.openCount })),
  ];
  if (!o.openReports.length) blocks.push(context(t(locale, "admin.home.none")));
  for (const rep of o.openReports) {
    const devices = rep.devices.map((x) => esc(x.device.name)).join(", ") || esc(clip(rep.deviceDescription, 80));
    blocks.push(
      section(
        `*${rep.reference}* · ${t(locale, `report.status.${rep.status}`)} · ${age(rep.createdAt, now, locale)}\n${devices}`,
      ),
    );
  }
  blocks.push(divider, header(t(locale, "admin.home.approvals", { n: o.approvalCount })));
  if (!o.approvals.length) blocks.push(context(t(locale, "admin.home.none")));
  for (const c of o.approvals) {
    const who = c.requestedBy?.name ?? c.requestedBy?.email ?? "—";
    blocks.push(
      section(
        t(locale, "admin.home.approvalLine", {
          command: t(locale, `command.type.${c.type}`),
          device: esc(c.device.name),
          who: esc(who),
          age: age(c.requestedAt, now, locale),
          reference: c.report?.reference ?? "—",
        }),
      ),
    );
  }
  blocks.push(divider, header(t(locale, "admin.home.renewals")));
  if (!o.renewals.length) blocks.push(context(t(locale, "admin.home.none")));
  for (const rn of o.renewals) {
    const left = daysLeft(rn.expiresAt!, now);
    const marker =
      left < RENEWAL_RED_DAYS ? ":red_circle:" : left < 60 ? ":large_yellow_circle:" : ":large_green_circle:";
    const when =
      left < 0 ? t(locale, "admin.home.overdue", { n: -left }) : t(locale, "admin.home.daysLeft", { n: left });
    blocks.push(
      section(
        `${marker} *${t(locale, `renewal.kind.${rn.kind}`)}* — ${when} (${formatDate(rn.expiresAt!, locale, r.timeZone)})`,
      ),
    );
  }
  blocks.push(divider, header(t(locale, "admin.home.silent", { n: o.silentCount })));
  if (!o.silent.length) blocks.push(context(t(locale, "admin.home.none")));
  for (const d of o.silent) {
    const seen = d.lastCheckInAt ? age(d.lastCheckInAt, now, locale) : t(locale, "incident.never");
    blocks.push(
      section(
        `${PLATFORM_EMOJI[d.platform]} *${esc(d.name)}*${d.owner?.name ? ` — ${esc(d.owner.name)}` : ""} · ${t(locale, "admin.home.lastSeen", { age: seen })}`,
      ),
    );
  }
  blocks.push(divider, languageButtons(locale));
  return { type: "home", blocks };
}

export function employeeHomeView(o: EmployeeOverview, r: CardReader): Record<string, unknown> {
  const { locale, now } = r;
  const blocks: Block[] = [
    header(t(locale, "admin.home.employeeTitle")),
    section(t(locale, "admin.home.employeeIntro")),
    { type: "actions", block_id: "home_report", elements: [reportLostButton(locale)] },
    divider,
    header(t(locale, "admin.home.myDevices")),
  ];
  if (!o.devices.length) blocks.push(context(t(locale, "admin.home.noDevices")));
  for (const d of o.devices) {
    const seen = d.lastCheckInAt ? formatDateTime(d.lastCheckInAt, locale, r.timeZone) : t(locale, "incident.never");
    blocks.push(
      section(
        `${PLATFORM_EMOJI[d.platform]} *${esc(d.name)}*${d.model ? ` · ${esc(d.model)}` : ""}\n${stateLabel(locale, d.state)} · ${t(locale, "admin.card.lastCheckIn")}: ${seen}`,
      ),
    );
  }
  blocks.push(divider, header(t(locale, "admin.home.myReports")));
  if (!o.reports.length) blocks.push(context(t(locale, "admin.home.noReports")));
  for (const rep of o.reports) {
    blocks.push(
      section(
        `*${rep.reference}* · ${t(locale, `report.status.${rep.status}`)} · ${age(rep.createdAt, now, locale)}\n${esc(clip(rep.deviceDescription, 200))}`,
      ),
    );
  }
  blocks.push(divider, languageButtons(locale));
  return { type: "home", blocks };
}
