// When a reminder is due. Pure: a deadline, the time now and the thresholds give the one key to
// post ("30d", or "overdue:<day>" once past), which RenewalReminder records so it goes out once.
import { DAY } from "../clock.js";
import { zoneOffsetMs } from "../../lib/time-zone.js";
import { dayIn } from "../digest/service.js";

export function reminderKey(
  deadline: Date,
  now: Date,
  thresholdDays: readonly number[],
  timeZone: string,
): string | null {
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return `overdue:${dayIn(now, timeZone)}`;
  // Only the nearest threshold crossed: a renewal recorded 10 days out gets "14d", not 60/30/14.
  const crossed = thresholdDays.filter((d) => left <= d * DAY);
  return crossed.length ? `${Math.min(...crossed)}d` : null;
}

/** Whole days left, rounded up (a deadline later today is "1 day"); negative once overdue. */
export function daysLeft(deadline: Date, now: Date): number {
  const left = deadline.getTime() - now.getTime();
  return left > 0 ? Math.ceil(left / DAY) : -Math.floor(-left / DAY);
}

/** The same day-of-month N months later (clamped at month end: 31 Jan + 1 month → 28/29 Feb). */
export function addMonths(d: Date, months: number): Date {
  const out = new Date(d.getTime());
  const day = out.getUTCDate();
  out.setUTCDate(1);
  out.setUTCMonth(out.getUTCMonth() + months);
  const last = new Date(Date.UTC(out.getUTCFullYear(), out.getUTCMonth() + 1, 0)).getUTCDate();
  out.setUTCDate(Math.min(day, last));
  return out;
}

/** "2027-11-30" → the start of that day in `timeZone`; a full ISO time is taken as is. */
export function parseDay(text: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) {
    const d = /^\d{4}-\d{2}-\d{2}T/.test(text.trim()) ? new Date(text.trim()) : null;
    return d && !Number.isNaN(d.getTime()) ? d : null;
  }
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const check = new Date(utc);
  if (check.getUTCMonth() !== Number(m[2]) - 1) return null;
  return new Date(utc - zoneOffsetMs(new Date(utc), timeZone));
}
