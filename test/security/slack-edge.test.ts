// Hostile names, reasons and app ids through every builder and notification that reaches Slack:
// incidents, their thread after an approval, immediate alerts (one by one and grouped, with the
// CSV), an admin's device search and card, the Home tab. Whatever a value holds, nobody is
// pinged and no disguised link appears — in blocks, top-level text, attachments and file
// comments alike — and the text is still there to read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, startTestApp, type TestApp } from "../support/harness.js";
import { renderForSlack, slackGroupMention, slackMarkup, slackMention } from "../../src/slack/edge.js";
import { enroll, incidentTs, lostDevice, threadTexts, until } from "../commands/support.js";
import { runJob, sendAlerts } from "../alerts/support.js";
import { INJECTIONS, expectInertInSlack } from "./support.js";
import { aPerson } from "../support/builders.js";

const HOSTILE = `${INJECTIONS.channelPing} ${INJECTIONS.userMention} ${INJECTIONS.link} ${INJECTIONS.ampersand}`;
let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());
const sent = () => t.slack.calls.filter((c) => !c.failed);

describe("hostile values reaching Slack", () => {
  it("from device names, models, owners and app ids: immediate alerts, one by one and grouped", async () => {
    t.slack.reset();
    const owner = await aPerson(t.db.prisma, { email: "hostile.owner@example.co.jp", name: HOSTILE });
    const devices = [];
    for (let i = 0; i < 5; i++)
      devices.push(
        await enroll(t, {
          platform: "android",
          name: `${HOSTILE} #${i}`,
          model: HOSTILE,
          imei: `35693803564380${i}`,
          ownerEmail: owner.email,
          serial: undefined,
          udid: undefined,
        }),
      );
    // One alone: its own post (top-level text carries the device name).
    expect(
      (
        await sendAlerts(t, [
          {
            type: "app_policy_violation",
            device: { id: devices[0]!.deviceId },
            details: { apps: [INJECTIONS.link, INJECTIONS.channelPing, "com.evil.<@U0EVIL>"] },
          },
        ])
      ).status,
    ).toBe(200);
    await runJob(t, "alerts.post");
    await t.flush();
    // Four together: one grouped post and a CSV in its thread.
    await sendAlerts(
      t,
      devices.slice(1).map((d) => ({ type: "tampering", device: { id: d.deviceId }, details: { note: HOSTILE } })),
    );
    await runJob(t, "alerts.post");
    await t.flush();
    const posts = sent().filter((c) => c.method === "chat.postMessage");
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(posts.map((p) => p.args.text))).toContain("channel"); // the name is still readable
    expectInertInSlack(sent());
  });

  it("from a reported device and an admin's lock-screen message: the incident and its thread", async () => {
    t.slack.reset();
    const lost = await lostDevice(t, { device: { name: HOSTILE, model: HOSTILE } });
    const ts = await incidentTs(t, lost.reportId);
    await t.requests.blockAction({ user: ADMIN_1, actionId: "lost_mode_enable", value: lost.value, messageTs: ts });
    const open = await until(() => t.slack.callsTo("views.open").at(-1), "the lost-mode modal");
    await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: "lost_mode_submit",
      privateMetadata: open.args.view.private_metadata,
      values: {
        message: { value: `Return it ${HOSTILE}` },
        phone: { value: "03-1111-2222" },
        footnote: { value: HOSTILE },
      },
    });
    await until(() => t.db.prisma.command.findFirst({ where: { deviceId: lost.agent.deviceId } }), "the command");
    await t.flush();
    expect(threadTexts(t, ts).length).toBeGreaterThan(0);
    // The admin who acted is still named as a mention: the bot's own mentions pass the edge.
    expect(JSON.stringify(threadTexts(t, ts))).toContain(`<@${ADMIN_1}>`);
    expectInertInSlack(sent());
  });

  it("from an admin's search and a device card, and the Home tab", async () => {
    t.slack.reset();
    await enroll(t, { name: `${HOSTILE} card`, model: HOSTILE });
    await t.requests.slashCommand({ command: "/mdm", text: `device ${INJECTIONS.channelPing}`, user: ADMIN_1 });
    await t.requests.slashCommand({ command: "/mdm", text: "device card", user: ADMIN_1 });
    await t.requests.send(
      JSON.stringify({
        type: "event_callback",
        team_id: "T1",
        api_app_id: "A1",
        event_id: `Ev${Date.now()}`,
        event_time: 1,
        event: { type: "app_home_opened", user: ADMIN_1, tab: "home" },
      }),
      "application/json",
    );
    await t.flush();
    const replies = t.slack.responses.map((r) => ({ method: "response_url", args: r.body as Record<string, any> }));
    expect(replies.length).toBeGreaterThan(0);
    expectInertInSlack([...sent(), ...replies]);
  });
});

describe("the edge itself", () => {
  it("shows broadcasts and foreign links as text everywhere Slack reads mrkdwn, keeps ours, leaves plain text and data alone", () => {
    const out = renderForSlack(
      {
        text: `<!channel> <!here|here> <!subteam^S1> <https://evil.example/x|Restore> <https://identity.apple.com|Apple> <https://portal.test/report/status/abc|status> <@UADMIN1> &amp;`,
        blocks: [
          {
            type: "section",
            text: { type: "mrkdwn", text: "<!everyone>" },
            fields: [{ type: "plain_text", text: "<!channel>" }],
          },
          { type: "header", text: { type: "plain_text", text: "<!channel>" } },
          {
            type: "actions",
            elements: [
              {
                type: "button",
                text: { type: "plain_text", text: "x" },
                value: "<!channel>",
                url: "https://evil.example",
              },
            ],
          },
        ],
        attachments: [{ pretext: "<!here>", fields: [{ title: "<!channel>", value: "<mailto:a@evil.example|mail>" }] }],
        initial_comment: "<!channel> by <@UADMIN1>",
        filename: "<!channel>.csv",
        private_metadata: '{"a":"<!channel>"}',
      },
      { publicUrl: "https://portal.test" },
    );
    expect(out.text).toBe(
      "&lt;!channel&gt; &lt;!here|here&gt; &lt;!subteam^S1&gt; &lt;https://evil.example/x|Restore&gt; <https://identity.apple.com|Apple> <https://portal.test/report/status/abc|status> &lt;@UADMIN1&gt; &amp;",
    );
    expect(out.blocks[0]).toMatchObject({ text: { text: "&lt;!everyone&gt;" }, fields: [{ text: "<!channel>" }] });
    expect(out.blocks[1]).toMatchObject({ text: { text: "<!channel>" } });
    expect(out.blocks[2]).toMatchObject({ elements: [{ value: "<!channel>" }] });
    expect(out.attachments[0]).toEqual({
      pretext: "&lt;!here&gt;",
      fields: [{ title: "&lt;!channel&gt;", value: "&lt;mailto:a@evil.example|mail&gt;" }],
    });
    expect(out.initial_comment).toBe("&lt;!channel&gt; by &lt;@UADMIN1&gt;");
    expect(out.filename).toBe("<!channel>.csv");
    expect(out.private_metadata).toBe('{"a":"<!channel>"}');
    // A mention that slipped into a value — a device name, a reason, an app id — is text; the
    // bot's own mentions, made from an id by slackMention / slackGroupMention, pass.
    const mentions = renderForSlack({
      text: `${slackMention("UADMIN1")} approved <@U0EVIL> <@W0EVIL|boss> <#C0EVIL> ${slackGroupMention("S0ONCALL")} <!subteam^S0EVIL|@oncall>`,
      blocks: [{ type: "section", text: { type: "mrkdwn", text: `by ${slackMention("<!channel>")} <@U0EVIL>` } }],
    });
    expect(mentions.text).toBe(
      "<@UADMIN1> approved &lt;@U0EVIL&gt; &lt;@W0EVIL|boss&gt; &lt;#C0EVIL&gt; <!subteam^S0ONCALL> &lt;!subteam^S0EVIL|@oncall&gt;",
    );
    expect(mentions.blocks?.[0]?.text.text).toBe("by &lt;!channel&gt; &lt;@U0EVIL&gt;");
    // An admin-configured link marked by its builder passes; the rest of the string is still guarded.
    const marked = renderForSlack({
      text: `${slackMarkup("<https://wiki.corp.example/p|policy>")} <!channel> <https://wiki.corp.example/p|fake>`,
    });
    expect(marked.text).toBe(
      "<https://wiki.corp.example/p|policy> &lt;!channel&gt; &lt;https://wiki.corp.example/p|fake&gt;",
    );
  });
});

describe("mentions in the source", () => {
  // The edge shows a hand-built `<@U…>` as text, so a mention written by hand silently stops
  // notifying anyone; every mention goes through slackMention / slackGroupMention.
  it("are built only by the edge's helpers", async () => {
    const { readFile, readdir } = await import("node:fs/promises");
    const files = (await readdir("src", { recursive: true })).filter((f) => f.endsWith(".ts"));
    const handBuilt: string[] = [];
    for (const f of files) {
      if (f === "slack/edge.ts" || f.startsWith("generated/")) continue;
      const text = await readFile(`src/${f}`, "utf8");
      if (/`<[@#]\$\{|`<!subteam/.test(text)) handBuilt.push(f);
    }
    expect(handBuilt).toEqual([]);
  });
});
