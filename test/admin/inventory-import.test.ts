// Loading a company's fleet from CSV: all lines or none, every bad line named by number, and the
// same file twice changes nothing. Both ways in: the modal (paste) and text after /mdm import.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, startTestApp, type TestApp } from "../support/harness.js";
import { aPerson } from "../support/builders.js";
import { validateView } from "../support/block-kit.js";
import { eventually, nextId, responseTo } from "./helpers.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const GOOD = [
  "Device name,Platform,Model,Serial number,UDID,IMEI,Phone number,Owner name,Owner email,Department,Supervised,ADE",
  "営業1課 iPhone,iOS,iPhone 15,F2LIMP000001,00008110-IMP0001,356000000000001,090-0000-0001,鈴木 一郎,ichiro.suzuki@example.co.jp,営業部,yes,no",
  "鈴木 MacBook,macOS,MacBook Air,C02IMP000002,,,,鈴木 一郎,ichiro.suzuki@example.co.jp,営業部,yes,yes",
  'Pixel "field",Android,Pixel 8,,,356000000000003,,高橋 結衣,yui.takahashi@example.co.jp,開発部,no,no',
  ",,,,,,,伊藤 健,ken.ito@example.co.jp,総務部,,",
].join("\n");

async function submitModal(user: string, csv: string) {
  const res = await t.requests.viewSubmission({
    user,
    callbackId: "inventory_import",
    values: { inventory_csv: { csv } },
  });
  expect(res.status).toBe(200);
  return res.json();
}

describe("inventory import", () => {
  it("opens a paste form for /mdm import without text", async () => {
    await t.requests.slashCommand({ command: "/mdm", text: "import", user: ADMIN_1, triggerId: "trig-import" });
    const open = await eventually(() => t.slack.callsTo("views.open").find((c) => c.args.trigger_id === "trig-import"));
    expect(open.args.view.callback_id).toBe("inventory_import");
    expect(validateView(open.args.view)).toEqual([]);
  });

  it("imports nothing when one line is bad, and names every bad line", async () => {
    const bad = GOOD.replace("F2LIMP000001,", "F2LIMP000001,").split("\n");
    bad[2] = bad[2]!.replace(",macOS,", ",macOSX,");
    bad.push("Dup phone,iOS,,F2LIMP000001,,,,,,,,");
    const answer = await submitModal(ADMIN_1, bad.join("\n"));
    expect(answer.response_action).toBe("errors");
    const message = answer.errors.inventory_csv as string;
    expect(message).toContain("Nothing was imported: 2 problem(s)");
    expect(message).toContain("line 3: Platform “macOSX” is not one of iOS, iPadOS, macOS, Android, Windows");
    expect(message).toContain("line 6: Serial number F2LIMP000001 is already on line 2");
    expect(await t.db.prisma.device.count({ where: { serial: "F2LIMP000001" } })).toBe(0);
    expect(await t.db.prisma.person.count({ where: { email: "ichiro.suzuki@example.co.jp" } })).toBe(0);
  });

  it("imports people, departments and devices, and loading the same file again changes nothing", async () => {
    const answer = await submitModal(ADMIN_1, GOOD);
    expect(answer.response_action).toBe("update");
    expect(validateView(answer.view)).toEqual([]);
    expect(JSON.stringify(answer.view)).toContain(
      "people 3 new, 0 updated; devices 3 new, 0 updated; 3 new department(s)",
    );

    const mac = await t.db.prisma.device.findUniqueOrThrow({
      where: { serial: "C02IMP000002" },
      include: { owner: { include: { department: true } } },
    });
    expect(mac).toMatchObject({
      platform: "MACOS",
      ade: true,
      supervised: true,
      owner: { name: "鈴木 一郎", department: { name: "営業部" } },
    });
    expect(await t.db.prisma.device.findFirstOrThrow({ where: { imei: "356000000000003" } })).toMatchObject({
      name: 'Pixel "field"',
      platform: "ANDROID",
    });
    expect(await t.db.prisma.person.findUniqueOrThrow({ where: { email: "ken.ito@example.co.jp" } })).toMatchObject({
      name: "伊藤 健",
    });

    const again = await submitModal(ADMIN_1, GOOD);
    expect(JSON.stringify(again.view)).toContain(
      "people 0 new, 3 updated; devices 0 new, 3 updated; 0 new department(s)",
    );
    expect(await t.db.prisma.device.count()).toBe(3);
    const audit = await t.db.prisma.auditEntry.findMany({ where: { action: "inventory.import" } });
    expect(audit).toHaveLength(2);
  });

  it("takes back its own export (Japanese headers, BOM, defused formulas) as an import", async () => {
    await aPerson(t.db.prisma, {
      slackUserId: "UJAADMIN",
      isSystemAdmin: true,
      locale: "ja",
      email: "ja.importer@example.co.jp",
    });
    await t.requests.slashCommand({ command: "/mdm", text: "export", user: "UJAADMIN", responseId: "exp-ja" });
    await responseTo(t.slack, "exp-ja");
    await t.flush();
    const upload = await eventually(() => t.slack.uploads.at(-1));
    const csv = upload.content.toString("utf8");
    const answer = await submitModal("UJAADMIN", csv);
    expect(answer.response_action).toBe("update");
    expect(JSON.stringify(answer.view)).toContain("デバイス 新規 0・更新 3");
  });

  it("names the line where a quote is never closed, instead of reading the rest of the file as one cell", async () => {
    const broken = GOOD.split("\n");
    broken[4] = broken[4]!.replace("伊藤 健", '"伊藤 健');
    const answer = await submitModal(ADMIN_1, broken.join("\n"));
    expect(answer.response_action).toBe("errors");
    expect(answer.errors.inventory_csv).toContain("Nothing was imported: 1 problem(s)");
    expect(answer.errors.inventory_csv).toContain("line 5: a cell opens a quote");
  });

  it("answers a CSV typed after /mdm import directly, in the reader's language", async () => {
    const responseId = nextId("imp");
    await t.requests.slashCommand({
      command: "/mdm",
      text: `import 利用者メールアドレス,利用者名\nnot-an-email,山本`,
      user: "UJAADMIN",
      responseId,
    });
    const body = await responseTo(t.slack, responseId);
    expect(body.text).toContain("2 行目: 所有者メールアドレス「not-an-email」はメールアドレスではありません");
  });

  it("imports a chosen CSV file (too big to paste) and answers by direct message", async () => {
    const rows = Array.from(
      { length: 120 },
      (_, i) =>
        `Fleet iPad ${i},iPadOS,iPad Air,DMFILE${String(i).padStart(5, "0")},,,,,fleet.${i}@example.co.jp,物流部,yes,yes`,
    );
    const csv =
      "\uFEFFDevice name,Platform,Model,Serial number,UDID,IMEI,Phone number,Owner name,Owner email,Department,Supervised,ADE\r\n" +
      rows.join("\r\n");
    expect(csv.length).toBeGreaterThan(3000);
    const file = t.slack.addFile({ name: "fleet.csv", content: csv });
    const res = await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: "inventory_import",
      values: { inventory_file: { file: { files: [{ id: file }] } }, inventory_csv: { csv: "" } },
    });
    expect(res.status).toBe(200);
    const dm = await eventually(() => t.slack.posts(ADMIN_1).find((p) => String(p.text).includes("Imported")));
    expect(dm.text).toContain("devices 120 new");
    expect(await t.db.prisma.device.count({ where: { serial: { startsWith: "DMFILE" } } })).toBe(120);

    const broken = t.slack.addFile({
      name: "broken.csv",
      content: csv
        .replace("DMFILE00007,,,,", "DMFILE00007,,,,,")
        .replace(",iPadOS,iPad Air,DMFILE00009", ",Newton,iPad Air,DMFILE00009"),
    });
    await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: "inventory_import",
      values: { inventory_file: { file: { files: [{ id: broken }] } }, inventory_csv: { csv: "" } },
    });
    const refused = await eventually(() =>
      t.slack.posts(ADMIN_1).find((p) => String(p.text).includes("Nothing was imported")),
    );
    expect(refused.text).toContain("line 11: Platform “Newton”");
  });

  it("asks for a file or a paste when the form is sent empty", async () => {
    const answer = await submitModal(ADMIN_1, "  ");
    expect(answer).toMatchObject({
      response_action: "errors",
      errors: { inventory_csv: "Choose a CSV file or paste the CSV." },
    });
  });

  it("is for system administrators only", async () => {
    await aPerson(t.db.prisma, { slackUserId: "UNOTADMIN" });
    const answer = await submitModal("UNOTADMIN", GOOD);
    expect(answer.response_action).toBe("errors");
    expect(answer.errors.inventory_csv).toContain("not allowed");
  });
});
