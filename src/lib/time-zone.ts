// Whether a name is an IANA time zone this runtime knows. Used by the environment schema, the
// core's preferences and the Slack locale, so it lives below all of them.

// Building a DateTimeFormat costs about a tenth of a millisecond, and every Slack reply asks:
// answers for known zones are kept (there are a few hundred; anything else is not remembered).
const knownZones = new Set<string>();

export function isTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
  } catch {
    return false;
  }
  if (knownZones.size < 1000) knownZones.add(zone);
  return true;
}

/** A moment as a wall clock in `timeZone` shows it (24-hour, month 1–12). */
export interface WallClock {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

const wallFormats = new Map<string, Intl.DateTimeFormat>();

export function wallClock(at: Date, timeZone: string): WallClock {
  let f = wallFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    if (wallFormats.size < 1000) wallFormats.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const x of f.formatToParts(at)) p[x.type] = Number(x.value);
  return { y: p.year!, mo: p.month!, d: p.day!, h: p.hour!, mi: p.minute!, s: p.second! };
}

/** How far `timeZone`'s clocks are ahead of UTC at `at` (Tokyo: +9 h), in milliseconds. */
export function zoneOffsetMs(at: Date, timeZone: string): number {
  const w = wallClock(at, timeZone);
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a wall clock in `timeZone` shows `w`. */
export function zonedTimeToUtc(w: WallClock, timeZone: string): Date {
  const guess = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  const first = guess - zoneOffsetMs(new Date(guess), timeZone);
  // Twice, so a time next to a daylight-saving change lands on the right side.
  return new Date(guess - zoneOffsetMs(new Date(first), timeZone));
}
