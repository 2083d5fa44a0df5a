// Business hours as the environment states them ("09:00-18:00", ESCALATION_BUSINESS_HOURS):
// read by the environment schema and by the core's company calendar, so it lives below both.

export interface BusinessHours {
  /** Minutes after midnight, company time: 09:00 → 540. */
  start: number;
  end: number;
  timeZone: string;
}

export const DEFAULT_BUSINESS_HOURS: BusinessHours = { start: 9 * 60, end: 18 * 60, timeZone: "Asia/Tokyo" };

/** "09:00-18:00" → minutes; null when malformed or empty. */
export function parseBusinessHours(text: string, timeZone = "Asia/Tokyo"): BusinessHours | null {
  const m = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = Number(m[3]) * 60 + Number(m[4]);
  if (Number(m[2]) > 59 || Number(m[4]) > 59 || end > 24 * 60 || start >= end) return null;
  return { start, end, timeZone };
}
