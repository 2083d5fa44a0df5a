// Block Kit for the daily digest: one message; each list shows its first lines and collapses
// the rest into a count plus a CSV file uploaded to the message's thread.
import type { types } from "@slack/bolt";

type KnownBlock = types.KnownBlock;
import { toCsv } from "../../core/csv.js";
import type { Digest, PersonalSummary } from "../../core/digest/index.js";
import { RENEWAL_HORIZON_DAYS } from "../../core/digest/build.js";
import { daysLeft } from "../../core/renewals/thresholds.js";
import { formatDate, formatDateTime, t, type Locale, keyOf } from "../../i18n/index.js";
import { alertDetail, alertTypeText } from "./alerts.js";
import { clip, escapeMrkdwn } from "./kit.js";

/** Lines shown per list before it collapses into a count and a CSV. */
export const INLINE_LINES = 10;

export interface DigestFile {
  filename: string;
  title: string;
  content: string;
}

interface Ctx {
  locale: Locale;
  timeZone: string;
}

interface Section<T> {
  heading: string;
  items: T[];
  line: (item: T) => string;
  csv: { name: string; header: string[]; row: (item: T) => unknown[] };
}

const short = (s: string) => clip(s, 200);
const esc = escapeMrkdwn;

function render<T>(s: Section<T>, locale: Locale, blocks: KnownBlock[], files: DigestFile[], day: string) {
  const lines = [s.heading, ...s.items.slice(0, INLINE_LINES).map((i) => short(s.line(i)))];
  if (s.items.length > INLINE_LINES) {
    const file = `${s.csv.name}-${day}.csv`;
    lines.push(t(locale, "digest.more", { count: s.items.length - INLINE_LINES, file }));
    files.push({
      filename: file,
      title: file,
      content: toCsv([s.csv.header, ...s.items.map(s.csv.row)], { bom: false }),
    });
  }
  blocks.push({ type: "section", text: { type: "mrkdwn", text: lines.join("\n") } });
}

function alertLines(d: Pick<Digest, "alertCounts">, locale: Locale): string[] {
  return d.alertCounts.map((c) => `• ${alertTypeText(locale, c.type)}: ${c.count}`);
}

function noResponseSection(
  list: Digest["noResponse"],
  { locale, timeZone }: Ctx,
): Section<Digest["noResponse"][number]> {
  return {
    heading: t(locale, "digest.noResponse", { count: list.length }),
    items: list,
    line: (d) =>
      t(locale, "digest.noResponse.line", {
        device: esc(d.name),
        platform: d.platform,
        at: formatDateTime(d.lastResponseAt, locale, timeZone),
        owner: d.ownerName ? ` — ${esc(d.ownerName)}` : "",
      }),
    csv: {
      name: "no-response",
      header: ["device_id", "device", "platform", "last_response", "owner"],
      row: (d) => [d.id, d.name, d.platform, d.lastResponseAt, d.ownerName ?? ""],
    },
  };
}

export function digestMessage(
  d: Digest,
  ctx: Ctx & { day: string; manual: boolean },
): { text: string; blocks: KnownBlock[]; files: DigestFile[] } {
  const { locale, timeZone, day } = ctx;
  const date = formatDate(d.at, locale, timeZone);
  const title = t(locale, ctx.manual ? "digest.title.manual" : "digest.title", { date });
  const since = formatDateTime(d.since, locale, timeZone);
  const blocks: KnownBlock[] = [{ type: "header", text: { type: "plain_text", text: title } }];
  const files: DigestFile[] = [];
  blocks.push({
    type: "section",
    text: {
      type: "mrkdwn",
      text: d.alertsTotal
        ? [t(locale, "digest.alerts", { since, count: d.alertsTotal }), ...alertLines(d, locale)].join("\n")
        : t(locale, "digest.alerts.none", { since }),
    },
  });
  render(noResponseSection(d.noResponse, ctx), locale, blocks, files, day);
  render(
    {
      heading: t(locale, "digest.openReports", { count: d.openReports.length }),
      items: d.openReports,
      line: (r) =>
        t(locale, "digest.openReports.line", {
          reference: r.reference,
          status: t(locale, keyOf("report.status.", r.status)),
          device: esc(r.deviceDescription),
        }),
      csv: {
        name: "open-reports",
        header: ["reference", "status", "reported_at", "device"],
        row: (r) => [r.reference, r.status, r.createdAt, r.deviceDescription],
      },
    },
    locale,
    blocks,
    files,
    day,
  );
  render(
    {
      heading: t(locale, "digest.awaitingApproval", { count: d.awaitingApproval.length }),
      items: d.awaitingApproval,
      line: (c) =>
        t(locale, "digest.command.line", {
          type: t(locale, keyOf("command.type.", c.type)),
          device: esc(c.deviceName),
          since: formatDateTime(c.requestedAt, locale, timeZone),
        }),
      csv: {
        name: "awaiting-approval",
        header: ["command_id", "type", "device", "requested_at"],
        row: (c) => [c.id, c.type, c.deviceName, c.requestedAt],
      },
    },
    locale,
    blocks,
    files,
    day,
  );
  render(
    {
      heading: t(locale, "digest.pending", { count: d.pendingCommands.length }),
      items: d.pendingCommands,
      line: (c) =>
        t(locale, "digest.command.line", {
          type: t(locale, keyOf("command.type.", c.type)),
          device: esc(c.deviceName),
          since: c.queuedAt
            ? formatDateTime(c.queuedAt, locale, timeZone)
            : t(locale, keyOf("command.state.", c.state)),
        }),
      csv: {
        name: "pending-commands",
        header: ["command_id", "type", "state", "device", "queued_at", "expires_at"],
        row: (c) => [c.id, c.type, c.state, c.deviceName, c.queuedAt, c.expiresAt],
      },
    },
    locale,
    blocks,
    files,
    day,
  );
  if (d.response?.incidents)
    blocks.push({ type: "section", text: { type: "mrkdwn", text: responseLine(d.response, locale) } });
  render(
    {
      heading: t(locale, "digest.renewals", {
        days: RENEWAL_HORIZON_DAYS,
        count: d.renewals.filter((r) => r.dueSoon).length,
      }),
      items: d.renewals,
      line: (r) =>
        t(locale, "digest.renewals.line", {
          label: `${r.overdue ? ":rotating_light: " : r.dueSoon ? ":warning: " : ""}${t(locale, keyOf("renewal.kind.", r.kind))}`,
          when: r.overdue
            ? t(locale, "digest.renewals.overdue", { date: formatDate(r.expiresAt, locale, timeZone) })
            : t(locale, "digest.renewals.left", {
                date: formatDate(r.expiresAt, locale, timeZone),
                days: daysLeft(r.expiresAt, d.at),
              }),
        }),
      csv: {
        name: "renewals",
        header: ["renewal_id", "kind", "label", "expires_at", "overdue"],
        row: (r) => [r.id, r.kind, r.label, r.expiresAt, r.overdue],
      },
    },
    locale,
    blocks,
    files,
    day,
  );
  return { text: title, blocks, files };
}

/** This week's response medians: how fast a report gets a decision and lost mode. */
function responseLine(r: NonNullable<Digest["response"]>, locale: Locale): string {
  const fmt = (m: number | null) => (m === null ? "—" : formatMinutes(m, locale));
  return t(locale, "response.digest.medians", {
    incidents: r.incidents,
    first: fmt(r.firstActionMinutes),
    acted: r.actedOn,
    lost: fmt(r.lostModeMinutes),
    lostOn: r.lostModeOn,
  });
}

export function formatMinutes(m: number, locale: Locale): string {
  const total = Math.round(m);
  const h = Math.floor(total / 60);
  const min = total % 60;
  if (locale === "ja") return h ? `${h} 時間 ${min} 分` : `${min} 分`;
  return h ? `${h} h ${min} min` : `${min} min`;
}

/** An owner's or a department admin's own summary: their devices only, short, no files. */
export function personalDigestMessage(
  s: PersonalSummary,
  d: Pick<Digest, "at" | "since">,
  ctx: Ctx & { kind: "owner" | "departmentAdmin" },
): { text: string; blocks: KnownBlock[] } {
  const { locale, timeZone } = ctx;
  const title = t(locale, ctx.kind === "owner" ? "digest.owner.title" : "digest.departmentAdmin.title", {
    date: formatDate(d.at, locale, timeZone),
  });
  const since = formatDateTime(d.since, locale, timeZone);
  const total = s.alertCounts.reduce((n, c) => n + c.count, 0);
  const blocks: KnownBlock[] = [{ type: "header", text: { type: "plain_text", text: title } }];
  if (!total && !s.noResponse.length) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: t(locale, "digest.personal.nothing") } });
    return { text: title, blocks };
  }
  if (total) {
    // Each alert's facts (device, type, time, detail), then the counts covering any beyond them.
    const facts = s.alerts.map((a) => {
      const detail = alertDetail(a.type, a.details, locale);
      return t(locale, "digest.personal.alertLine", {
        at: formatDateTime(a.detectedAt, locale, timeZone),
        device: esc(a.deviceName),
        type: alertTypeText(locale, a.type),
        detail: detail ? ` — ${esc(detail)}` : "",
      });
    });
    const more = total - s.alerts.length;
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: [
          t(locale, "digest.alerts", { since, count: total }),
          ...facts,
          ...(more > 0 ? [t(locale, "digest.personal.alertsMore", { n: more }), ...alertLines(s, locale)] : []),
        ]
          .join("\n")
          .slice(0, 3000),
      },
    });
  }
  if (s.noResponse.length) {
    const sec = noResponseSection(s.noResponse, ctx);
    const lines = [sec.heading, ...s.noResponse.slice(0, INLINE_LINES * 2).map(sec.line)];
    if (s.noResponse.length > INLINE_LINES * 2) lines.push(`… +${s.noResponse.length - INLINE_LINES * 2}`);
    blocks.push({ type: "section", text: { type: "mrkdwn", text: lines.join("\n") } });
  }
  return { text: title, blocks };
}
