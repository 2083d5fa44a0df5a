// "When did you lose it?" as a stressed person answers it: an exact date and time, a day with
// or without a time (「11月30日 21時」, "30 Nov"), or words (「昨日の夜」, 「先週末」, "last night").
// An exact answer is the time. Anything less exact is kept as typed beside a best guess, so
// admins read the person's words and can still sort and compare; it is never refused for being
// approximate, only for naming a day that has not happened yet.

import { wallClock, zonedTimeToUtc } from "../../lib/time-zone.js";

export interface ParsedLostAt {
  /** The time: exact, or the best guess when `lostAtText` is set (null when no guess fits). */
  lostAt: Date | null;
  /** As typed, when it is not an exact date and time; `lostAt` is then an estimate. */
  lostAtText: string | null;
  future: boolean;
}

/** A few minutes of slack for clocks that disagree. */
const CLOCK_SLACK_MS = 10 * 60_000;

/** Parts of the day, as the hour a person most likely means. */
const PARTS_OF_DAY: [RegExp, number][] = [
  [/深夜|真夜中|late at night|midnight/, 23],
  [/早朝|early morning/, 6],
  [/朝|午前中|morning/, 9],
  [/昼|noon|lunch/, 12],
  [/午後|afternoon/, 15],
  [/夕方|夕|evening/, 18],
  [/夜|晩|night/, 21],
];

const WEEKDAYS: [RegExp, number][] = [
  [/日曜|sunday|\bsun\b/, 0],
  [/月曜|monday|\bmon\b/, 1],
  [/火曜|tuesday|\btue\b/, 2],
  [/水曜|wednesday|\bwed\b/, 3],
  [/木曜|thursday|\bthu\b/, 4],
  [/金曜|friday|\bfri\b/, 5],
  [/土曜|saturday|\bsat\b/, 6],
];

/** Words that say the person is not sure of the time they gave. */
const APPROXIMATE = /頃|ごろ|くらい|ぐらい|前後|過ぎ|すぎ|about|around|approx|roughly|ish|\?|~|〜/;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

interface Day {
  y: number;
  mo: number;
  d: number;
}

export function parseLostAt(input: string, timeZone: string, now: Date): ParsedLostAt {
  const typed = input.trim();
  if (!typed) return { lostAt: null, lostAtText: null, future: false };
  // Full-width digits, colons and slashes read as their ASCII twins; dashes of every kind as "-".
  const v = typed
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[‐‑‒–—―−ー]/g, "-");

  const exact = exactTime(v, timeZone);
  if (exact) return { lostAt: exact, lostAtText: null, future: exact.getTime() > now.getTime() + CLOCK_SLACK_MS };

  const text = typed.slice(0, 100);
  const guess = estimate(v, timeZone, now);
  if (!guess) return { lostAt: null, lostAtText: text, future: false };
  const at = zonedTimeToUtc({ ...guess.day, h: guess.h, mi: guess.mi, s: 0 }, timeZone);
  // 「11月30日 21時」 names the time as exactly as the picker would: nothing to keep beside it.
  if (guess.calendarDay && guess.explicitTime && !APPROXIMATE.test(v))
    return { lostAt: at, lostAtText: null, future: at.getTime() > now.getTime() + CLOCK_SLACK_MS };
  const today = localDay(now, timeZone);
  // A day after today is a mistake to point out; a later hour today ("this evening" typed in the
  // morning) is only a rough guess, so it becomes "now" rather than a refusal.
  if (dayNumber(guess.day) > dayNumber(today)) return { lostAt: at, lostAtText: text, future: true };
  if (at.getTime() > now.getTime()) {
    if (guess.explicitTime && at.getTime() > now.getTime() + CLOCK_SLACK_MS)
      return { lostAt: at, lostAtText: text, future: true };
    return { lostAt: now, lostAtText: text, future: false };
  }
  return { lostAt: at, lostAtText: text, future: false };
}

/** "2026-11-20T09:30" (a datetime-local field, in the portal's zone), with seconds, or full ISO. */
function exactTime(v: string, timeZone: string): Date | null {
  const local = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:t|\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(v);
  if (local) {
    const [y, mo, d, h, mi, s] = local.slice(1).map((x) => Number(x ?? 0));
    if (!validDay({ y: y!, mo: mo!, d: d! }) || h! > 23 || mi! > 59) return null;
    return zonedTimeToUtc({ y: y!, mo: mo!, d: d!, h: h!, mi: mi!, s: s! }, timeZone);
  }
  if (/^\d{4}-\d{2}-\d{2}t\d{2}:\d{2}(:\d{2}(\.\d+)?)?(z|[+-]\d{2}:?\d{2})$/.test(v)) {
    const at = new Date(v.toUpperCase());
    return Number.isNaN(at.getTime()) ? null : at;
  }
  return null;
}

/** The best guess for anything less exact: a day (named, relative or a weekday) and an hour. */
function estimate(
  v: string,
  timeZone: string,
  now: Date,
): { day: Day; h: number; mi: number; explicitTime: boolean; calendarDay: boolean } | null {
  const today = localDay(now, timeZone);
  // "2 hours ago", 「30分前」, 「さっき」: counted back from now.
  const ago = /(\d+|an?|a few|数)\s*(時間|hours?|hrs?|分|minutes?|mins?)\s*(?:くらい|ぐらい|ほど)?\s*(前|ago)/.exec(v);
  if (ago || /さっき|先ほど|先程|たった今|just now|a moment ago/.test(v)) {
    const n = !ago ? 0.5 : /\d/.test(ago[1]!) ? Number(ago[1]) : /few|数/.test(ago[1]!) ? 3 : 1;
    const perUnit = !ago ? 3_600_000 : /時間|hour|hr/.test(ago[2]!) ? 3_600_000 : 60_000;
    const at = new Date(now.getTime() - n * perUnit);
    const local = localParts(at, timeZone);
    return { day: local, h: local.h, mi: local.mi, explicitTime: false, calendarDay: false };
  }

  const named = dayOf(v, today);
  const time = timeOf(v);
  if (!named && !time) return null;
  const part = PARTS_OF_DAY.find(([re]) => re.test(v))?.[1];
  // 「昨夜」「ゆうべ」 name the night, "last night" too; a weekend defaults to its Saturday afternoon.
  const nightWord = /昨夜|昨晩|ゆうべ|今夜|今晩|last night|tonight/.test(v);
  const h = time?.h ?? part ?? (nightWord ? 21 : /週末|weekend/.test(v) ? 15 : 12);
  // A time alone ("9pm", 「夜9時ごろ」) is its latest past occurrence: typed in the morning, last night.
  const clock = localParts(now, timeZone);
  const later = !named && time !== null && time.h * 60 + time.mi > clock.h * 60 + clock.mi;
  return {
    day: named?.day ?? (later ? addDays(today, -1) : today),
    h,
    mi: time?.mi ?? 0,
    explicitTime: Boolean(time),
    calendarDay: named?.calendar ?? false,
  };
}

/** The day named; `calendar` when it was a date (「11月30日」) rather than words (「昨日」). */
function dayOf(v: string, today: Day & { dow: number }): { day: Day; calendar: boolean } | null {
  const relative = relativeDay(v, today);
  if (relative) return { day: relative, calendar: false };
  const date = calendarDate(v, today);
  return date ? { day: date, calendar: true } : null;
}

function relativeDay(v: string, today: Day & { dow: number }): Day | null {
  const shift = (n: number) => addDays(today, n);
  const daysAgo = /(\d+)\s*(日前|days? ago)/.exec(v);
  if (daysAgo) return shift(-Number(daysAgo[1]));
  const weeksAgo = /(\d+|a|one)\s*(週間前|weeks? ago)/.exec(v);
  if (weeksAgo) return shift(-7 * (/\d/.test(weeksAgo[1]!) ? Number(weeksAgo[1]) : 1));
  if (/一昨日|おととい|day before yesterday/.test(v)) return shift(-2);
  if (/昨日|きのう|昨夜|昨晩|ゆうべ|yesterday|last night/.test(v)) return shift(-1);
  if (/今日|本日|きょう|今朝|今夜|今晩|today|tonight|this (morning|afternoon|evening)/.test(v)) return today;
  if (/明日|あした|明後日|あさって|tomorrow/.test(v)) return shift(/明後日|あさって/.test(v) ? 2 : 1);

  const lastWeek = /先週|last week/.test(v);
  const weekday = today.dow;
  if (/週末|weekend/.test(v)) {
    // The Saturday of the most recent weekend already begun; 「先週末」 on a weekend means the one before.
    const back = (weekday + 1) % 7;
    const inWeekend = weekday === 6 || weekday === 0;
    return shift(-back - (lastWeek && inWeekend ? 7 : 0));
  }
  const named = WEEKDAYS.find(([re]) => re.test(v));
  if (named) {
    if (lastWeek) {
      // 「先週の金曜」: that weekday in the week (Monday to Sunday) before this one.
      const sinceMonday = (weekday + 6) % 7;
      return shift(-sinceMonday - 7 + ((named[1] + 6) % 7));
    }
    // "last Friday" said on a Friday is a week ago; plain "Friday" is today.
    const back = (weekday - named[1] + 7) % 7;
    return shift(-(back === 0 && /last\s+[a-z]+day/.test(v) ? 7 : back));
  }
  return null;
}

function calendarDate(v: string, today: Day): Day | null {
  const ymd = /(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})\s*日?/.exec(v);
  if (ymd) {
    const d = { y: Number(ymd[1]), mo: Number(ymd[2]), d: Number(ymd[3]) };
    return validDay(d) ? d : null;
  }
  const md = /(\d{1,2})\s*(?:月|\/)\s*(\d{1,2})\s*日?/.exec(v);
  if (md) return latestPast(today, Number(md[1]), Number(md[2]));
  const monthName = new RegExp(
    `(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?\\b(${MONTHS.join("|")})[a-z]*\\.?(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:am|pm|:)))?`,
  ).exec(v);
  if (monthName && (monthName[1] || monthName[3]))
    return latestPast(today, MONTHS.indexOf(monthName[2]!) + 1, Number(monthName[1] ?? monthName[3]));
  return null;
}

/** 「21時」「午後9時半」「21:30」"9pm", "at 9:30 am". */
function timeOf(v: string): { h: number; mi: number } | null {
  const m =
    /(午前|午後)?\s*(\d{1,2})\s*時\s*(?:(\d{1,2})\s*分|(半))?/.exec(v) ??
    /(?:^|[^\d/-])(\d{1,2}):(\d{2})(?!\d)\s*(am|pm|a\.m\.|p\.m\.)?/.exec(v) ??
    /(?:^|[^\d])(\d{1,2})\s*(am|pm|a\.m\.|p\.m\.)/.exec(v);
  if (!m) return null;
  let h: number;
  let mi: number;
  let pm = false;
  let am = false;
  if (m[0].includes("時")) {
    h = Number(m[2]);
    mi = m[4] ? 30 : Number(m[3] ?? 0);
    pm = m[1] === "午後";
    am = m[1] === "午前";
  } else if (m[0].includes(":")) {
    h = Number(m[1]);
    mi = Number(m[2]);
    pm = /^p/.test(m[3] ?? "");
    am = /^a/.test(m[3] ?? "");
  } else {
    h = Number(m[1]);
    mi = 0;
    pm = /^p/.test(m[2]!);
    am = /^a/.test(m[2]!);
  }
  if (pm && h < 12) h += 12;
  if (am && h === 12) h = 0;
  // 「夜9時」 and "9 at night" mean 21:00 too.
  if (!am && !pm && h < 12 && /夜|晩|夕|night|evening/.test(v)) h += 12;
  if (h > 23 || mi > 59) return null;
  return { h, mi };
}

/** Month and day without a year: the latest one not after today. */
function latestPast(today: Day, mo: number, d: number): Day | null {
  const thisYear = { y: today.y, mo, d };
  if (!validDay(thisYear)) return null;
  return dayNumber(thisYear) <= dayNumber(today) ? thisYear : { y: today.y - 1, mo, d };
}

function validDay(p: Day): boolean {
  const at = new Date(Date.UTC(p.y, p.mo - 1, p.d));
  return at.getUTCFullYear() === p.y && at.getUTCMonth() === p.mo - 1 && at.getUTCDate() === p.d;
}

const dayNumber = (p: Day) => Date.UTC(p.y, p.mo - 1, p.d) / 86_400_000;

function addDays(p: Day, n: number): Day & { dow: number } {
  const at = new Date(Date.UTC(p.y, p.mo - 1, p.d + n));
  return { y: at.getUTCFullYear(), mo: at.getUTCMonth() + 1, d: at.getUTCDate(), dow: at.getUTCDay() };
}

function localDay(at: Date, timeZone: string): Day & { dow: number } {
  const p = localParts(at, timeZone);
  return addDays(p, 0);
}

function localParts(at: Date, timeZone: string): Day & { h: number; mi: number } {
  const { y, mo, d, h, mi } = wallClock(at, timeZone);
  return { y, mo, d, h, mi };
}
