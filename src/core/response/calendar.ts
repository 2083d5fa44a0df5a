// The company calendar for escalation: business hours on working days in Japan. Not working:
// Saturdays, Sundays, national holidays (国民の祝日, 振替休日 and 国民の休日, from
// @holiday-jp/holiday_jp, which follows the Cabinet Office's list and the law's rules) and the
// year-end break 年末年始 (29 December – 3 January, as most Japanese companies close).
import holidayJp from "@holiday-jp/holiday_jp";

import { DEFAULT_BUSINESS_HOURS, type BusinessHours } from "../../lib/business-hours.js";

export { DEFAULT_BUSINESS_HOURS, parseBusinessHours, type BusinessHours } from "../../lib/business-hours.js";

function localParts(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: parts.weekday as string,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

export type DayKind = "workday" | "weekend" | "holiday" | "year_end";

/** What kind of day `at` falls on in the company's time zone, and the holiday's name if any. */
export function dayKind(at: Date, timeZone = "Asia/Tokyo"): { kind: DayKind; name?: string } {
  const p = localParts(at, timeZone);
  if ((p.month === 12 && p.day >= 29) || (p.month === 1 && p.day <= 3)) return { kind: "year_end", name: "年末年始" };
  const holiday = (holidayJp.holidays as Record<string, { name: string } | undefined>)[p.date];
  if (holiday) return { kind: "holiday", name: holiday.name };
  if (p.weekday === "Sat" || p.weekday === "Sun") return { kind: "weekend" };
  return { kind: "workday" };
}

export function isBusinessTime(at: Date, hours: BusinessHours = DEFAULT_BUSINESS_HOURS): boolean {
  if (dayKind(at, hours.timeZone).kind !== "workday") return false;
  const { minutes } = localParts(at, hours.timeZone);
  return minutes >= hours.start && minutes < hours.end;
}
