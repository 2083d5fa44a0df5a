// A directory imported without Slack ids (the demo company, most real CSVs) still works in Slack:
// each person is linked to their Slack account by the e-mail Slack gives for them — on first
// contact (users.info), when a DM goes out (users.lookupByEmail), and after an import.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, ENROLLMENT_SECRET, postJson, startTestApp, type TestApp } from "../support/harness.js";
import { aDepartment, aDevice, aPerson } from "../support/builders.js";
import { openForm, submitForm, validReport } from "../reports/portal.js";
import { eventually, nextId, responseTo } from "./helpers.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const slackIdOf = async (email: string) =>
  (await t.db.prisma.person.findUnique({ where: { email } }))?.slackUserId ?? null;

describe("people linked by e-mail", () => {
  it("lets a department administrator without a Slack id act on her department's device the first time she clicks", async () => {
    const dept = await aDepartment(t.db.prisma, { name: "営業部" });
    const admin = await aPerson(t.db.prisma, {
      email: "keiko.sales@example.co.jp",
      name: "営業 恵子",
      slackUserId: null,
      departmentId: dept.id,
    });
    await t.db.prisma.departmentAdmin.create({ data: { departmentId: dept.id, personId: admin.id } });
    const owner = await aPerson(t.db.prisma, {
      email: "jiro.sales@example.co.jp",
      slackUserId: null,
      departmentId: dept.id,
    });
    const device = await aDevice(t.db.prisma, { ownerId: owner.id, supervised: true });
    t.slack.addUser({ id: "UKEIKO", email: "Keiko.Sales@example.co.jp", name: "営業 恵子" });

    const trigger = nextId("trig");
    await t.requests.blockAction({
      user: "UKEIKO",
      actionId: "lost_mode_enable",
      value: JSON.stringify({ d: device.id }),
      triggerId: trigger,
      blockId: `device:${device.id}`,
    });
    const open = await eventually(
      () => t.slack.callsTo("views.open").find((c) => c.args.trigger_id === trigger),
      "the lost-mode form",
    );
    expect(JSON.stringify(open.args.view)).toContain(device.name);
    expect(await slackIdOf("keiko.sales@example.co.jp")).toBe("UKEIKO");
    const audit = await t.db.prisma.auditEntry.findFirst({
      where: { action: "person.slack_linked", subject: `person:${admin.id}` },
    });
    expect(audit?.actor).toBe("slack:UKEIKO");
  });

  it("opens /lost with the devices of a directory member who has no Slack id yet", async () => {
    const person = await aPerson(t.db.prisma, {
      email: "mika.dev@example.co.jp",
      name: "開発 美香",
      slackUserId: null,
    });
    await aDevice(t.db.prisma, { ownerId: person.id, name: "Mika's Pixel", platform: "ANDROID", model: "Pixel 8" });
    t.slack.addUser({ id: "UMIKA", email: "mika.dev@example.co.jp" });
    const trigger = nextId("trig");
    await t.requests.slashCommand({ command: "/lost", user: "UMIKA", triggerId: trigger });
    const open = await eventually(
      () => t.slack.callsTo("views.open").find((c) => c.args.trigger_id === trigger),
      "the /lost modal",
    );
    const pick = open.args.view.blocks.find((b: any) => b.block_id === "device_pick");
    expect(pick.element.options.map((o: any) => o.text.text)).toEqual(["Mika's Pixel (Pixel 8)"]);
  });

  it("opens /lost in Japanese for a member linked by e-mail whose Slack reads Japanese", async () => {
    const person = await aPerson(t.db.prisma, {
      email: "kenta.ja@example.co.jp",
      name: "山本 健太",
      slackUserId: null,
    });
    await aDevice(t.db.prisma, { ownerId: person.id, name: "健太の iPhone", model: "iPhone 15" });
    t.slack.addUser({ id: "UKENTA", email: "kenta.ja@example.co.jp", locale: "ja-JP" });
    const trigger = nextId("trig");
    await t.requests.slashCommand({ command: "/lost", user: "UKENTA", triggerId: trigger });
    const open = await eventually(
      () => t.slack.callsTo("views.open").find((c) => c.args.trigger_id === trigger),
      "the /lost modal",
    );
    expect(open.args.view.title.text).toBe("デバイス紛失の報告");
    const pick = open.args.view.blocks.find((b: any) => b.block_id === "device_pick");
    expect(pick.element.options.map((o: any) => o.text.text)).toEqual(["健太の iPhone (iPhone 15)"]);
    expect(await slackIdOf("kenta.ja@example.co.jp")).toBe("UKENTA");
  });

  it("sends a web-form reporter from the directory their DM, found by e-mail, and remembers who they are", async () => {
    await aPerson(t.db.prisma, { email: "hanako.sato@example.co.jp", name: "Hanako Sato", slackUserId: null });
    t.slack.addUser({ id: "UHANAKO", email: "hanako.sato@example.co.jp" });
    const form = await openForm(t);
    const res = await submitForm(t, form, validReport());
    expect(res.status).toBe(200);
    await t.flush();
    expect(t.slack.callsTo("users.lookupByEmail").map((c) => c.args.email)).toContain("hanako.sato@example.co.jp");
    const dm = t.slack.posts("DUHANAKO")[0];
    expect(dm?.text).toMatch(/LR-\d{4}-\d{4}/);
    expect(await slackIdOf("hanako.sato@example.co.jp")).toBe("UHANAKO");
  });

  it("does not DM a web-form reporter who is not in Slack, and the report is still announced", async () => {
    await aPerson(t.db.prisma, { email: "no.slack@example.co.jp", slackUserId: null });
    const form = await openForm(t);
    const before = t.slack.callsTo("conversations.open").length;
    expect((await submitForm(t, form, validReport({ reporterEmail: "no.slack@example.co.jp" }))).status).toBe(200);
    await t.flush();
    expect(t.slack.callsTo("conversations.open").length).toBe(before);
    const stuck = await t.db.prisma.outboxMessage.count({ where: { state: { not: "SENT" } } });
    expect(stuck).toBe(0);
  });

  it("links the people of an import, and an enrolment's new owner, through users.lookupByEmail", async () => {
    t.slack.addUser({ id: "UICHIRO", email: "ichiro.import@example.co.jp" });
    t.slack.addUser({ id: "UAGENT", email: "owner.agent@example.co.jp" });
    const csv = [
      "Device name,Platform,Serial number,Owner name,Owner email,Department",
      "一郎 iPhone,iOS,F2LLINK00001,鈴木 一郎,ichiro.import@example.co.jp,営業部",
      ",,,外部 太郎,not.in.slack@example.co.jp,営業部",
    ].join("\n");
    const responseId = nextId("mdm");
    await t.requests.slashCommand({ command: "/mdm", text: `import\n${csv}`, user: ADMIN_1, responseId });
    await responseTo(t.slack, responseId);
    const enrolled = await postJson(`${t.url}/agent/v1/enroll`, {
      enrollmentSecret: ENROLLMENT_SECRET,
      platform: "android",
      name: "Field Pixel",
      imei: "356000000099991",
      ownerEmail: "owner.agent@example.co.jp",
    });
    expect(enrolled.status).toBe(201);
    await t.flush();
    expect(await slackIdOf("ichiro.import@example.co.jp")).toBe("UICHIRO");
    expect(await slackIdOf("owner.agent@example.co.jp")).toBe("UAGENT");
    expect(await slackIdOf("not.in.slack@example.co.jp")).toBeNull();
  });

  it("links nobody when the app lacks users:read.email, and still answers", async () => {
    const dept = await aDepartment(t.db.prisma, { name: "総務部" });
    const admin = await aPerson(t.db.prisma, {
      email: "soumu.admin@example.co.jp",
      slackUserId: null,
      departmentId: dept.id,
    });
    await t.db.prisma.departmentAdmin.create({ data: { departmentId: dept.id, personId: admin.id } });
    const device = await aDevice(t.db.prisma, {
      ownerId: (await aPerson(t.db.prisma, { departmentId: dept.id, slackUserId: null })).id,
    });
    t.slack.addUser({ id: "USOUMU", email: "soumu.admin@example.co.jp" });
    t.slack.scopes.delete("users:read.email");
    try {
      const responseId = nextId("act");
      await t.requests.blockAction({
        user: "USOUMU",
        actionId: "lost_mode_enable",
        value: JSON.stringify({ d: device.id }),
        responseId,
        blockId: `device:${device.id}`,
      });
      const reply = await responseTo(t.slack, responseId);
      expect(reply.text).toContain("権限がありません");
      expect(await slackIdOf("soumu.admin@example.co.jp")).toBeNull();
    } finally {
      t.slack.scopes.add("users:read.email");
    }
  });
});
