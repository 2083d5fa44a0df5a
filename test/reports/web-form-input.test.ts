// What people type into the form, as they type it on a Japanese phone or PC: a malformed address
// or number is told what is wrong (not "please enter"), full-width digits and +81 are read, and
// "when" may be a day, a day and time, or words — kept as typed beside a best guess that the
// admins see. All through the real HTTP server; the clock is Friday 20 November, 10:00 in Tokyo.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/harness.js";
import { incidents, messageText, openForm, referenceOf, submitForm, validReport } from "./portal.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp({ env: { REPORT_RATE_LIMIT: "1000", APP_LOCALE: "ja" } })));
afterAll(() => t.close());

async function send(fields: Record<string, string>) {
  const form = await openForm(t, `?lang=${fields.lang ?? "ja"}`);
  return submitForm(t, form, validReport(fields));
}

async function stored(html: string) {
  return t.db.prisma.lossReport.findUniqueOrThrow({ where: { reference: referenceOf(html)! } });
}

describe("e-mail and phone as typed", () => {
  it.each([
    ["ja", "reporterEmail", "taro@example", "メールアドレスの形式が正しくありません（例: taro@example.co.jp）"],
    ["ja", "reporterEmail", "", "メールアドレスを入力してください"],
    ["ja", "contactPhone", "090-1234", "電話番号の形式が正しくありません（例: 090-1234-5678、+81 90-1234-5678）"],
    ["ja", "contactPhone", "内線1234", "電話番号の形式が正しくありません"],
    ["ja", "contactPhone", "", "連絡できる電話番号を入力してください"],
    ["en", "reporterEmail", "taro.example.co.jp", "This email address is not in the right format"],
    ["en", "contactPhone", "12345", "This phone number is not in the right format"],
  ])("in %s, a %s of %j says what is wrong and how to write it", async (lang, field, value, message) => {
    const res = await send({ [field]: value, lang });
    expect(res.status).toBe(400);
    const error = new RegExp(`<p class="error" id="${field}-error">([^<]*)</p>`).exec(res.html)?.[1];
    expect(error).toContain(message);
    // A malformed value is never answered with the "please enter" text meant for an empty field.
    if (value) expect(error).not.toMatch(/^(メールアドレスを|連絡できる電話番号を)入力|^Enter /);
    expect(res.html).toContain(`value="${value}"`);
  });

  it.each([
    ["０９０－１２３４－５６７８", "090-1234-5678"],
    ["090ー1234ー5678", "090-1234-5678"],
    ["09012345678", "090-1234-5678"],
    ["+81 90-1234-5678", "090-1234-5678"],
    ["+81 (0)3 1234 5678", "03-1234-5678"],
    ["(03) 1234-5678", "03-1234-5678"],
  ])("accepts the phone number %j and stores it as %j", async (typed, normalised) => {
    const res = await send({ contactPhone: typed, reporterEmail: "ＨＡＮＡＫＯ＠example.co.jp" });
    expect(res.status).toBe(200);
    const report = await stored(res.html);
    expect(report.contactPhone).toBe(normalised);
    expect(report.reporterEmail).toBe("hanako@example.co.jp");
  });
});

describe("when it was lost", () => {
  it.each([
    // typed, stored lostAt (UTC), kept as typed?
    ["2026-11-19T21:30", "2026-11-19T12:30:00.000Z", null],
    ["2026/11/19 21:30", "2026-11-19T12:30:00.000Z", null],
    ["１１月１９日　午後９時", "2026-11-19T12:00:00.000Z", null],
    ["2026-11-19", "2026-11-19T03:00:00.000Z", "2026-11-19"],
    ["昨日の夜", "2026-11-19T12:00:00.000Z", "昨日の夜"],
    ["先週末", "2026-11-14T06:00:00.000Z", "先週末"],
    ["2時間前", "2026-11-19T23:00:00.000Z", "2時間前"],
    ["last night", "2026-11-19T12:00:00.000Z", "last night"],
    ["電車の中で気づいた", null, "電車の中で気づいた"],
  ])("%j is accepted: lostAt %s, text %j", async (typed, at, text) => {
    const res = await send({ lostAt: typed });
    expect(res.status).toBe(200);
    const report = await stored(res.html);
    expect(report.lostAt?.toISOString() ?? null).toBe(at);
    expect(report.lostAtText).toBe(text);
  });

  it("shows the admins the words with the best guess: 「昨日の夜（推定 11月19日(木) 21:00）」", async () => {
    t.slack.reset();
    const res = await send({ lostAt: "昨日の夜" });
    const reference = referenceOf(res.html)!;
    await t.flush();
    const msg = incidents(t).find((p) => p.text.includes(reference))!;
    expect(messageText(msg)).toContain("昨日の夜（推定 11月19日(木) 21:00）");
  });

  it.each([
    ["ja", "明日", "未来の日時になっています"],
    ["ja", "2026-12-31T10:00", "未来の日時になっています"],
    ["en", "tomorrow morning", "This is in the future"],
  ])("in %s, %j is refused as in the future, with what to enter instead", async (lang, typed, message) => {
    const before = await t.db.prisma.lossReport.count();
    const res = await send({ lostAt: typed, lang });
    expect(res.status).toBe(400);
    expect(res.html).toContain(message);
    expect(res.html).toContain(`value="${typed}"`);
    expect(await t.db.prisma.lossReport.count()).toBe(before);
  });

  it("the hint says what the field accepts, in both languages", async () => {
    const ja = await openForm(t, "?lang=ja");
    expect(ja.html).toContain("「昨日の夜」「先週末」のような言葉でも構いません");
    expect(ja.html).toMatch(/<input id="lostAt" name="lostAt" type="text"/);
    const en = await openForm(t, "?lang=en");
    expect(en.html).toContain("just the day, or words like “last night”");
  });
});

describe("a failed send, whatever the reason", () => {
  it("is titled 「エラー: …」 and opens on the summary, for an expired form too", async () => {
    const form = await openForm(t, "?lang=ja");
    const res = await submitForm(t, { csrf: form.csrf, cookie: "" }, validReport({ lang: "ja" }));
    expect(res.status).toBe(403);
    expect(res.html).toMatch(/<title>エラー: デバイス紛失の報告/);
    const summary = /<div class="error-summary"[^>]*>[\s\S]*?<\/div>/.exec(res.html)?.[0] ?? "";
    expect(summary).toMatch(/tabindex="-1" autofocus/);
    expect(summary).toContain("フォームの有効期限が切れたか");
    expect(res.html).toContain('value="Hanako Sato"');
    // A page without errors has neither.
    expect(form.html).toMatch(/<title>デバイス紛失の報告/);
    expect(form.html).not.toContain("error-summary");
  });
});
