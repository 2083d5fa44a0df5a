// /mdm from an administrator's point of view: finding a device, open reports, the inventory
// CSV, wrong input, and the core refusing people who are not administrators.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, startTestApp, type TestApp } from "../support/harness.js";
import { aDepartment, aDevice, aPerson } from "../support/builders.js";
import { validateMessage } from "../support/block-kit.js";
import { eventually, nextId, responseTo } from "./helpers.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

async function mdm(user: string, text: string, channel?: string) {
  const responseId = nextId("mdm");
  const res = await t.requests.slashCommand({ command: "/mdm", text, user, responseId, channel });
  expect(res.status).toBe(200);
  return responseTo(t.slack, responseId);
}

describe("/mdm device", () => {
  it("shows the card of the device whose serial number was typed, with the incident buttons", async () => {
    const dept = await aDepartment(t.db.prisma, { name: "営業部" });
    const owner = await aPerson(t.db.prisma, {
      name: "山田 花子",
      email: "hanako.yamada@example.co.jp",
      departmentId: dept.id,
    });
    const device = await aDevice(t.db.prisma, {
      name: "Hanako's iPhone",
      serial: "F2LXK0ABCD12",
      ownerId: owner.id,
      supervised: false,
    });
    await t.db.prisma.alert.create({
      data: {
        type: "jailbreak",
        deviceId: device.id,
        detectedAt: t.clock.now(),
        immediate: true,
        dedupeKey: `a-${device.id}`,
      },
    });

    const body = await mdm(ADMIN_1, "device f2lxk0abcd12");
    expect(validateMessage(body)).toEqual([]);
    const all = JSON.stringify(body.blocks);
    expect(all).toContain("Hanako's iPhone");
    expect(all).toContain("山田 花子");
    expect(all).toContain("営業部");
    expect(all).toContain("not supervised"); // lost mode needs a supervised iPhone: the card says why it is missing
    expect(all).toContain(":rotating_light: 1"); // the open jailbreak alert
    const actions = body.blocks.find((b: any) => b.type === "actions");
    expect(actions.elements.map((e: any) => e.action_id)).toEqual(["device_lock", "device_wipe"]);
    expect(JSON.parse(actions.elements[0].value)).toEqual({ d: device.id });
    expect(actions.elements[1].confirm).toBeDefined(); // a wipe asks first, as on the incident message
  });

  it("acts from the card: Enable lost mode opens the same lost-mode form as on the incident message", async () => {
    const device = await aDevice(t.db.prisma, { name: "Supervised iPhone", serial: "SNCARDLM01", supervised: true });
    const card = await mdm(ADMIN_1, "device SNCARDLM01");
    const button = card.blocks
      .find((b: any) => b.type === "actions")
      .elements.find((e: any) => e.action_id === "lost_mode_enable");
    expect(button).toBeDefined();
    const before = t.slack.callsTo("views.open").length;
    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "lost_mode_enable",
      value: button.value,
      triggerId: "trig-card-lm",
      blockId: `device:${device.id}`,
    });
    const open = await eventually(() =>
      t.slack
        .callsTo("views.open")
        .slice(before)
        .find((c) => c.args.trigger_id === "trig-card-lm"),
    );
    expect(JSON.stringify(open.args.view)).toContain("Supervised iPhone");
  });

  it("finds by owner e-mail and lists several matches with a button each", async () => {
    const owner = await aPerson(t.db.prisma, { name: "Ken Sato", email: "ken.sato@example.co.jp" });
    await aDevice(t.db.prisma, { name: "Ken's iPhone", ownerId: owner.id });
    await aDevice(t.db.prisma, { platform: "MACOS", name: "Ken's MacBook", ownerId: owner.id, ade: true });
    const body = await mdm(ADMIN_1, "device ken.sato@example.co.jp");
    expect(validateMessage(body)).toEqual([]);
    expect(body.text).toContain("2 devices match");
    const buttons = body.blocks.filter((b: any) => b.accessory?.action_id?.startsWith("device_show"));
    expect(buttons).toHaveLength(2);

    // "Show" on one of them posts its card.
    const mac = buttons.find((b: any) => b.text.text.includes("MacBook"));
    const responseId = nextId("show");
    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: mac.accessory.action_id,
      value: mac.accessory.value,
      responseId,
    });
    const card = await responseTo(t.slack, responseId);
    expect(JSON.stringify(card.blocks)).toContain("Ken's MacBook");
  });

  it("says what to type when nothing matches, and how to call it without an argument", async () => {
    expect((await mdm(ADMIN_1, "device no-such-thing")).text).toContain("No device matches");
    const usage = await mdm(ADMIN_1, "device");
    // Shown as typed: Slack reads a bare <…> as markup, so the edge sends it as entities.
    expect(usage.text).toContain("/mdm device &lt;name|serial|UDID|IMEI|email&gt;");
  });

  it("is refused by the core for someone who is not an administrator", async () => {
    const employee = await aPerson(t.db.prisma, { slackUserId: "UEMPLOYEE1" });
    await aDevice(t.db.prisma, { serial: "SNREFUSED1", ownerId: employee.id });
    const body = await mdm("UEMPLOYEE1", "device SNREFUSED1");
    expect(body.text).toContain("not allowed");
    expect(JSON.stringify(body)).not.toContain("SNREFUSED1");
  });
});

describe("/mdm help and unknown subcommands", () => {
  it("answers an unknown subcommand with the list of every subcommand", async () => {
    const body = await mdm(ADMIN_1, "frobnicate");
    expect(body.text).toContain("There is no `/mdm frobnicate`");
    for (const name of ["device", "reports", "export", "import", "lang", "help"])
      expect(body.text).toContain(`/mdm ${name}`);
  });

  it("shows each person what they may use, and mentions /lost", async () => {
    // An employee: /lost and their own settings, none of the administrators' commands.
    const employee = await mdm("UHELPEMPLOYEE", "help");
    expect(employee.text).toContain("`/lost`");
    expect(employee.text).toContain("/mdm lang");
    for (const name of ["device", "reports", "export", "import", "bulk", "company"])
      expect(employee.text).not.toContain(`/mdm ${name}`);
    // A system administrator: everything, and /lost too.
    const admin = await mdm(ADMIN_1, "help");
    expect(admin.text).toContain("`/lost`");
    for (const name of ["device", "reports", "bulk", "company", "lang"]) expect(admin.text).toContain(`/mdm ${name}`);
    // In Japanese, the same split.
    await aPerson(t.db.prisma, { slackUserId: "UHELPJA", locale: "ja" });
    const ja = await mdm("UHELPJA", "help");
    expect(ja.text).toContain("あなた自身の設定");
    expect(ja.text).not.toContain("/mdm device");
  });

  it("shows the help for an empty /mdm", async () => {
    expect((await mdm(ADMIN_1, "")).text).toContain("lost-device operations for administrators");
  });
});

describe("/mdm reports", () => {
  it("lists open loss reports with their state, and leaves closed ones out", async () => {
    const device = await aDevice(t.db.prisma, { name: "Lost Pixel", platform: "ANDROID" });
    const open = await t.db.prisma.lossReport.create({
      data: {
        reference: "LR-2026-0101",
        statusTokenHash: "h-open",
        channel: "WEB",
        reporterEmail: "a@example.co.jp",
        deviceDescription: "Pixel",
        circumstances: "LOST",
        status: "LOST_MODE_ENABLED",
        createdAt: new Date(t.clock.now().getTime() - 5 * 3_600_000),
        devices: { create: { deviceId: device.id } },
      },
    });
    await t.db.prisma.lossReport.create({
      data: {
        reference: "LR-2026-0102",
        statusTokenHash: "h-closed",
        channel: "WEB",
        reporterEmail: "b@example.co.jp",
        deviceDescription: "old",
        circumstances: "LOST",
        status: "FOUND",
      },
    });
    const body = await mdm(ADMIN_1, "reports");
    expect(validateMessage(body)).toEqual([]);
    const text = JSON.stringify(body.blocks);
    expect(text).toContain("LR-2026-0101");
    expect(text).toContain("Lost mode enabled on the device");
    expect(text).toContain("5 h ago");
    expect(text).not.toContain("LR-2026-0102");
    expect(body.blocks.find((b: any) => b.block_id === `report:${open.id}`).accessory.value).toBe(device.id);
  });
});

describe("/mdm export", () => {
  it("uploads the inventory as a UTF-8 CSV with a BOM, headers in the reader's language, formulas defused", async () => {
    const owner = await aPerson(t.db.prisma, { name: '=HYPERLINK("http://evil")', email: "formula@example.co.jp" });
    await aDevice(t.db.prisma, {
      name: "営業用 iPhone",
      serial: "SNEXPORT01",
      ownerId: owner.id,
      lastCheckInAt: new Date("2026-11-19T15:30:00Z"),
    });
    t.slack.reset();
    const body = await mdm(ADMIN_1, "export", "C_ADMIN");
    expect(body.text).toContain("Uploading the inventory");
    await t.flush();
    const upload = await eventually(() => t.slack.uploads.at(-1));
    expect(upload.channel).toBe("C_ADMIN");
    expect(upload.filename).toMatch(/^device-inventory-2026-11-20\.csv$/);
    expect([...upload.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = upload.content.toString("utf8").slice(1);
    const [header, ...rows] = csv.trim().split("\r\n");
    expect(header).toBe(
      "Device name,Platform,Model,Serial number,UDID,IMEI,Phone number,Owner name,Owner email,Department,Supervised,ADE,BYOD,Management state,Last check-in (Asia/Tokyo),Open alerts",
    );
    const row = rows.find((r) => r.includes("SNEXPORT01"))!;
    expect(row).toContain("営業用 iPhone");
    expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(row).toContain("2026-11-20 00:30"); // 15:30 UTC is 00:30 the next day in Tokyo
  });

  it("writes Japanese headers for a reader who chose Japanese", async () => {
    await aPerson(t.db.prisma, {
      slackUserId: "UADMIN2",
      isSystemAdmin: true,
      locale: "ja",
      email: "admin2@example.co.jp",
    });
    t.slack.reset();
    const body = await mdm("UADMIN2", "export"); // typed in #general: the file goes to a DM instead
    expect(body.text).toContain("ダイレクトメッセージに送ります");
    await t.flush();
    const upload = await eventually(() => t.slack.uploads.at(-1));
    expect(upload.channel).toBe("DUADMIN2");
    const header = upload.content.toString("utf8").slice(1).split("\r\n")[0];
    expect(header).toMatch(/^デバイス名,プラットフォーム,機種,シリアル番号/);
    expect(upload.content.toString("utf8")).toContain(",はい,"); // supervised: yes, in Japanese
  });

  it("keeps only whose sheet it is in the outbox, and streams the file through Slack's external upload", async () => {
    t.slack.reset();
    const devices = await t.db.prisma.device.count();
    await mdm(ADMIN_1, "export", "C_ADMIN");
    const row = await t.db.prisma.outboxMessage.findFirstOrThrow({
      where: { method: "files.uploadExternal", state: "PENDING" },
      orderBy: { id: "desc" },
    });
    // Not the file: a fleet's export as base64 in one row was as large as the fleet.
    expect(JSON.stringify(row.payload).length).toBeLessThan(1000);
    await t.flush();
    const asked = t.slack.calls.filter((c) => c.method === "files.getUploadURLExternal").at(-1)!;
    const upload = await eventually(() => t.slack.uploads.at(-1));
    // The length Slack was told before the bytes is the file's (the fake, like Slack, refuses other bytes).
    expect(Number(asked.args.length)).toBe(upload.content.length);
    expect(upload.content.toString("utf8").trim().split("\r\n")).toHaveLength(devices + 1);
    expect(upload.comment).toContain(`${devices}`);
    expect(upload.channel).toBe("C_ADMIN");
  });

  it("sends no file to someone who stopped being an administrator before it was written", async () => {
    const person = await aPerson(t.db.prisma, {
      slackUserId: "UADMIN3",
      isSystemAdmin: true,
      email: "admin3@example.co.jp",
    });
    t.slack.reset();
    await mdm("UADMIN3", "export", "C_ADMIN");
    await t.db.prisma.person.update({ where: { id: person.id }, data: { isSystemAdmin: false } });
    await t.flush();
    expect(t.slack.uploads).toHaveLength(0);
    const row = await t.db.prisma.outboxMessage.findFirstOrThrow({
      where: { method: "files.uploadExternal" },
      orderBy: { id: "desc" },
    });
    expect(row).toMatchObject({ state: "FAILED", lastError: "not_authorized" });
  });

  it("is refused for a non-administrator", async () => {
    await aPerson(t.db.prisma, { slackUserId: "UEMPLOYEE2" });
    t.slack.reset();
    const body = await mdm("UEMPLOYEE2", "export");
    expect(body.text).toContain("not allowed");
    await t.flush();
    expect(t.slack.uploads).toHaveLength(0);
  });
});
