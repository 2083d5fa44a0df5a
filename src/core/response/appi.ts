// Whether a lost or stolen device is likely a loss of personal data that must be reported to the
// Personal Information Protection Commission (個人情報保護委員会), and by when. The rules, from the
// Act (法第26条), its Enforcement Rules (規則第7条, 第8条) and the Commission's General Guidelines
// (通則編 3-5-3-1 – 3-5-3-4), as cited in the README:
// - reportable when the leaked (or possibly leaked) personal data includes sensitive data
//   (要配慮個人情報), data whose misuse could cause financial damage, data leaked possibly for a
//   wrongful purpose (theft counts) — any number of people — or data of more than 1,000 people;
// - not reportable when it was protected by strong encryption (高度な暗号化その他の…措置);
// - 速報 promptly — about 3 to 5 days from when the company knew; 確報 within 30 days, 60 days
//   when a wrongful purpose is possible. Day 1 is the day the company knew (the earlier reading,
//   so a reminder is never late); the deadlines are not moved past weekends.
import { DAY } from "../clock.js";
import { zoneOffsetMs } from "../../lib/time-zone.js";

export interface ChecklistAnswers {
  personal_data?: boolean;
  encrypted?: boolean;
  people_count?: number;
  sensitive?: boolean;
  financial?: boolean;
  wrongful?: boolean;
  ppc_preliminary_filed?: boolean;
  ppc_final_filed?: boolean;
}

export type Verdict = "unknown" | "not_required" | "not_required_encrypted" | "likely_required";

export interface Assessment {
  verdict: Verdict;
  /** Which of the four reportable situations apply. */
  reasons: ("sensitive" | "financial" | "wrongful" | "over_1000")[];
  preliminaryDue: Date | null;
  finalDue: Date | null;
  finalDays: 30 | 60 | null;
}

export const PRELIMINARY_DAY = 5; // the end of "about 3 to 5 days"
export const PEOPLE_THRESHOLD = 1000; // "more than 1,000"

/** The end (23:59:59.999) of day `n` counting the day `knownAt` falls on as day 1, in `timeZone`. */
export function endOfDayN(knownAt: Date, n: number, timeZone: string): Date {
  const ymd = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    knownAt,
  );
  // Midnight of that calendar day in the zone: find the zone's offset at that moment.
  const utcMidnight = new Date(`${ymd}T00:00:00Z`);
  const offsetMs = zoneOffsetMs(utcMidnight, timeZone);
  return new Date(utcMidnight.getTime() - offsetMs + n * DAY - 1);
}

/** `stolen`: the report says stolen, which the Guidelines treat as a possible wrongful purpose. */
export function assess(a: ChecklistAnswers, knownAt: Date, stolen: boolean, timeZone = "Asia/Tokyo"): Assessment {
  const none: Assessment = { verdict: "unknown", reasons: [], preliminaryDue: null, finalDue: null, finalDays: null };
  if (a.personal_data === undefined) return none;
  if (a.personal_data === false) return { ...none, verdict: "not_required" };
  if (a.encrypted === true) return { ...none, verdict: "not_required_encrypted" };
  const wrongful = a.wrongful ?? stolen;
  const reasons: Assessment["reasons"] = [];
  if (a.sensitive) reasons.push("sensitive");
  if (a.financial) reasons.push("financial");
  if (wrongful) reasons.push("wrongful");
  if ((a.people_count ?? 0) > PEOPLE_THRESHOLD) reasons.push("over_1000");
  if (!reasons.length) return { ...none, verdict: a.people_count === undefined ? "unknown" : "not_required", reasons };
  const finalDays = wrongful ? 60 : 30;
  return {
    verdict: "likely_required",
    reasons,
    preliminaryDue: endOfDayN(knownAt, PRELIMINARY_DAY, timeZone),
    finalDue: endOfDayN(knownAt, finalDays, timeZone),
    finalDays,
  };
}

/** Reminders before each deadline: [key, deadline kind, days before]. */
export const REMINDERS = [
  { key: "ppc:preliminary:2d", kind: "preliminary", daysBefore: 2 },
  { key: "ppc:preliminary:1d", kind: "preliminary", daysBefore: 1 },
  { key: "ppc:final:7d", kind: "final", daysBefore: 7 },
  { key: "ppc:final:1d", kind: "final", daysBefore: 1 },
] as const;
