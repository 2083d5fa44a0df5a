// The incident's device picker is a type-ahead over the whole fleet (external_select): the
// device is found by what an admin remembers, however large the fleet and wherever it sorts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, startTestApp, type TestApp } from "../support/harness.js";
import { aDepartment, aDevice, aPerson } from "../support/builders.js";
import { openForm, submitForm, validReport } from "./portal.js";

let t: TestApp;
let blockId = "";
beforeAll(async () => {
  t = await startTestApp();
  // 139 devices (the fleet where 100 static options failed), the one we want sorting last.
  const many = await aDepartment(t.db.prisma, { name: "倉庫" });
  const clerk = await aPerson(t.db.prisma, {
    name: "Stock Clerk",
    email: "clerk@example.co.jp",
    departmentId: many.id,
  });
  for (let i = 0; i < 138; i++)
    await aDevice(t.db.prisma, {
      name: `Android ${String(i).padStart(3, "0")}`,
      platform: "ANDROID",
      ownerId: clerk.id,
    });
  // 1,100 more that sort between them, so the first thousand by name (what the picker reads
  // before it asks the word index) hold neither the Zulu iPhone nor every rugged tablet.
  await t.db.prisma.device.createMany({
    data: Array.from({ length: 1100 }, (_, i) => ({
      platform: "ANDROID" as const,
      name: `Fleet ${String(i).padStart(4, "0")}`,
      model: i % 25 === 0 ? "Rugged Tab" : "Pixel 8",
      serial: `FLEET${i}`,
    })),
  });
  const dept = await aDepartment(t.db.prisma, { name: "営業部" });
  const owner = await aPerson(t.db.prisma, {
    name: "佐藤花子",
    email: "hanako.sato@example.co.jp",
    departmentId: dept.id,
  });
  await aDevice(t.db.prisma, {
    name: "Zulu iPhone",
    serial: "F2LZULU99999",
    imei: "356938035643809",
    ownerId: owner.id,
  });
  const form = await openForm(t);
  const res = await submitForm(
    t,
    form,
    validReport({ reporterEmail: "visitor@partner.example", device: "a black phone" }),
  );
  expect(res.status).toBe(200);
  await t.flush();
  const msg = t.slack.posts("C_ADMIN").find((p) => /LR-/.test(p.text))!;
  blockId = msg.blocks.find((b: any) => String(b.block_id).startsWith("report:")).block_id;
});
afterAll(() => t.close());

async function suggest(value: string, user = ADMIN_1): Promise<string[]> {
  const res = await t.requests.blockSuggestion({ user, actionId: "report_pick_device", blockId, value });
  expect(res.status).toBe(200);
  return res.json().options.map((o: any) => o.text.text);
}

describe("the device picker", () => {
  it("shows at most Slack's 100 options before anything is typed", async () => {
    expect(await suggest("")).toHaveLength(100);
  });

  it.each([
    ["part of the name", "zulu"],
    ["the start of the serial", "f2lzulu"],
    ["the IMEI", "356938035643809"],
    ["the owner's e-mail", "hanako.sato@"],
    ["part of a Japanese name", "花子"],
    ["the department", "営業"],
    ["two words", "zulu ipho"],
  ])("finds the device sorting 139th by %s", async (_what, query) => {
    const options = await suggest(query);
    expect(options[0]).toBe("Zulu iPhone · iOS · 佐藤花子 · 営業部 · F2LZULU99999");
    expect(options).toHaveLength(1);
  });

  it("follows a renamed owner and department", async () => {
    const owner = await t.db.prisma.person.findUniqueOrThrow({ where: { email: "hanako.sato@example.co.jp" } });
    await t.db.prisma.person.update({ where: { id: owner.id }, data: { name: "鈴木花子" } });
    await t.db.prisma.department.update({ where: { id: owner.departmentId! }, data: { name: "営業本部" } });
    expect(await suggest("鈴木")).toEqual(["Zulu iPhone · iOS · 鈴木花子 · 営業本部 · F2LZULU99999"]);
    expect(await suggest("本部")).toHaveLength(1);
  });

  it("offers a department administrator only her department's devices", async () => {
    const dept = await t.db.prisma.department.findFirstOrThrow({ where: { name: "営業本部" } });
    const admin = await aPerson(t.db.prisma, { slackUserId: "UDEPTADM", departmentId: dept.id });
    await t.db.prisma.departmentAdmin.create({ data: { departmentId: dept.id, personId: admin.id } });
    expect(await suggest("", "UDEPTADM")).toEqual(["Zulu iPhone · iOS · 鈴木花子 · 営業本部 · F2LZULU99999"]);
    expect(await suggest("android", "UDEPTADM")).toEqual([]);

    // The owner moves to another department and back: the options follow at once.
    const owner = await t.db.prisma.person.findUniqueOrThrow({ where: { email: "hanako.sato@example.co.jp" } });
    const other = await aDepartment(t.db.prisma, { name: "経理部" });
    await t.db.prisma.person.update({ where: { id: owner.id }, data: { departmentId: other.id } });
    expect(await suggest("", "UDEPTADM")).toEqual([]);
    expect(await suggest("zulu", "UDEPTADM")).toEqual([]);
    await t.db.prisma.person.update({ where: { id: owner.id }, data: { departmentId: dept.id } });
    expect(await suggest("zulu", "UDEPTADM")).toEqual(["Zulu iPhone · iOS · 鈴木花子 · 営業本部 · F2LZULU99999"]);
  });

  it("lists a word most devices share from the first names on, and a rarer one wherever its devices sort", async () => {
    const fleet = await suggest("fleet");
    expect(fleet).toHaveLength(100);
    expect(fleet[0]).toMatch(/^Fleet 0000 · /);
    expect(fleet[99]).toMatch(/^Fleet 0099 · /);
    const rugged = await suggest("rugged");
    expect(rugged).toHaveLength(44);
    expect(rugged[0]).toMatch(/^Fleet 0000 · /);
    expect(rugged.at(-1)).toMatch(/^Fleet 1075 · /);
  });

  it("treats % and _ as text, and a query that matches nothing as no options", async () => {
    expect(await suggest("100%")).toEqual([]);
    expect(await suggest("no-such-device-anywhere")).toEqual([]);
  });
});
