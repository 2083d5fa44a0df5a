// The App Home tab. Administrators see what is waiting on them (open incidents, second
// approvals, renewals by days left, silent devices) and quick actions; employees see their own
// devices and reports and the one button they need when something is lost.
import type { AdminOverview, EmployeeOverview } from "../../core/inventory/index.js";
import type { Incident } from "../../core/reports/incident.js";
import { DAY } from "../../core/clock.js";
import { formatDate, formatDateTime, t, type Locale } from "../../i18n/index.js";
import { age, esc, PLATFORM_EMOJI, stateLabel, type CardReader } from "./device-card.js";
import { ALERT_ROUTING_OPEN } from "./alert-routing.js";
import { clip, context, divider, header, plain, section } from "./kit.js";
import { incidentMessage, PICK_BLOCK_PREFIX } from "./incident.js";
import { reporterFoundButton } from "./reporter.js";

type Block = Record<string, unknown>;

/** Slack's limit for a Home tab view. */
export const HOME_MAX_BLOCKS = 100;

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

/**
 * One open incident on an administrator's Home: what it is, then the very buttons its message in
 * the channel carries (same action ids, values and confirms, so the same listeners handle the
 * click). Block ids get the report's id: one device in two open reports must not repeat a block
 * id in one view. The picker's block keeps its id, which names the report already.
 */
function incidentLines(incident: Incident, r: CardReader): Block[] {
  const { report: rep, devices } = incident;
  const { locale, now } = r;
  const names = devices.map((d) => esc(d.name)).join(", ") || esc(clip(rep.deviceDescription, 80));
  const summary = section(
    `*${rep.reference}* · ${t(locale, `report.status.${rep.status}`)} · ${age(rep.createdAt, now, locale)}\n${names}`,
  );
  const actions = incidentMessage(incident, locale, r.timeZone)
    .blocks.filter((b) => b.type === "actions")
    .map((b) =>
      typeof b.block_id === "string" && !b.block_id.startsWith(PICK_BLOCK_PREFIX)
        ? { ...b, block_id: `home:${rep.id}:${b.block_id}` }
        : b,
    );
  return [summary, ...actions];
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
  const incidents: Block[] = [];
  const rest: Block[] = [];
  rest.push(divider, header(t(locale, "admin.home.approvals", { n: o.approvalCount })));
  if (!o.approvals.length) rest.push(context(t(locale, "admin.home.none")));
  for (const c of o.approvals) {
    const who = c.requestedBy?.name ?? c.requestedBy?.email ?? "—";
    rest.push(
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
  rest.push(divider, header(t(locale, "admin.home.renewals")));
  if (!o.renewals.length) rest.push(context(t(locale, "admin.home.none")));
  for (const rn of o.renewals) {
    const left = daysLeft(rn.expiresAt!, now);
    const marker =
      left < RENEWAL_RED_DAYS ? ":red_circle:" : left < 60 ? ":large_yellow_circle:" : ":large_green_circle:";
    const when =
      left < 0 ? t(locale, "admin.home.overdue", { n: -left }) : t(locale, "admin.home.daysLeft", { n: left });
    rest.push(
      section(
        `${marker} *${t(locale, `renewal.kind.${rn.kind}`)}* — ${when} (${formatDate(rn.expiresAt!, locale, r.timeZone)})`,
      ),
    );
  }
  rest.push(divider, header(t(locale, "admin.home.silent", { n: o.silentCount })));
  if (!o.silent.length) rest.push(context(t(locale, "admin.home.none")));
  for (const d of o.silent) {
    const seen = d.lastCheckInAt ? age(d.lastCheckInAt, now, locale) : t(locale, "incident.never");
    rest.push(
      section(
        `${PLATFORM_EMOJI[d.platform]} *${esc(d.name)}*${d.owner?.name ? ` — ${esc(d.owner.name)}` : ""} · ${t(locale, "admin.home.lastSeen", { age: seen })}`,
      ),
    );
  }
  rest.push(divider, languageButtons(locale));
  const room = HOME_MAX_BLOCKS - blocks.length - rest.length - 1;
  let shown = 0;
  for (const incident of o.incidents) {
    const lines = incidentLines(incident, r);
    if (incidents.length + lines.length > room) break;
    incidents.push(...lines);
    shown++;
  }
  if (!o.openCount) incidents.push(context(t(locale, "admin.home.none")));
  else if (shown < o.openCount)
    incidents.push(context(t(locale, "admin.home.incidentsMore", { n: o.openCount - shown })));
  blocks.push(...incidents, ...rest);
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
    // 「見つかりました」 as in their DM; once said, what it did instead of the button again.
    blocks.push(
      rep.events.length
        ? context(t(locale, "reporter.found.already"))
        : { type: "actions", block_id: `reporter:${rep.id}`, elements: [reporterFoundButton(rep.id, locale)] },
    );
  }
  if (o.openCount > o.reports.length)
    blocks.push(context(t(locale, "admin.home.myReportsMore", { n: o.openCount - o.reports.length })));
  blocks.push(divider, languageButtons(locale));
  return { type: "home", blocks };
}
