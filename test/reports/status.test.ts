import { describe, expect, it } from "vitest";
import { formWebhookHeaders, postJson, startTestApp } from "../support/harness.js";
import { aDevice, aPerson } from "../support/builders.js";
import { incidents, openForm, referenceOf, statusPathOf, submitForm, validReport } from "./portal.js";

describe("the status page tells the truth", () => {
  it("keeps a report made while Slack is off, says 'waiting', and 'notified' only once Slack has the message", async () => {
    const off = await startTestApp({ slack: false });
    let on: Awaited<ReturnType<typeof startTestApp>> | null = null;
    try {
      const form = await openForm(off, "?lang=en");
      const receipt = await submitForm(off, form, validReport({ lang: "en" }));
      expect(receipt.status).toBe(200);
      const path = statusPathOf(receipt.html)!;
      const reference = referenceOf(receipt.html)!;
      const waiting = await (await fetch(`${off.url}${path}?lang=en`)).text();
      expect(waiting).toContain("Report received");
      expect(waiting).toContain("Waiting for the IT administrators");
      expect(waiting).not.toContain("IT administrators notified");
      await off.flush(); // renders the report's messages into the outbox; nothing can deliver them
      expect(
        await off.db.prisma.outboxMessage.count({
          where: { state: "PENDING", correlation: { startsWith: "report:" } },
        }),
      ).toBe(1);
      await off.app.stop();

      // Slack configured later, same database: the kept message goes out once, then the page says so.
      on = await startTestApp({ db: off.db });
      await on.flush();
      expect(incidents(on).filter((p) => p.text.includes(reference))).toHaveLength(1);
      expect(await on.app.core.reports.reconcileNotified()).toBe(1);
      const notified = await (await fetch(`${on.url}${path}?lang=en`)).text();
      expect(notified).toContain("IT administrators notified");
      expect(notified).not.toContain("Waiting for the IT administrators");
    } finally {
      await on?.close();
      await off.close();
    }
  });

  it("follows the report as admins act: each step once, in plain words, and the admin message is updated in place", async () => {
    const t = await startTestApp();
    try {
      const owner = await aPerson(t.db.prisma, { email: "hanako.sato@example.co.jp" });
      await aDevice(t.db.prisma, { ownerId: owner.id, model: "iPhone 15" });
      const form = await openForm(t, "?lang=ja");
      const receipt = await submitForm(t, form, validReport({ lang: "ja" }));
      const path = statusPathOf(receipt.html)!;
      await t.flush();
      const report = await t.db.prisma.lossReport.findUniqueOrThrow({
        where: { reference: referenceOf(receipt.html)! },
      });
      for (const status of [
        "LOST_MODE_REQUESTED",
        "LOST_MODE_ENABLED",
        "LOST_MODE_ENABLED",
        "LOCATED",
        "FOUND",
      ] as const) {
        t.clock.advance(60_000);
        await t.db.prisma.$transaction((tx) =>
          t.app.core.reports.recordStatus(tx, report.id, status, { actor: "slack:UADMIN1", note: "x" }),
        );
      }
      const html = await (await fetch(`${t.url}${path}`)).text();
      const steps = [...html.matchAll(/<li><strong>([^<]+)<\/strong>/g)].map((m) => m[1]);
      expect(steps).toEqual([
        "報告を受け付けました",
        "IT 管理者に通知しました",
        "デバイスの紛失モードを依頼しました",
        "デバイスが紛失モードになりました",
        "デバイスの位置を確認しました",
        "デバイスが見つかりました",
      ]);
      expect(html).toContain("この報告は完了しました");
      t.slack.reset();
      await t.flush();
      const updates = t.slack.callsTo("chat.update").map((c) => c.args);
      expect(updates.length).toBeGreaterThan(0);
      const last = updates.at(-1)!;
      // Closed: the message keeps its facts and offers no more actions on the device — only the
      // case record's export.
      const buttons = last.blocks
        .filter((b: any) => b.type === "actions")
        .flatMap((b: any) => b.elements.map((e: any) => e.action_id));
      expect(buttons).toEqual(["case_record"]);
    } finally {
      await t.close();
    }
  });

  it("hands out distinct reference numbers to reports arriving at the same moment", async () => {
    const t = await startTestApp();
    try {
      const posts = Array.from({ length: 8 }, (_, i) => {
        const body = JSON.stringify({
          responseId: `burst-${i}`,
          respondentEmail: `p${i}@example.co.jp`,
          answers: { Device: "phone" },
        });
        return postJson(
          `${t.url}/webhooks/google-form`,
          body,
          formWebhookHeaders(body, Math.floor(t.clock.now().getTime() / 1000)),
        );
      });
      const results = await Promise.all(posts);
      expect(results.map((r) => r.status)).toEqual(Array(8).fill(202));
      const refs = results.map((r) => r.json.reference as string);
      expect(new Set(refs).size).toBe(8);
      expect(refs.every((r) => /^LR-2026-000[1-8]$/.test(r))).toBe(true);
    } finally {
      await t.close();
    }
  });
});
