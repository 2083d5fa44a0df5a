// The company's contact details: set from Slack by a system administrator, on the lock screen of
// a lost device (never the reporter's own number) and on the portal's pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, startTestApp, type TestApp } from "../support/harness.js";
import { lostDevice } from "../commands/support.js";
import { openForm } from "../reports/portal.js";
import { eventually, nextId, responseTo } from "./helpers.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

async function mdm(user: string, text: string) {
  const responseId = nextId("mdm");
  await t.requests.slashCommand({ command: "/mdm", text, user, responseId });
  return responseTo(t.slack, responseId);
}

async function lostModeForm(value: string) {
  const trigger = nextId("trig");
  await t.requests.blockAction({ user: ADMIN_1, actionId: "lost_mode_enable", value, triggerId: trigger });
  const open = await eventually(
    () => t.slack.callsTo("views.open").find((c) => c.args.trigger_id === trigger),
    "the lost-mode form",
  );
  const block = (id: string) => open.args.view.blocks.find((b: any) => b.block_id === id);
  return {
    message: block("message").element.initial_value,
    phone: block("phone").element.initial_value,
    all: JSON.stringify(open.args.view),
  };
}

describe("company contact settings", () => {
  it("never puts the reporter's own number on the lock screen, and says how to set the help desk's", async () => {
    const lost = await lostDevice(t); // reported with call-back number 090-1234-5678
    const form = await lostModeForm(lost.value);
    expect(form.phone).toBeUndefined();
    expect(form.all).not.toContain("090-1234-5678");
    expect(form.message).toBe("This device has been lost. If you found it, please call the number below.");
    expect(form.all).toContain("/mdm company phone");
  });

  it("is changed by a system administrator only, with a clear message for a bad number", async () => {
    expect((await mdm("UNOBODY", "company phone 03-1111-2222")).text).toMatch(/system administrator/i);
    expect((await mdm(ADMIN_1, "company phone call me")).text).toMatch(/digits, spaces/);
    const saved = await mdm(ADMIN_1, "company phone 03-1234-5678");
    expect(saved.text).toContain("Saved");
    expect(saved.text).toContain("03-1234-5678");
    await mdm(ADMIN_1, "company name Example Corp.");
    const shown = await mdm(ADMIN_1, "company message ja このデバイスは株式会社サンプルの所有物です。");
    expect(shown.text).toContain("このデバイスは株式会社サンプルの所有物です。");
    expect(await t.db.prisma.auditEntry.count({ where: { action: "company.contact" } })).toBe(3);
  });

  it("fills the lost-mode form and the lock with the help desk's number and the company's message", async () => {
    const lost = await lostDevice(t);
    const form = await lostModeForm(lost.value);
    expect(form.phone).toBe("03-1234-5678");
    expect(form.message).toBe(
      "Example Corp.: This device has been lost. If you found it, please call the number below.",
    );
    expect(form.all).not.toContain("/mdm company phone");

    await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: "device_lock_submit",
      privateMetadata: JSON.stringify({ r: lost.reportId, d: lost.agent.deviceId }),
      values: {},
    });
    const lock = await eventually(
      () => t.db.prisma.command.findFirst({ where: { deviceId: lost.agent.deviceId, type: "DEVICE_LOCK" } }),
      "the lock",
    );
    expect(lock.params).toMatchObject({ PhoneNumber: "03-1234-5678" });
  });

  it("shows the help desk's number on the portal's pages, in both languages", async () => {
    for (const [lang, label] of [
      ["en", "IT help desk:"],
      ["ja", "IT ヘルプデスク:"],
    ] as const) {
      const { html } = await openForm(t, `?lang=${lang}`);
      expect(html).toContain(`<p class="help-desk">${label} <a href="tel:0312345678">03-1234-5678</a></p>`);
    }
    const lost = await lostDevice(t);
    const status = await (await fetch(`${t.url}/report/status/${lost.statusToken}?lang=ja`)).text();
    expect(status).toContain('href="tel:0312345678"');
    const missing = await fetch(`${t.url}/report/status/not-a-token`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("03-1234-5678");
  });
});
