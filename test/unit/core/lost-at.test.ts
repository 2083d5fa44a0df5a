// The best guess behind "when did you lose it?": each rule is one a person would expect when
// they type words instead of a time. Tokyo, Friday 20 November 2026, 10:00 unless said otherwise.
import { describe, expect, it } from "vitest";
import { parseLostAt } from "../../../src/core/reports/lost-at.js";

const TZ = "Asia/Tokyo";
const FRIDAY_10 = new Date("2026-11-20T01:00:00Z");
/** The guess as Tokyo wall-clock "MM-DD HH:mm", or null. */
const guess = (typed: string, now = FRIDAY_10) => {
  const p = parseLostAt(typed, TZ, now);
  return {
    at: p.lostAt ? new Date(p.lostAt.getTime() + 9 * 3_600_000).toISOString().slice(5, 16).replace("T", " ") : null,
    kept: p.lostAtText !== null,
    future: p.future,
  };
};

describe("when it was lost", () => {
  it.each([
    ["2026-11-19T21:30", "11-19 21:30", false],
    ["2026/11/19 21:30", "11-19 21:30", false],
    ["11月19日 21時", "11-19 21:00", false],
    ["11月19日 21時頃", "11-19 21:00", true],
    ["2026-11-19", "11-19 12:00", true],
    ["昨日の夜", "11-19 21:00", true],
    ["昨夜", "11-19 21:00", true],
    ["おととい", "11-18 12:00", true],
    ["今朝", "11-20 09:00", true],
    ["先週の金曜日", "11-13 12:00", true],
    ["月曜の朝", "11-16 09:00", true],
    ["3日前", "11-17 12:00", true],
    ["30分前", "11-20 09:30", true],
    ["yesterday evening", "11-19 18:00", true],
    ["last weekend", "11-14 15:00", true],
    ["on monday", "11-16 12:00", true],
    ["nov 18", "11-18 12:00", true],
  ])("%j → %s (kept as typed: %s)", (typed, at, kept) => {
    expect(guess(typed)).toEqual({ at, kept, future: false });
  });

  it("reads a time alone as its latest past occurrence: 「夜9時ごろ」 typed in the morning is last night", () => {
    expect(guess("夜9時ごろ").at).toBe("11-19 21:00");
    expect(guess("9:30頃").at).toBe("11-20 09:30");
  });

  it("turns a later hour today into now, not a refusal ('this evening' typed in the morning)", () => {
    expect(guess("今夜")).toEqual({ at: "11-20 10:00", kept: true, future: false });
  });

  it("says 'last Friday' on a Friday is a week ago, and 「先週末」 on a Sunday is the weekend before", () => {
    expect(guess("last friday").at).toBe("11-13 12:00");
    // Plain "Friday" on a Friday is today: its midday guess is still ahead, so it is now.
    expect(guess("friday").at).toBe("11-20 10:00");
    const sunday = new Date("2026-11-22T01:00:00Z");
    expect(guess("週末", sunday).at).toBe("11-21 15:00");
    expect(guess("先週末", sunday).at).toBe("11-14 15:00");
  });

  it("a month and day without a year is the latest one not after today", () => {
    expect(guess("12/31").at).toBe("12-31 12:00");
    expect(parseLostAt("12/31", TZ, FRIDAY_10).lostAt?.getUTCFullYear()).toBe(2025);
  });

  it("refuses only a day that has not come yet, or an exact time still ahead", () => {
    for (const typed of ["明日", "tomorrow", "2026-12-31T10:00", "2027/01/05", "今日 15時"])
      expect(guess(typed).future, typed).toBe(true);
    // Ten minutes of slack for clocks that disagree.
    expect(guess("2026-11-20T10:05").future).toBe(false);
  });

  it("keeps words it cannot read, with no guess, and never refuses them", () => {
    expect(guess("電車の中で気づいた")).toEqual({ at: null, kept: true, future: false });
    expect(guess("maybe")).toEqual({ at: null, kept: true, future: false });
  });
});
