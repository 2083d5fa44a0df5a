// Every button that changes state asks first, in the reader's language, saying what will
// happen: collected from everything the running app sent to Slack through a whole incident
// (lost mode, a wipe request, alerts, the handover checklist), in Japanese and English.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCALES } from "../../src/i18n/index.js";
import { certRefusalMessage, overrideRequestedMessage } from "../../src/slack/blocks/push-certificate.js";
import { ADMIN_1, ALERTS_TOKEN, postJson, startTestApp, type TestApp } from "../support/harness.js";
import { answer, checkIn, incidentTs, lostDevice } from "../commands/support.js";
import { nextId } from "./helpers.js";

/** Buttons that change something at once (lost mode and lock open a form first: that is their confirmation). */
const STATE_CHANGING = new Set([
  "report_found",
  "report_dismiss",
  "device_wipe",
  "wipe_approve",
  "wipe_cancel",
  "lost_mode_disable",
  "device_locate",
  "lost_mode_sound",
  "alert_resolve",
  "cert_topic_override_request",
  "cert_topic_override_confirm",
  "handover_confirm",
  "handover_not_applicable",
]);

function buttonsIn(value: unknown, out: any[] = []): any[] {
  if (typeof value === "string" && /^[[{]/.test(value)) {
    try {
      return buttonsIn(JSON.parse(value), out);
    } catch {
      return out;
    }
  }
  if (Array.isArray(value)) {
    for (const v of value) buttonsIn(v, out);
  } else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (o.type === "button") out.push(o);
    for (const v of Object.values(o)) buttonsIn(v, out);
  }
  return out;
}

describe.each(LOCALES)("confirmations, in %s", (locale) => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ env: { APP_LOCALE: locale } })));
  afterAll(() => t.close());

  it("are on every state-changing button the app sends, and say what will happen", async () => {
    const lost = await lostDevice(t);
    const ts = await incidentTs(t, lost.reportId);
    // Lost mode on (the device confirms it), then a wipe requested: found, dismiss, locate, sound,
    // disable, approve and withdraw are all on screen.
    await t.app.core.commands.request(await t.app.core.actors.fromSlack(ADMIN_1), {
      type: "ENABLE_LOST_MODE",
      deviceId: lost.agent.deviceId,
      reportId: lost.reportId,
      params: { Message: "Call IT", PhoneNumber: "03-1234-5678" },
    });
    const [cmd] = (await checkIn(t, lost.agent.token)).json.commands;
    await answer(t, lost.agent.token, cmd.id, { status: "Acknowledged" });
    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "device_wipe",
      value: lost.value,
      messageTs: ts,
      responseId: nextId("wipe"),
    });
    await t.requests.slashCommand({ command: "/mdm", text: "handover", user: ADMIN_1, responseId: nextId("handover") });
    const alerts = [{ type: "jailbreak", device: { id: lost.agent.deviceId } }];
    expect(
      (await postJson(`${t.url}/api/alerts`, { alerts }, { authorization: `Bearer ${ALERTS_TOKEN}` })).status,
    ).toBe(200);
    await t.app.core.alerts.postPending();
    await t.requests.slashCommand({
      command: "/mdm",
      text: `device ${lost.agent.deviceId}`,
      user: ADMIN_1,
      responseId: nextId("card"),
    });
    await t.flush();

    const sent = [
      ...t.slack.calls.filter((c) => !c.failed).map((c) => c.args),
      ...t.slack.responses.map((r) => r.body),
    ];
    sent.push(
      certRefusalMessage("topic_changed", { requestId: "req1", current: "a", next: "b" }, locale),
      overrideRequestedMessage("req1", "slack:U1", "a", "b", locale),
    );
    const buttons = buttonsIn(sent).filter((b) => STATE_CHANGING.has(b.action_id));
    const seen = new Set(buttons.map((b) => b.action_id));
    for (const id of [
      "report_found",
      "report_dismiss",
      "device_locate",
      "lost_mode_sound",
      "lost_mode_disable",
      "wipe_approve",
      "wipe_cancel",
      "alert_resolve",
      "handover_not_applicable",
      "cert_topic_override_request",
      "cert_topic_override_confirm",
    ]) {
      expect(seen, id).toContain(id);
    }
    for (const b of buttons) {
      expect(b.confirm, b.action_id).toMatchObject({
        title: { type: "plain_text" },
        text: { type: "plain_text" },
        confirm: { type: "plain_text" },
        deny: { type: "plain_text" },
      });
      expect(b.confirm.text.text.length, b.action_id).toBeGreaterThan(15);
      if (locale === "ja") expect(b.confirm.text.text, b.action_id).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
    // Dismissing a device in lost mode says lost mode stays on.
    const dismiss = buttons.filter((b) => b.action_id === "report_dismiss" && JSON.parse(b.value).d).at(-1)!;
    expect(dismiss.confirm.text.text).toMatch(
      locale === "ja" ? /紛失モード中です。次の画面で解除できます/ : /the next step offers to end it/,
    );
  });
});
