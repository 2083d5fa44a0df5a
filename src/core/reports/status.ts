// What the public status page may show: the reference and the history in plain steps. Never a
// device, a person or a location — the link may be forwarded, and the visitor is anonymous.
import type { Db } from "../../db/client.js";
import type { ReportStatus } from "../../generated/prisma/enums.js";
import { hashStatusToken, looksLikeStatusToken } from "./tokens.js";
import { scopeOf } from "../devices/personal.js";

export interface StatusView {
  reference: string;
  /** The language the report was made in: the page's default. */
  locale: string;
  receivedAt: Date;
  status: ReportStatus;
  closed: boolean;
  steps: { status: ReportStatus; at: Date }[];
  /** The wipe removed only the company's data (a personal device): said instead of "erased". */
  companyDataOnly: boolean;
  /** The reporter already said they found it (REPORTER_FOUND_NOTE). */
  reporterFound: boolean;
}

export async function statusView(
  db: Db,
  reports: { reconcileNotified(reportId: string): Promise<unknown> },
  token: string,
): Promise<StatusView | null> {
  if (!looksLikeStatusToken(token)) return null;
  const hash = hashStatusToken(token);
  const found = await db.lossReport.findUnique({ where: { statusTokenHash: hash }, select: { id: true } });
  if (!found) return null;
  await reports.reconcileNotified(found.id);
  const r = await db.lossReport.findUniqueOrThrow({
    where: { id: found.id },
    select: {
      reference: true,
      locale: true,
      createdAt: true,
      status: true,
      closedAt: true,
      events: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { status: true, at: true, note: true } },
      commands: { where: { type: "ERASE_DEVICE", state: "ACKNOWLEDGED" }, select: { params: true } },
    },
  });
  return {
    reference: r.reference,
    locale: r.locale,
    receivedAt: r.createdAt,
    status: r.status,
    closed: r.closedAt !== null || ["FOUND", "DISMISSED", "CLOSED"].includes(r.status),
    reporterFound: r.events.some((e) => e.note === "reporter_found"),
    // Notes added at the same status (an expiry, a retry) are for admins; the page shows each step once.
    steps: r.events
      .filter((e, i, all) => i === 0 || all[i - 1]!.status !== e.status)
      .map((e) => ({ status: e.status, at: e.at })),
    companyDataOnly: r.commands.length > 0 && r.commands.every((c) => scopeOf(c.params) === "company_data"),
  };
}
