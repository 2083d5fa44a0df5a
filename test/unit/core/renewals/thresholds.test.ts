// When a renewal reminder fires, as a pure rule: the nearest threshold crossed ("30d"), or one
// "overdue:<day>" a day once past. The vendor's column on handing over administration
// (「管理者引き継ぎのポイント」: 「年次更新作業では同一の証明書を更新する」, ABM/ASM tokens
// likewise 「一年に一度の更新作業」) is why the same thresholds must come round every year.
import { describe, expect, it } from "vitest";
import { DAY, ManualClock } from "../../../../src/core/clock.js";
import { addMonths, daysLeft, reminderKey } from "../../../../src/core/renewals/thresholds.js";

/** The default RENEWAL_REMINDER_DAYS. */
const THRESHOLDS = [60, 30, 14, 7, 3, 1] as const;
const TZ = "Asia/Tokyo";

/** Every key the daily 10:00 JST run would post for a deadline, from `from` until `until`. */
function keysPosted(clock: ManualClock, deadline: Date, until: Date): string[] {
  const posted: string[] = [];
  while (clock.now() < until) {
    const key = reminderKey(deadline, clock.now(), THRESHOLDS, TZ);
    if (key && !posted.includes(key)) posted.push(key); // RenewalReminder records each key once
    clock.advanceDays(1);
  }
  return posted;
}

describe("renewal reminder thresholds", () => {
  it("fires nothing before 60 days, then each threshold once, then once a day while overdue", () => {
    const deadline = new Date("2027-03-01T01:00:00Z"); // 10:00 JST
    const clock = new ManualClock("2026-11-01T01:00:00Z");
    expect(keysPosted(clock, deadline, new Date("2027-03-04T01:00:00Z"))).toEqual([
      "60d",
      "30d",
      "14d",
      "7d",
      "3d",
      "1d",
      "overdue:2027-03-01",
      "overdue:2027-03-02",
      "overdue:2027-03-03",
    ]);
  });

  it("posts only the nearest threshold for a deadline recorded late (10 days out: 7d comes next, not 60/30/14 at once)", () => {
    const now = new Date("2027-02-19T01:00:00Z");
    const deadline = new Date(now.getTime() + 10 * DAY);
    expect(reminderKey(deadline, now, THRESHOLDS, TZ)).toBe("14d");
    expect(reminderKey(deadline, new Date(now.getTime() + 3 * DAY), THRESHOLDS, TZ)).toBe("7d");
  });

  it("starts over each year: three yearly renewals, each with the full set of reminders", () => {
    const clock = new ManualClock("2026-12-01T01:00:00Z");
    let deadline = new Date("2027-12-01T01:00:00Z");
    for (const year of [2027, 2028, 2029]) {
      // Renewed on the 1-day reminder's morning: the new deadline is a year on.
      const renewedOn = new Date(deadline.getTime() - DAY);
      const keys = keysPosted(clock, deadline, new Date(renewedOn.getTime() + 1));
      expect(keys, `year ${year}`).toEqual(["60d", "30d", "14d", "7d", "3d", "1d"]);
      deadline = addMonths(deadline, 12);
      expect(deadline.getUTCFullYear()).toBe(year + 1);
    }
  });

  it("names the overdue day in Japan time, so a run after midnight JST is the next day's reminder", () => {
    const deadline = new Date("2027-03-01T01:00:00Z");
    expect(reminderKey(deadline, new Date("2027-03-01T14:59:00Z"), THRESHOLDS, TZ)).toBe("overdue:2027-03-01");
    expect(reminderKey(deadline, new Date("2027-03-01T15:00:00Z"), THRESHOLDS, TZ)).toBe("overdue:2027-03-02");
  });
});

describe("days left", () => {
  it("rounds up while time is left and counts whole overdue days after", () => {
    const deadline = new Date("2027-03-01T01:00:00Z");
    expect(daysLeft(deadline, new Date("2027-02-28T13:00:00Z"))).toBe(1);
    expect(daysLeft(deadline, new Date("2027-02-27T01:00:00Z"))).toBe(2);
    expect(daysLeft(deadline, new Date("2027-03-01T01:00:00Z"))).toBe(0);
    expect(daysLeft(deadline, new Date("2027-03-03T02:00:00Z"))).toBe(-2);
  });

  it("keeps the day of month a year on, clamping 29 February to the 28th", () => {
    expect(addMonths(new Date("2028-02-29T00:00:00Z"), 12).toISOString()).toBe("2029-02-28T00:00:00.000Z");
    expect(addMonths(new Date("2027-01-31T00:00:00Z"), 1).toISOString()).toBe("2027-02-28T00:00:00.000Z");
  });
});
