// The report form in a real browser (Debian chromium driven by playwright-core): fill it in,
// submit, see the receipt and the status page, in Japanese and English, on a phone-sized
// screen. Skipped where chromium is missing.
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { CHROMIUM, haveChromium, launchChromium } from "../support/chromium.js";
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
      error: "連絡できる電話番号を入力してください",
      step: "報告を受け付けました",
      name: "佐藤 花子",
      location: "新宿駅 山手線ホーム",
    },
    {
      lang: "en",
      title: "Report a lost device",
      receipt: "Report received",
      error: "Enter a phone number we can call",
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
        await page.fill("#lostAt", "2026-11-20T08:30");
        await page.fill("#location", c.location);
        await page.check('input[name="circumstances"][value="lost"]');
        await page.fill("#contactPhone", "call me");
        await page.check('input[name="consent"]');
        await page.click('button[type="submit"]');
        // The bad phone number comes back next to its field, everything else still filled in.
        await page.waitForSelector("#contactPhone-error");
        expect(await page.textContent("#contactPhone-error")).toContain(c.error);
        expect(await page.inputValue("#reporterName")).toBe(c.name);
        expect(await page.inputValue("#lostAt")).toBe("2026-11-20T08:30");
        await page.screenshot({ path: path.join(SHOTS, `report-error-${c.lang}.png`), fullPage: true });

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
        expect(await t.db.prisma.lossReport.count({ where: { reference } })).toBe(1);
      } finally {
        await page.close();
      }
    });
  }
});
