// `npm run demo` in a real browser, click by click, in both languages: an employee reports on
// the web form, the incident appears in the preview's admin channel, admin 1 enables lost mode
// (a modal), the simulated device answers, admin 1 asks for a wipe, admin 2 approves it, and the
// device erases itself. The demo is the real script in its own process. Skipped without chromium.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { haveChromium, launchChromium } from "../support/chromium.js";

const SHOTS = process.env.UPDATE_SCREENSHOTS
  ? path.resolve("docs/screenshots")
  : path.join(tmpdir(), "lostdesk-screenshots");
mkdirSync(SHOTS, { recursive: true });

async function startDemo(lang: "ja" | "en"): Promise<{ url: string; proc: ChildProcess; out: () => string }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const proc = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/demo.ts", "--lang", lang, "--port", String(port), "--interval", "1"],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LOG_LEVEL: "error" } },
  );
  let out = "";
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 120_000;
  while (!/\/preview/.test(out)) {
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`demo did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url: `http://127.0.0.1:${port}`, proc, out: () => out };
}

/** The preview reloads itself every few seconds; wait until `selector` shows up. */
async function waitInPreview(page: Page, selector: string, ms = 60_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await page.locator(selector).count()) return page.locator(selector).first();
    if (Date.now() > deadline)
      throw new Error(`no ${selector} in the preview:\n${(await page.textContent(".feed"))?.slice(0, 2000)}`);
    await page.waitForTimeout(500);
    await page.reload();
  }
}

const cases = [
  { lang: "ja", banner: "プレビュー", erased: "初期化しました" },
  { lang: "en", banner: "PREVIEW", erased: "device erased" },
] as const;

describe.skipIf(!haveChromium)("the Slack preview (npm run demo) in a real browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(() => browser?.close());

  for (const c of cases) {
    it(`report → incident → lost mode → wipe by two admins → the device answers (${c.lang})`, async () => {
      const demo = await startDemo(c.lang);
      const page = await browser.newPage({
        viewport: { width: 1180, height: 860 },
        locale: c.lang === "ja" ? "ja-JP" : "en-US",
      });
      try {
        // The employee reports her iPhone on the real web form.
        await page.goto(`${demo.url}/report?lang=${c.lang}`);
        await page.fill("#reporterEmail", "hanako.sato@demo.example.co.jp");
        await page.fill("#reporterName", "佐藤 花子");
        await page.fill("#device", "iPhone 15");
        await page.fill("#lostAt", new Date(Date.now() - 3_600_000 + 9 * 3_600_000).toISOString().slice(0, 16));
        await page.fill("#location", "渋谷駅");
        await page.check('input[name="circumstances"][value="lost"]');
        await page.fill("#contactPhone", "080-1234-5601");
        await page.check('input[name="consent"]');
        await page.click('button[type="submit"]');
        const reference = (await page.locator("#reference").textContent())!.trim();
        const statusHref = (await page.locator("#status-link").getAttribute("href"))!;

        // Admin 1 sees the incident in the admin channel, marked as a preview.
        await page.goto(`${demo.url}/preview?as=UYAMADA&lang=${c.lang}`);
        expect(await page.textContent(".banner")).toContain(c.banner);
        const enable = await waitInPreview(
          page,
          `.msg:has-text("${reference}") button[data-action="lost_mode_enable"]`,
        );
        await page.screenshot({ path: path.join(SHOTS, `preview-incident-${c.lang}.png`) });
        await enable.click();
        // The lost-mode modal, prefilled; submitting it queues the command.
        await page.waitForSelector(".modal");
        await page.screenshot({ path: path.join(SHOTS, `preview-lost-mode-modal-${c.lang}.png`) });
        await page.click("[data-submit]");
        await page.waitForSelector(".modal", { state: "detached" });
        // The simulated iPhone checks in and enables lost mode: the message now offers location.
        await waitInPreview(page, `.msg:has-text("${reference}") [data-action="device_locate"]`, 90_000);

        // Admin 1 asks for a wipe (Slack's confirmation first) …
        await page.locator(`.msg:has-text("${reference}") summary[data-action="device_wipe"]`).first().click();
        await page.locator(`.msg:has-text("${reference}") [data-confirm="device_wipe"]`).first().click();
        await waitInPreview(page, '[data-action="wipe_approve"]');
        // … which they cannot approve themselves; admin 2 does.
        await page.click('a.person[data-user="UTANAKA"]');
        const approve = await waitInPreview(page, '[data-action="wipe_approve"]');
        await page.screenshot({ path: path.join(SHOTS, `preview-wipe-approval-${c.lang}.png`) });
        if (await page.locator('summary[data-action="wipe_approve"]').count()) {
          await approve.click();
          await page.locator('[data-confirm="wipe_approve"]').first().click();
        } else await approve.click();

        // The device erases itself; the reporter's status page says so.
        const deadline = Date.now() + 90_000;
        for (;;) {
          await page.goto(`${demo.url}${statusHref}`);
          if ((await page.textContent(".steps"))?.toLowerCase().includes(c.erased)) break;
          if (Date.now() > deadline) throw new Error(`the wipe never completed:\n${demo.out().slice(-3000)}`);
          await page.waitForTimeout(1000);
        }
        expect(demo.out()).toMatch(/EraseDevice → Acknowledged/);
        await page.goto(`${demo.url}/preview?as=UTANAKA&lang=${c.lang}`);
        await page.screenshot({ path: path.join(SHOTS, `preview-after-wipe-${c.lang}.png`) });
      } finally {
        await page.close();
        demo.proc.kill("SIGTERM");
      }
    }, 400_000);
  }
});
