// The report form in a real browser (Debian chromium driven by playwright-core): fill it in,
// submit, see the receipt and the status page, in Japanese and English, on a phone-sized
// screen. Skipped where chromium is missing.
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { CHROMIUM, haveChromium, launchChromium } from "../support/chromium.js";
import { contrastRatio } from "../support/contrast.js";
import { startTestApp, type TestApp } from "../support/harness.js";

// UPDATE_SCREENSHOTS=1 refreshes the README's pictures; ordinary runs keep the tree clean.
const SHOTS = process.env.UPDATE_SCREENSHOTS
  ? path.resolve("docs/screenshots")
  : path.join(tmpdir(), "lostdesk-screenshots");
mkdirSync(SHOTS, { recursive: true });
if (!haveChromium)
  console.warn(`browser test skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);

describe.skipIf(!haveChromium)("the report form in a real browser", () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const cases = [
    {
      lang: "ja",
      title: "デバイス紛失の報告",
      receipt: "報告を受け付けました",
      error: "電話番号の形式が正しくありません",
      errorTitle: "エラー: デバイス紛失の報告",
      emailError: "メールアドレスの形式が正しくありません",
      lostAtWords: "昨日の夜",
      lostAt: "11月20日 8:30",
      estimate: "2026-11-19T12:00:00.000Z",
      step: "報告を受け付けました",
      name: "佐藤 花子",
      location: "新宿駅 山手線ホーム",
    },
    {
      lang: "en",
      title: "Report a lost device",
      receipt: "Report received",
      error: "This phone number is not in the right format",
      errorTitle: "Error: Report a lost device",
      emailError: "This email address is not in the right format",
      lostAtWords: "last night",
      lostAt: "20 Nov 8:30",
      estimate: "2026-11-19T12:00:00.000Z",
      step: "Report received",
      name: "Hanako Sato",
      location: "Shinjuku station, Yamanote line",
    },
  ] as const;

  for (const c of cases) {
    it(`files a report in ${c.lang}: form, a field error, receipt, status page`, async () => {
      const page = await browser.newPage({
        viewport: { width: 390, height: 844 },
        locale: c.lang === "ja" ? "ja-JP" : "en-US",
        deviceScaleFactor: 1,
      });
      try {
        await page.goto(`${t.url}/report`);
        expect((await page.textContent("h1"))?.trim()).toBe(c.title);
        await page.screenshot({ path: path.join(SHOTS, `report-form-${c.lang}.png`), fullPage: true });

        await page.fill("#reporterEmail", `hanako.${c.lang}@example.co.jp`);
        await page.fill("#reporterName", c.name);
        await page.fill("#device", "iPhone 15");
        await page.fill("#lostAt", c.lostAt);
        await page.fill("#location", c.location);
        await page.check('input[name="circumstances"][value="lost"]');
        await page.fill("#contactPhone", "call me");
        await page.check('input[name="consent"]');
        await page.click('button[type="submit"]');
        // The bad phone number comes back next to its field, everything else still filled in;
        // the title says "error" first and the focus is on the summary, which links to the field.
        await page.waitForSelector("#contactPhone-error");
        expect(await page.textContent("#contactPhone-error")).toContain(c.error);
        expect(await page.inputValue("#reporterName")).toBe(c.name);
        expect(await page.inputValue("#lostAt")).toBe(c.lostAt);
        expect(await page.title()).toMatch(new RegExp(`^${c.errorTitle}`));
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("error-summary");
        await page.screenshot({ path: path.join(SHOTS, `report-error-${c.lang}.png`), fullPage: true });
        await page.click('#error-summary a[href="#contactPhone"]');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("contactPhone");

        await page.fill("#contactPhone", "090-1234-5678");
        await page.click('button[type="submit"]');
        await page.waitForSelector("#reference");
        expect((await page.textContent("h1"))?.trim()).toBe(c.receipt);
        const reference = (await page.locator("#reference").textContent())!.trim();
        expect(reference).toMatch(/^LR-2026-\d{4}$/);
        await page.screenshot({ path: path.join(SHOTS, `report-receipt-${c.lang}.png`), fullPage: true });

        await t.flush();
        await page.click("#status-link");
        await page.waitForSelector(".steps");
        expect(await page.textContent("h1")).toContain(reference);
        expect(await page.textContent(".steps")).toContain(c.step);
        await page.screenshot({ path: path.join(SHOTS, `report-status-${c.lang}.png`), fullPage: true });
        // A day and a time, written as people write them, is an exact time (08:30 in Tokyo).
        const report = await t.db.prisma.lossReport.findUniqueOrThrow({ where: { reference } });
        expect(report).toMatchObject({ lostAt: new Date("2026-11-19T23:30:00Z"), lostAtText: null });
      } finally {
        await page.close();
      }
    });

    it(`in ${c.lang}, several mistakes: the summary has the focus and a link per field; words for "when" are kept`, async () => {
      const page = await browser.newPage({ locale: c.lang === "ja" ? "ja-JP" : "en-US" });
      try {
        await page.goto(`${t.url}/report?lang=${c.lang}`);
        await page.fill("#reporterEmail", "hanako@example");
        await page.fill("#reporterName", c.name);
        await page.fill("#device", "iPhone 15");
        await page.fill("#lostAt", c.lostAtWords);
        await page.fill("#location", c.location);
        await page.check('input[name="circumstances"][value="stolen"]');
        await page.click('button[type="submit"]');
        await page.waitForSelector("#error-summary");
        expect(await page.title()).toMatch(new RegExp(`^${c.errorTitle}`));
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("error-summary");
        const links = await page.$$eval("#error-summary a", (as) => as.map((a) => a.getAttribute("href")));
        expect(links).toEqual(["#reporterEmail", "#contactPhone"]);
        expect(await page.textContent("#reporterEmail-error")).toContain(c.emailError);
        // Everything typed is still there, the words for "when" included; the radio too.
        expect(await page.inputValue("#reporterEmail")).toBe("hanako@example");
        expect(await page.inputValue("#lostAt")).toBe(c.lostAtWords);
        expect(await page.isChecked('input[name="circumstances"][value="stolen"]')).toBe(true);
        // Each entry takes the person to its field.
        await page.click('#error-summary a[href="#reporterEmail"]');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("reporterEmail");

        await page.fill("#reporterEmail", `words.${c.lang}@example.co.jp`);
        await page.fill("#contactPhone", "０９０－１２３４－５６７８");
        await page.click('button[type="submit"]');
        await page.waitForSelector("#reference");
        expect(await page.title()).not.toMatch(/^(エラー|Error)/);
        const reference = (await page.locator("#reference").textContent())!.trim();
        const report = await t.db.prisma.lossReport.findUniqueOrThrow({ where: { reference } });
        expect(report).toMatchObject({ lostAtText: c.lostAtWords, contactPhone: "090-1234-5678" });
        expect(report.lostAt?.toISOString()).toBe(c.estimate);
      } finally {
        await page.close();
      }
    });

    it(`in ${c.lang}, the focus ring is visible: a 3px outline with 3:1 contrast on its background`, async () => {
      const page = await browser.newPage({
        viewport: { width: 390, height: 844 },
        locale: c.lang === "ja" ? "ja-JP" : "en-US",
        deviceScaleFactor: 1,
      });
      try {
        await page.goto(`${t.url}/report?lang=${c.lang}`);
        // Tab from the top of the page: the language link, then the first field, then the button at the end.
        await page.keyboard.press("Tab");
        await page.keyboard.press("Tab");
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("reporterEmail");
        for (const target of ["#reporterEmail", ".lang", 'button[type="submit"]']) {
          await page.focus(target);
          const ring = await page.$eval(target, (el) => {
            const s = getComputedStyle(el);
            let bgEl: Element | null = el.parentElement;
            let bg = "rgba(0, 0, 0, 0)";
            while (bgEl && /rgba\(0, 0, 0, 0\)|transparent/.test(bg)) {
              bg = getComputedStyle(bgEl).backgroundColor;
              bgEl = bgEl.parentElement;
            }
            return { style: s.outlineStyle, width: s.outlineWidth, color: s.outlineColor, background: bg };
          });
          expect(ring.style, target).toBe("solid");
          expect(ring.width, target).toBe("3px");
          expect(
            contrastRatio(ring.color, ring.background),
            `${target}: ${ring.color} on ${ring.background}`,
          ).toBeGreaterThanOrEqual(3);
        }
        await page.focus("#reporterEmail");
        await page.screenshot({
          path: path.join(SHOTS, `report-focus-${c.lang}.png`),
          clip: { x: 0, y: 0, width: 390, height: 420 },
        });
      } finally {
        await page.close();
      }
    });
  }
});
