// Response timing per incident (incident response): time to the first administrator decision and time to
// lost mode confirmed by the device, and their medians over the last 7 days for the digest.
import type { Tx } from "../audit.js";
import { DAY } from "../clock.js";

export interface ResponseMedians {
  /** Incidents reported in the week. */
  incidents: number;
  /** Median minutes from the report to the first decision; null when none was acted on. */
  firstActionMinutes: number | null;
  actedOn: number;
  /** Median minutes from the report to lost mode confirmed by the device. */
  lostModeMinutes: number | null;
  lostModeOn: number;
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function weeklyResponseMedians(tx: Tx, at: Date): Promise<ResponseMedians> {
  const rows = await tx.lossReport.findMany({
    where: { createdAt: { gt: new Date(at.getTime() - 7 * DAY), lte: at } },
    select: { createdAt: true, firstActionAt: true, lostModeOnAt: true },
    take: 100_000,
  });
  const minutes = (a: Date, b: Date | null) => (b ? Math.max(0, (b.getTime() - a.getTime()) / 60_000) : null);
  const first = rows.map((r) => minutes(r.createdAt, r.firstActionAt)).filter((m): m is number => m !== null);
  const lost = rows.map((r) => minutes(r.createdAt, r.lostModeOnAt)).filter((m): m is number => m !== null);
  return {
    incidents: rows.length,
    firstActionMinutes: median(first),
    actedOn: first.length,
    lostModeMinutes: median(lost),
    lostModeOn: lost.length,
  };
}
