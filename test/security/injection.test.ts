// Text from employees, forms and devices ends up in Slack messages and web pages. Whatever it
// contains — Slack broadcasts and mentions, links, HTML and script, unicode tricks — it must be
// shown as text: nobody gets pinged, nothing runs, no fake link appears.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startTestApp,
  type TestApp,
  ALERTS_TOKEN,
  ENROLLMENT_SECRET,
  formWebhookHeaders,
  postJson,
} from "../support/harness.js";
import { openForm, statusPathOf, submitForm, validReport } from "../reports/portal.js";
import { INJECTIONS, expectInertInHtml, expectInertInSlack } from "./support.js";
import { until } from "../commands/support.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp({ env: { REPORT_RATE_LIMIT: "10000" } })));
afterAll(() => t.close());

const all = Object.values(INJECTIONS).join(" | ");
const slackCalls = () =>
  t.slack.calls.filter(
    (c) =>
      !c.failed &&
      ["chat.postMessage", "chat.update", "chat.postEphemeral", "views.publish", "views.open"].includes(c.method),
  );

describe("text typed into the report form", () => {
  it("is shown as text on the receipt, on the status page and in the admin channel", async () => {
    t.slack.reset();
    const s = await openForm(t);
    const res = await submitForm(
      t,
      s,
      validReport({
        reporterName: INJECTIONS.script + INJECTIONS.rtl,
        device: `${INJECTIONS.channelPing} ${INJECTIONS.emoji} ${INJECTIONS.zeroWidth}`,
        location: `${INJECTIONS.userMention} ${INJECTIONS.link} ${INJECTIONS.ampersand} ${INJECTIONS.sql} ${INJECTIONS.loneSurrogate}`,
      }),
    );
    expect(res.status).toBe(200);
    expectInertInHtml(res.html);
    const status = await fetch(`${t.url}${statusPathOf(res.html)}`);
    expect(status.status).toBe(200);
    expectInertInHtml(await status.text());
    await t.flush();
    const calls = slackCalls();
    expect(calls.length).toBeGreaterThan(0);
    expectInertInSlack(calls);
    // The text is still there for the admin to read, just not live: the device name survives.
    expect(JSON.stringify(calls)).toContain("📱🔥");
  });

  it("re-renders a refused form with the hostile input escaped", async () => {
    const s = await openForm(t);
    const res = await submitForm(
      t,
      s,
      validReport({ reporterEmail: `x${INJECTIONS.script}@`, device: INJECTIONS.script }),
    );
    expect(res.status).toBe(400);
    expectInertInHtml(res.html);
  });
});

describe("answers pushed by the Google Form", () => {
  it("are shown as text in the admin channel", async () => {
    t.slack.reset();
    const body = JSON.stringify({
      responseId: "inject-1",
      formId: "form",
      respondentEmail: "taro@example.com",
      submittedAt: t.clock.now().toISOString(),
      answers: {
        "Your name": `${INJECTIONS.channelPing} ${INJECTIONS.script}`,
        "Which device?": `${INJECTIONS.userMention} ${INJECTIONS.rtl}`,
        Where: `${INJECTIONS.link} ${INJECTIONS.ampersand}`,
        "What happened?": "Lost",
        "Phone number": "090-0000-0000",
        [INJECTIONS.channelPing]: INJECTIONS.link, // an unknown question: its title and answer are shown too
      },
    });
    const res = await postJson(
      `${t.url}/webhooks/google-form`,
      body,
      formWebhookHeaders(body, Math.floor(t.clock.now().getTime() / 1000)),
    );
    expect(res.status, res.text).toBeLessThan(300);
    await t.flush();
    expect(slackCalls().length).toBeGreaterThan(0);
    expectInertInSlack(slackCalls());
  });
});

describe("a report filed from Slack with /lost", () => {
  it("is shown as text in the admin channel and the reporter's DM", async () => {
    t.slack.reset();
    const res = await t.requests.viewSubmission({
      user: "UINJECT",
      callbackId: "lost_report",
      values: {
        email: { value: "inject.person@example.co.jp" },
        name: { value: `${INJECTIONS.channelPing} ${INJECTIONS.rtl}` },
        device_text: { value: `${INJECTIONS.userMention} ${INJECTIONS.script} ${INJECTIONS.emoji}` },
        lost_at: { value: INJECTIONS.link },
        location: { value: `${INJECTIONS.ampersand} ${INJECTIONS.zeroWidth} ${INJECTIONS.loneSurrogate}` },
        circumstances: { value: { selected: "stolen" } },
        phone: { value: "080-1111-2222" },
        consent: { value: { selectedOptions: ["on"] } },
      },
    });
    expect(res.status).toBe(200);
    const report = await until(
      () => t.db.prisma.lossReport.findFirst({ where: { reporterEmail: "inject.person@example.co.jp" } }),
      "the report",
    );
    expect(report.channel).toBe("SLACK");
    await t.flush();
    expect(slackCalls().length).toBeGreaterThan(0);
    expectInertInSlack(slackCalls());
  });
});

describe("names and details sent by devices and the MDM", () => {
  it("are shown as text in alerts", async () => {
    t.slack.reset();
    const enrolled = await postJson(`${t.url}/agent/v1/enroll`, {
      enrollmentSecret: ENROLLMENT_SECRET,
      platform: "android",
      name: `${INJECTIONS.channelPing} ${INJECTIONS.script}`,
      imei: "356938035643809",
      model: INJECTIONS.userMention,
    });
    expect(enrolled.status).toBe(201);
    const res = await postJson(
      `${t.url}/api/alerts`,
      {
        alerts: [
          {
            type: "root",
            device: { imei: "356938035643809" },
            details: { note: all, apps: [INJECTIONS.link, INJECTIONS.channelPing], sim: INJECTIONS.userMention },
          },
        ],
      },
      { authorization: `Bearer ${ALERTS_TOKEN}` },
    );
    expect(res.status).toBe(200);
    expect(res.json.accepted).toBe(1);
    await t.flush();
    expectInertInSlack(slackCalls());
  });
});
