// The no-response rule as a pure function: a device is in a digest when
// `digest time − last response ≥ threshold`. The vendor's guide to alert e-mails
// (「重要なアラートメール設定」, 一定期間応答なしデバイスのアラート) gives the examples below.
import { describe, expect, it } from "vitest";
import { isNoResponse } from "../../../../src/core/digest/no-response.js";

const JST = (local: string) => new Date(`${local}+09:00`);
const LAST_RESPONSE = JST("2026-12-01T13:00:00");

describe("no response", () => {
  // 例1: 規定時間 24 時間、最終応答 13:00 — 翌日 10:00 (21 時間) NG、翌日 13:00 (24 時間) OK、翌々日 10:00 (45 時間) OK
  it("with 24 hours: not the next morning's digest, detected at 24 hours, in the digest the morning after", () => {
    expect(isNoResponse(JST("2026-12-02T10:00:00"), LAST_RESPONSE, 24)).toBe(false);
    expect(isNoResponse(JST("2026-12-02T13:00:00"), LAST_RESPONSE, 24)).toBe(true);
    expect(isNoResponse(JST("2026-12-03T10:00:00"), LAST_RESPONSE, 24)).toBe(true);
  });

  // 例2: 規定時間 10 時間、最終応答 13:00 — 本日 23:00 (10 時間) OK、翌朝 10:00 のメールに含む
  it("with 10 hours: detected at 23:00 the same day and in the next morning's digest", () => {
    expect(isNoResponse(JST("2026-12-01T22:59:59"), LAST_RESPONSE, 10)).toBe(false);
    expect(isNoResponse(JST("2026-12-01T23:00:00"), LAST_RESPONSE, 10)).toBe(true);
    expect(isNoResponse(JST("2026-12-02T10:00:00"), LAST_RESPONSE, 10)).toBe(true);
  });

  // 例3: a response before the alert restarts the count.
  it("counts from the latest response: a device that answered again is left out", () => {
    const answeredAgain = JST("2026-12-02T09:00:00");
    expect(isNoResponse(JST("2026-12-02T10:00:00"), answeredAgain, 10)).toBe(false);
  });

  it("never includes a device when the threshold is off (0)", () => {
    expect(isNoResponse(JST("2027-12-01T13:00:00"), LAST_RESPONSE, 0)).toBe(false);
  });
});
