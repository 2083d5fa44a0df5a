// Reminders before every deadline, with the manual clock: each threshold posted once (also across
// a restart and a second replica on the same database), daily once overdue; "Renewed" only with
// a later date (a form that is the confirmation, audited, announced), never hiding the deadline;
// the Android Enterprise Gmail's 12-month sign-in rule and its button.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renewalsDueSoon } from "../../src/core/renewals/index.js";
import { aCustodyAccount } from "../support/builders.js";
import { ADMIN_1, ADMIN_2, ADMIN_CHANNEL, startTestApp, type TestApp } from "../support/harness.js";
import { validateMessage } from "../support/block-kit.js";
import { mdm, runJob, textOf, until } from "./support.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set("2026-11-20T01:00:00Z");
});
afterAll(() => t.close());

const JOB = "renewal-reminders";
const reminders = () => t.slack.posts(ADMIN_CHANNEL).filter((p) => /Renew the|OVERDUE/.test(p.text));

async function tick(days: number) {
  t.clock.advanceDays(days);
  await runJob(t, JOB);
  await t.flush();
}

describe("ADE token reminders", () => {
  it("posts at 60, 30, 14, 7, 3 and 1 days before, each once, naming the account and its holders", async () => {
    // The ABM Apple ID's custody, so the reminder can say who signs in and who has the phone.
    await aCustodyAccount(t.db.prisma, {
      role: "ABM_APPLE_ID",
      address: "abm-admin@corp.example",
      twoFactorHolder: "IT shared iPhone (Sato)",
    });
    const reply = await mdm(t, ADMIN_1, "renewals ade 2027-01-30 abm-admin@corp.example");
    expect(reply.text).toContain("ADE (DEP) server token");
    t.slack.reset();

    await tick(0); // 71 days out: nothing yet
    expect(reminders()).toHaveLength(0);

    const expected: [number, string][] = [
      [11, "60"],
      [30, "30"],
      [16, "14"],
      [7, "7"],
      [4, "3"],
      [2, "1"],
    ];
    for (const [days, threshold] of expected) {
      await tick(days);
      await runJob(t, JOB); // a second fire in the same window posts nothing more
      await t.flush();
      const last = reminders().at(-1)!;
      expect(reminders()).toHaveLength(expected.findIndex(([, th]) => th === threshold) + 1);
      expect(last.text).toContain("Renew the ADE (DEP) server token");
      expect(Number(/(\d+) day\(s\) left/.exec(last.text)![1])).toBeLessThanOrEqual(Number(threshold));
    }
    const last = textOf(reminders().at(-1)!);
    expect(last).toContain("abm-admin@corp.example");
    expect(last).toContain("Hanako Sato (IT)");
    expect(last).toContain("IT shared iPhone (Sato)");
    expect(last).toContain("https://business.apple.com/");
    expect(validateMessage(reminders().at(-1)!)).toEqual([]);
    const keys = (await t.db.prisma.renewalReminder.findMany()).map((r) => r.key).sort();
    const deadline = (
      await t.db.prisma.renewal.findFirstOrThrow({ where: { kind: "ADE_TOKEN" } })
    ).expiresAt!.toISOString();
    expect(keys).toEqual(["14d", "1d", "30d", "3d", "60d", "7d"].map((k) => `${deadline}/${k}`));
  });

  it("posts daily once overdue, once per day, across a restart and a second replica", async () => {
    await tick(1); // past the deadline
    expect(reminders().at(-1)!.text).toContain("OVERDUE");
    const before = reminders().length;

    // Same day: a restarted instance and a second replica on the same database post nothing.
    const second = await startTestApp({ db: t.db, slack: t.slack, clock: t.clock });
    try {
      await Promise.all([
        runJob(t, JOB),
        runJob(second, JOB),
        second.app.jobs.find((j) => j.name === JOB)!.catchUp!(t.clock.now()),
      ]);
      await t.flush();
      await second.flush();
      expect(reminders()).toHaveLength(before);

      t.clock.advanceDays(1);
      await Promise.all([runJob(t, JOB), runJob(second, JOB)]);
      await t.flush();
      await second.flush();
      expect(reminders()).toHaveLength(before + 1);
    } finally {
      await second.close();
    }
    const due = await renewalsDueSoon(t.db.prisma, t.clock.now());
    expect(due.map((r) => r.kind)).toContain("ADE_TOKEN");
  });

  it("'Renewed' asks for the new date in a form; a date that does not move the deadline is refused and reminders go on", async () => {
    const renewal = await t.db.prisma.renewal.findFirstOrThrow({ where: { kind: "ADE_TOKEN" } });
    await t.requests.blockAction({
      user: ADMIN_2,
      actionId: "renewal_mark_done",
      value: renewal.id,
      responseId: "done-1",
      triggerId: "trig-done-1",
    });
    const open = await until(() => t.slack.callsTo("views.open").find((c) => c.args.trigger_id === "trig-done-1"));
    const view = open.args.view;
    expect(view.callback_id).toBe("renewal_mark_renewed");
    expect(JSON.stringify(view.blocks)).toContain("Enter the NEW expiry date");
    // The click itself changed nothing.
    expect((await t.db.prisma.renewal.findUniqueOrThrow({ where: { id: renewal.id } })).expiresAt).toEqual(
      renewal.expiresAt,
    );

    const same = await t.requests.viewSubmission({
      user: ADMIN_2,
      callbackId: view.callback_id,
      privateMetadata: view.private_metadata,
      values: { date: { value: { date: "2027-01-30" } } },
    });
    expect(same.json()).toMatchObject({
      response_action: "errors",
      errors: { date: expect.stringContaining("already passed: the renewal is not done yet") },
    });
    const before = reminders().length;
    await tick(1);
    expect(reminders()).toHaveLength(before + 1);
    expect(reminders().at(-1)!.text).toContain("OVERDUE");
    expect(await t.db.prisma.auditEntry.count({ where: { action: "renewal.marked_renewed" } })).toBe(0);
  });

  it("records a renewal marked by hand with its new date: audited, announced, and next year's reminders come", async () => {
    const renewal = await t.db.prisma.renewal.findFirstOrThrow({ where: { kind: "ADE_TOKEN" } });
    const next = new Date(t.clock.now().getTime() + 20 * 86_400_000).toISOString().slice(0, 10);
    const res = await t.requests.viewSubmission({
      user: ADMIN_2,
      callbackId: "renewal_mark_renewed",
      privateMetadata: JSON.stringify({ id: renewal.id, ch: ADMIN_CHANNEL }),
      values: { date: { value: { date: next } } },
    });
    expect(res.status).toBe(200);
    expect(res.body).not.toContain("response_action");
    await t.flush();
    const announced = t.slack
      .posts(ADMIN_CHANNEL)
      .filter((p) => /marked renewed by hand/.test(p.text))
      .at(-1)!;
    expect(announced.text).toContain(`<@${ADMIN_2}>`);
    const audit = await t.db.prisma.auditEntry.findFirstOrThrow({ where: { action: "renewal.marked_renewed" } });
    expect(audit).toMatchObject({ actor: `slack:${ADMIN_2}`, subject: `renewal:${renewal.id}` });
    expect(audit.details).toMatchObject({ previous: renewal.expiresAt!.toISOString(), kind: "ADE_TOKEN" });
    // Never hidden: the digest's renewals and the list still show it, with the new deadline.
    expect((await renewalsDueSoon(t.db.prisma, t.clock.now())).map((r) => r.kind)).toContain("ADE_TOKEN");
    expect((await mdm(t, ADMIN_1, "renewals")).text).toMatch(/ADE \(DEP\) server token\* — .*\(20 day\(s\) left\)/);

    // A second hand-marking that would pull the deadline in, or keep it, is refused.
    const sooner = new Date(t.clock.now().getTime() + 10 * 86_400_000).toISOString().slice(0, 10);
    const again = await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: "renewal_mark_renewed",
      privateMetadata: JSON.stringify({ id: renewal.id }),
      values: { date: { value: { date: sooner } } },
    });
    expect(again.json().errors.date).toContain("not later than the current deadline");

    const before = reminders().length;
    await tick(0);
    expect(reminders()).toHaveLength(before + 1);
    expect(reminders().at(-1)!.text).toMatch(/Renew the ADE \(DEP\) server token: (19|20) day/);
  });

  it("/mdm renewals done opens the same form, and says what it needs without a kind", async () => {
    await t.requests.slashCommand({
      command: "/mdm",
      text: "renewals done ade 2027-12-01",
      user: ADMIN_1,
      triggerId: "trig-done-2",
    });
    const open = await until(() => t.slack.callsTo("views.open").find((c) => c.args.trigger_id === "trig-done-2"));
    expect(JSON.stringify(open.args.view.blocks)).toContain('"initial_date":"2027-12-01"');
    expect((await mdm(t, ADMIN_1, "renewals done")).text).toContain("opens a form");
  });
});

describe("Android Enterprise admin Gmail", () => {
  it("is due 12 months after the last confirmed sign-in; 'I signed in today' records who and moves it", async () => {
    t.clock.set("2026-11-20T01:00:00Z");
    const reply = await mdm(t, ADMIN_1, "renewals gmail android-admin@corp.example 2025-11-25");
    expect(reply.text).toContain("Android Enterprise admin Gmail");
    const gmail = await t.db.prisma.renewal.findFirstOrThrow({ where: { kind: "ANDROID_ENTERPRISE_GMAIL" } });
    expect(gmail.expiresAt!.toISOString()).toBe("2026-11-24T15:00:00.000Z"); // 2026-11-25 00:00 in Tokyo

    t.slack.reset();
    await tick(0);
    const post = reminders().find((p) => p.text.includes("Android Enterprise admin Gmail"))!;
    expect(post.text).toContain("5 day(s) left");
    expect(textOf(post)).toContain("renewal_gmail_signed_in");
    expect(textOf(post)).toContain("android-admin@corp.example");

    await t.requests.blockAction({
      user: ADMIN_2,
      actionId: "renewal_gmail_signed_in",
      value: gmail.id,
      responseId: "gmail-1",
    });
    expect((await until(() => t.slack.responses.find((r) => r.id === "gmail-1"))).body.text).toContain(
      "Sign-in recorded",
    );
    const after = await t.db.prisma.renewal.findUniqueOrThrow({ where: { id: gmail.id } });
    expect(after.lastSignInAt).toEqual(t.clock.now());
    expect(after.renewedBy).toBe(`slack:${ADMIN_2}`);
    expect(after.expiresAt!.toISOString()).toBe("2027-11-20T01:00:00.000Z");
    const audit = await t.db.prisma.auditEntry.findFirstOrThrow({ where: { action: "renewal.gmail_signed_in" } });
    expect(audit.actor).toBe(`slack:${ADMIN_2}`);

    const count = reminders().length;
    await tick(3);
    expect(reminders()).toHaveLength(count);
    // 12 months later, minus 14 days: it comes back.
    t.clock.set("2027-11-07T01:00:00Z");
    await runJob(t, JOB);
    await t.flush();
    expect(
      reminders()
        .slice(count)
        .map((p) => p.text),
    ).toContainEqual(expect.stringContaining("Android Enterprise admin Gmail sign-in: 13 day(s) left"));
  });

  it("only admins may press the button", async () => {
    const gmail = await t.db.prisma.renewal.findFirstOrThrow({ where: { kind: "ANDROID_ENTERPRISE_GMAIL" } });
    await t.requests.blockAction({
      user: "USTRANGER",
      actionId: "renewal_gmail_signed_in",
      value: gmail.id,
      responseId: "gmail-2",
    });
    expect((await until(() => t.slack.responses.find((r) => r.id === "gmail-2"))).body.text).toContain("not allowed");
  });
});

describe("/mdm renewals", () => {
  it("lists every deadline and reads a VPP token file's expiry", async () => {
    t.clock.set("2026-11-20T01:00:00Z");
    const token = Buffer.from(
      JSON.stringify({ token: "abc", expDate: "2027-03-01T10:00:00+0000", orgName: "Example Corp" }),
    ).toString("base64");
    await t.requests.slashCommand({
      command: "/mdm",
      text: "renewals upload vpp abm-admin@corp.example",
      user: ADMIN_1,
      triggerId: "trig-vpp",
    });
    const view = (await until(() => t.slack.callsTo("views.open").find((c) => c.args.trigger_id === "trig-vpp"))).args
      .view;
    const fileId = t.slack.addFile({ name: "sToken_for_Example_Corp.vpptoken", content: token });
    const before = t.slack.posts(ADMIN_1).length;
    await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: view.callback_id,
      privateMetadata: view.private_metadata,
      values: { file: { file: { files: [{ id: fileId, name: "sToken_for_Example_Corp.vpptoken" }] } } },
    });
    const dm = await until(() => t.slack.posts(ADMIN_1)[before]);
    expect(dm.text).toContain("VPP content token");
    expect(
      (await t.db.prisma.renewal.findFirstOrThrow({ where: { kind: "VPP_TOKEN" } })).expiresAt!.toISOString(),
    ).toBe("2027-03-01T10:00:00.000Z");

    const list = await mdm(t, ADMIN_1, "renewals");
    expect(list.text).toContain("VPP content token");
    expect(list.text).toContain("Android Enterprise admin Gmail");
    expect(list.text).toContain("ADE (DEP) server token");
  });

  it("says an ADE .p7m cannot be read and to enter the date instead", async () => {
    const fileId = t.slack.addFile({
      name: "Example_Token.p7m",
      content: "Content-Type: application/pkcs7-mime; smime-type=enveloped-data\n\nMIAGCSqGSIb3DQEHA6CAMIACAQAxggE...",
    });
    const before = t.slack.posts(ADMIN_1).length;
    await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: "renewal_token_upload",
      privateMetadata: JSON.stringify({ kind: "ADE_TOKEN" }),
      values: { file: { file: { files: [{ id: fileId, name: "Example_Token.p7m" }] } } },
    });
    const dm = await until(() => t.slack.posts(ADMIN_1)[before]);
    expect(dm.text).toContain("encrypted for your MDM server");
  });

  it("records a push certificate made outside this app by its expiry, so it is still reminded", async () => {
    const reply = await mdm(t, ADMIN_1, "renewals push 2026-12-10 MDM-Push@corp.example");
    expect(reply.text).toContain("MDM push certificate");
    const push = await t.db.prisma.renewal.findFirstOrThrow({
      where: { kind: "PUSH_CERTIFICATE" },
      include: { account: true },
    });
    expect(push.details).toMatchObject({ appleId: "mdm-push@corp.example" });
    expect(push.account?.role).toBe("PUSH_CERT_APPLE_ID");
    t.slack.reset();
    await runJob(t, JOB);
    await t.flush();
    const post = reminders().find((p) => p.text.includes("MDM push certificate"))!;
    expect(textOf(post)).toContain("https://identity.apple.com/pushcert/");
    expect(textOf(post)).toContain("mdm-push@corp.example");
  });

  it("refuses a malformed date plainly", async () => {
    expect((await mdm(t, ADMIN_1, "renewals ade 30/01/2027")).text).toContain("YYYY-MM-DD");
  });
});
