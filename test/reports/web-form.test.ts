import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/harness.js";
import { until } from "../support/until.js";
import { aDevice, aPerson } from "../support/builders.js";
import {
  buttonsByBlock,
  incidents,
  messageText,
  openForm,
  referenceOf,
  statusPathOf,
  submitForm,
  validReport,
} from "./portal.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp({ env: { REPORT_RATE_LIMIT: "1000" } })));
afterAll(() => t.close());

describe("the report form", () => {
  it("serves an accessible form in the browser's language, with a switch to the other one", async () => {
    const ja = await openForm(t, "", { "accept-language": "ja-JP,ja;q=0.9,en;q=0.5" });
    expect(ja.status).toBe(200);
    expect(ja.html).toContain('<html lang="ja">');
    expect(ja.html).toContain("デバイス紛失の報告");
    expect(ja.html).toContain('href="/report?lang=en"');
    expect(ja.html).toMatch(/<label for="reporterEmail">/);
    expect(ja.html).not.toMatch(/<script/);
    expect(ja.cookie).toMatch(/^lr_csrf=/);

    const en = await openForm(t, "?lang=en", { "accept-language": "ja" });
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain("Report a lost device");
    const css = await fetch(`${t.url}/report/assets/portal.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toContain("text/css");
  });

  it("files a valid report once: receipt with reference and status link, one admin message with the right buttons", async () => {
    const owner = await aPerson(t.db.prisma, { email: "hanako.sato@example.co.jp", name: "Hanako Sato" });
    const phone = await aDevice(t.db.prisma, {
      ownerId: owner.id,
      platform: "IOS",
      model: "iPhone 15",
      supervised: true,
    });
    await aDevice(t.db.prisma, {
      ownerId: owner.id,
      platform: "MACOS",
      name: "Hanako's MacBook",
      model: "MacBook Air",
      ade: true,
    });
    t.slack.reset();

    const form = await openForm(t, "?lang=en");
    const res = await submitForm(t, form, validReport({ lang: "en" }));
    expect(res.status).toBe(200);
    expect(res.html).toContain("Report received");
    const reference = referenceOf(res.html)!;
    expect(reference).toMatch(/^LR-2026-\d{4}$/);
    const statusPath = statusPathOf(res.html)!;
    expect(statusPath).toBeDefined();

    await t.flush();
    const posted = incidents(t).filter((p) => p.text.includes(reference));
    expect(posted).toHaveLength(1);
    const msg = posted[0]!;
    expect(buttonsByBlock(msg)).toEqual({
      [`device:${phone.id}`]: ["lost_mode_enable", "device_lock", "device_wipe", "report_found", "report_dismiss"],
    });
    const lostMode = msg.blocks.find((b: any) => b.block_id === `device:${phone.id}`).elements[0];
    const report = await t.db.prisma.lossReport.findUniqueOrThrow({ where: { reference } });
    expect(JSON.parse(lostMode.value)).toEqual({ r: report.id, d: phone.id });
    expect(messageText(msg)).toContain("iPhone 15");
    expect(messageText(msg)).toContain("Shinjuku station");
    expect(report).toMatchObject({
      channel: "WEB",
      reporterId: owner.id,
      reporterVerified: true,
      consentLostMode: true,
      circumstances: "LOST",
    });
    // The lost-at time was typed in Japan time.
    expect(report.lostAt?.toISOString()).toBe("2026-11-19T23:30:00.000Z");

    // The reporter has Slack: a DM with the reference and the same status link.
    const dm = t.slack.posts().find((p) => [owner.slackUserId, `D${owner.slackUserId}`].includes(p.channel));
    expect(dm?.text).toContain(reference);
    expect(dm?.text).toContain(`http://portal.test${statusPath}`);

    // The status page: received, then admins notified once Slack has the message.
    const page = await fetch(`${t.url}${statusPath}?lang=en`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(reference);
    expect(html).toContain("Report received");
    expect(html).toContain("IT administrators notified");
    // …and never the device, the person or the place.
    expect(html).not.toContain("iPhone");
    expect(html).not.toContain("Hanako");
    expect(html).not.toContain("Shinjuku");
  });

  it("a replayed post (same form token) creates nothing new and shows the same receipt", async () => {
    const form = await openForm(t);
    const first = await submitForm(t, form, validReport({ reporterEmail: "replay@example.co.jp" }));
    const again = await submitForm(t, form, validReport({ reporterEmail: "replay@example.co.jp" }));
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(referenceOf(again.html)).toBe(referenceOf(first.html));
    expect(statusPathOf(again.html)).toBe(statusPathOf(first.html));
    expect(await t.db.prisma.lossReport.count({ where: { reporterEmail: "replay@example.co.jp" } })).toBe(1);
  });

  it.each([
    ["reporterEmail", "", "Enter your email address"],
    ["reporterEmail", "not-an-email", "This email address is not in the right format (e.g. taro@example.co.jp)"],
    ["reporterName", "  ", "Enter your name."],
    ["device", "", "Say which device it is"],
    ["lostAt", "", "Say when you lost it"],
    ["lostAt", "2026-12-31T10:00", "This is in the future"],
    ["location", "", "Say where you lost it"],
    ["circumstances", "dropped", "Choose what happened."],
    ["contactPhone", "", "Enter a phone number we can call"],
    ["contactPhone", "call me", "This phone number is not in the right format"],
  ])("a bad %s (%j) re-renders the form with its message and keeps the other input", async (field, value, message) => {
    const before = await t.db.prisma.lossReport.count();
    const form = await openForm(t, "?lang=en");
    const res = await submitForm(
      t,
      form,
      validReport({ location: "Shibuya <b>office</b>", [field]: value, lang: "en" }),
    );
    expect(res.status).toBe(400);
    expect(res.html).toContain(message);
    expect(res.html).toContain(`id="${field}-error"`);
    // The title says "Error" first, and the summary links to the field.
    expect(res.html).toMatch(/<title>Error: Report a lost device/);
    expect(res.html).toContain(`href="#${field === "circumstances" ? "circumstances-lost" : field}"`);
    // Other input kept, and escaped.
    if (field !== "reporterName") expect(res.html).toContain('value="Hanako Sato"');
    if (field !== "location") expect(res.html).toContain("Shibuya &lt;b&gt;office&lt;/b&gt;");
    if (field !== "circumstances") expect(res.html).toMatch(/name="circumstances" value="lost"[^>]* checked/);
    expect(res.html).toMatch(/name="consent" value="on" checked/);
    expect(await t.db.prisma.lossReport.count()).toBe(before);
  });

  it("matches devices by the serial numbers typed, and keeps a report naming many within Slack's limits", async () => {
    const devices = [];
    for (let i = 0; i < 12; i++)
      devices.push(
        await aDevice(t.db.prisma, {
          serial: `C02XK${String(i).padStart(3, "0")}`,
          name: `Lab Mac ${i}`,
          platform: "MACOS",
        }),
      );
    t.slack.reset();
    const form = await openForm(t, "?lang=en");
    const res = await submitForm(
      t,
      form,
      validReport({ reporterEmail: "lab@example.co.jp", device: devices.map((d) => d.serial).join(", "), lang: "en" }),
    );
    expect(res.status).toBe(200);
    const report = await t.db.prisma.lossReport.findUniqueOrThrow({
      where: { reference: referenceOf(res.html)! },
      include: { devices: true },
    });
    expect(report.devices).toHaveLength(12);
    await t.flush();
    const msg = incidents(t).find((p) => p.text.includes(report.reference))!;
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    expect(Object.keys(buttonsByBlock(msg))).toHaveLength(8);
    expect(messageText(msg)).toContain("and 4 more matched devices");
  });

  it("keeps a free-text time as typed, beside its best guess", async () => {
    const form = await openForm(t);
    const res = await submitForm(
      t,
      form,
      validReport({ lostAt: "昨日の夜 (yesterday evening)", reporterEmail: "free.text@example.co.jp" }),
    );
    expect(res.status).toBe(200);
    const report = await t.db.prisma.lossReport.findFirstOrThrow({
      where: { reporterEmail: "free.text@example.co.jp" },
    });
    // Friday 20 November, 10:00 in Tokyo: the evening before is Thursday's.
    expect(report).toMatchObject({ lostAtText: "昨日の夜 (yesterday evening)", reporterVerified: false });
    expect(report.lostAt?.toISOString()).toBe("2026-11-19T09:00:00.000Z");
  });

  it("refuses a post without a valid anti-forgery token, keeping the input", async () => {
    const before = await t.db.prisma.lossReport.count();
    const form = await openForm(t, "?lang=en");
    const forged = await submitForm(t, { csrf: form.csrf, cookie: "" }, validReport({ lang: "en" }));
    expect(forged.status).toBe(403);
    expect(forged.html).toContain("This form expired");
    expect(forged.html).toContain('value="Hanako Sato"');
    const tampered = await submitForm(
      t,
      { csrf: form.csrf.slice(0, -2) + "xx", cookie: `lr_csrf=${form.csrf.slice(0, -2)}xx` },
      validReport(),
    );
    expect(tampered.status).toBe(403);
    expect(await t.db.prisma.lossReport.count()).toBe(before);
  });

  it("refuses an oversized body with a page", async () => {
    const form = await openForm(t);
    const res = await submitForm(t, form, validReport({ circumstancesDetail: "x".repeat(40_000) }));
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.html).toContain("The form was too long");
  });

  it("answers an unknown status token with a 404 page", async () => {
    const res = await fetch(`${t.url}/report/status/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("status link is not valid");
    expect((await fetch(`${t.url}/report/status/x`)).status).toBe(404);
  });
});

describe("rate limiting", () => {
  // Two employees behind one load balancer, and one client making up addresses.
  const submitAs = async (app: TestApp, forwardedFor: string, email: string) => {
    const headers = { "x-forwarded-for": forwardedFor };
    const form = await openForm(app, "", headers);
    return (await submitForm(app, form, validReport({ reporterEmail: email }), headers)).status;
  };

  it("shares one allowance between replicas, and keeps no client address in the database", async () => {
    const first = await startTestApp({ env: { REPORT_RATE_LIMIT: "2" } });
    const second = await startTestApp({
      env: { REPORT_RATE_LIMIT: "2" },
      db: first.db,
      slack: first.slack,
      clock: first.clock,
    });
    try {
      expect(await submitAs(first, "203.0.113.10", "hanako@example.co.jp")).toBe(200);
      expect(await submitAs(second, "203.0.113.10", "hanako@example.co.jp")).toBe(200);
      expect(await submitAs(first, "203.0.113.10", "hanako@example.co.jp")).toBe(429);
      expect(await submitAs(second, "203.0.113.10", "hanako@example.co.jp")).toBe(429);
      expect(await submitAs(second, "203.0.113.11", "jiro@example.co.jp")).toBe(200);
      const windows = await first.db.prisma.rateLimitWindow.findMany();
      expect(windows.map((w) => w.hits).sort()).toEqual([1, 2]);
      expect(JSON.stringify(windows)).not.toContain("203.0.113");
    } finally {
      await second.close();
      await first.close();
    }
  });

  it("counts each employee behind a trusted proxy on their own, and ignores an untrusted peer's X-Forwarded-For", async () => {
    // The proxy is on this host (loopback), or named by its subnet with loopback.
    for (const trusted of [undefined, "10.0.0.0/8,loopback"]) {
      const app = await startTestApp({ env: { REPORT_RATE_LIMIT: "1", TRUST_PROXY: trusted } });
      try {
        expect(await submitAs(app, "203.0.113.10", "hanako@example.co.jp")).toBe(200);
        expect(await submitAs(app, "203.0.113.11", "jiro@example.co.jp")).toBe(200);
        expect(await submitAs(app, "203.0.113.10", "hanako@example.co.jp")).toBe(429);
      } finally {
        await app.close();
      }
    }
    // No proxy in front (0) or a proxy elsewhere: the header is whatever the client wrote, so
    // the peer's own address counts and a made-up one does not buy another submission.
    for (const trusted of ["0", "10.0.0.0/8"]) {
      const app = await startTestApp({ env: { REPORT_RATE_LIMIT: "1", TRUST_PROXY: trusted } });
      try {
        expect(await submitAs(app, "203.0.113.10", "hanako@example.co.jp")).toBe(200);
        expect(await submitAs(app, "198.51.100.99", "someone@example.co.jp")).toBe(429);
      } finally {
        await app.close();
      }
    }
  });

  it.each(["en", "ja"])(
    "counts only accepted reports, and in %s the 429 keeps what was typed and shows the help desk",
    async (lang) => {
      const app = await startTestApp({ env: { REPORT_RATE_LIMIT: "1" } });
      try {
        await app.requests.slashCommand({ command: "/mdm", text: "company phone 03-1234-5678", user: "UADMIN1" });
        await until(async () => (await app.db.prisma.setting.count()) > 0, "the help-desk number saved");
        // Three mistakes do not use up the allowance.
        for (let i = 0; i < 3; i++) {
          const bad = await openForm(app, `?lang=${lang}`);
          expect((await submitForm(app, bad, validReport({ reporterEmail: "" }))).status).toBe(400);
        }
        const good = await openForm(app, `?lang=${lang}`);
        expect((await submitForm(app, good, validReport({ reporterEmail: "a@example.co.jp" }))).status).toBe(200);
        const over = await openForm(app, `?lang=${lang}`);
        const refused = await submitForm(
          app,
          over,
          validReport({ reporterEmail: "b@example.co.jp", location: "渋谷駅の改札", lang }),
        );
        expect(refused.status).toBe(429);
        expect(refused.html).toContain('value="b@example.co.jp"');
        expect(refused.html).toContain("渋谷駅の改札");
        expect(refused.html).toContain('href="tel:0312345678"');
        expect(refused.html).toContain(lang === "ja" ? "少しお待ちください" : "Please wait a moment");
        expect((await app.db.prisma.rateLimitWindow.findMany()).map((w) => w.hits)).toEqual([1]);
      } finally {
        await app.close();
      }
    },
  );

  it("limits submissions per address, and lets them through again after the window", async () => {
    const limited = await startTestApp({ env: { REPORT_RATE_LIMIT: "2" } });
    try {
      const form = await openForm(limited);
      expect((await submitForm(limited, form, validReport({ reporterEmail: "a@example.co.jp" }))).status).toBe(200);
      const form2 = await openForm(limited);
      expect((await submitForm(limited, form2, validReport({ reporterEmail: "b@example.co.jp" }))).status).toBe(200);
      const form3 = await openForm(limited);
      const third = await submitForm(limited, form3, validReport({ reporterEmail: "c@example.co.jp" }));
      expect(third.status).toBe(429);
      expect(third.html).toContain("Too many reports");
      limited.clock.advance(15 * 60_000);
      const form4 = await openForm(limited);
      expect((await submitForm(limited, form4, validReport({ reporterEmail: "c@example.co.jp" }))).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
