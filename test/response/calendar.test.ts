// The company calendar behind escalation: Japanese national holidays (equinoxes, substitute and
// citizens' holidays) over several years, the year-end break, weekends and business hours.
import { describe, expect, it } from "vitest";
import { dayKind, isBusinessTime, parseBusinessHours } from "../../src/core/response/calendar.js";

const jst = (s: string) => new Date(`${s}+09:00`);

describe("the company calendar", () => {
  it("knows the equinox holidays, which move from year to year", () => {
    const vernal = { 2025: "03-20", 2026: "03-20", 2027: "03-21", 2028: "03-20", 2029: "03-20", 2030: "03-20" };
    const autumnal = { 2025: "09-23", 2026: "09-23", 2027: "09-23", 2028: "09-22", 2029: "09-23", 2030: "09-23" };
    for (const [y, d] of Object.entries(vernal))
      expect(dayKind(jst(`${y}-${d}T12:00:00`))).toEqual({ kind: "holiday", name: "春分の日" });
    for (const [y, d] of Object.entries(autumnal))
      expect(dayKind(jst(`${y}-${d}T12:00:00`))).toEqual({ kind: "holiday", name: "秋分の日" });
    expect(dayKind(jst("2027-03-20T12:00:00")).kind).toBe("weekend"); // Saturday, not the equinox that year
  });

  it("knows substitute holidays and the citizens' holiday between two holidays", () => {
    expect(dayKind(jst("2025-02-24T12:00:00")).name).toMatch(/振替休日/); // 天皇誕生日 on a Sunday
    expect(dayKind(jst("2026-05-06T12:00:00")).name).toMatch(/振替休日/); // 憲法記念日 on a Sunday
    expect(dayKind(jst("2026-09-22T12:00:00"))).toEqual({ kind: "holiday", name: "休日" }); // between 敬老の日 and 秋分の日
    expect(dayKind(jst("2029-09-24T12:00:00")).name).toMatch(/振替休日/);
  });

  it("takes 29 December to 3 January off, every year, and works again on the 4th", () => {
    for (const y of [2025, 2026, 2027, 2028]) {
      for (const d of [`${y}-12-29`, `${y}-12-30`, `${y}-12-31`, `${y + 1}-01-02`, `${y + 1}-01-03`])
        expect(dayKind(jst(`${d}T11:00:00`)).kind).toBe("year_end");
      expect(isBusinessTime(jst(`${y}-12-29T11:00:00`))).toBe(false);
    }
    expect(isBusinessTime(jst("2027-01-04T10:00:00"))).toBe(true); // Monday
    expect(isBusinessTime(jst("2026-12-28T10:00:00"))).toBe(true); // Monday before the break
  });

  it("counts business hours in Japan time, whatever the server's zone", () => {
    expect(isBusinessTime(jst("2026-11-20T08:59:00"))).toBe(false);
    expect(isBusinessTime(jst("2026-11-20T09:00:00"))).toBe(true);
    expect(isBusinessTime(jst("2026-11-20T17:59:00"))).toBe(true);
    expect(isBusinessTime(jst("2026-11-20T18:00:00"))).toBe(false);
    expect(isBusinessTime(jst("2026-11-21T10:00:00"))).toBe(false); // Saturday
    expect(isBusinessTime(jst("2026-11-23T10:00:00"))).toBe(false); // 勤労感謝の日
    const late = parseBusinessHours("10:00-19:30")!;
    expect(isBusinessTime(jst("2026-11-20T19:00:00"), late)).toBe(true);
    expect(parseBusinessHours("18:00-09:00")).toBeNull();
    expect(parseBusinessHours("9am-5pm")).toBeNull();
  });
});
