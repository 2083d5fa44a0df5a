// The app usage policy: CSV import all-or-nothing, through Slack (modal with a file) and the CLI.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { aPerson } from "../support/builders.js";
import { ADMIN_1, startTestApp, type TestApp } from "../support/harness.js";
import { until } from "./support.js";
import { runCli } from "../support/cli.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const dmTo = (user: string) => t.slack.posts(user);

async function submitPolicyFile(user: string, mode: "ALLOW" | "DENY", csv: string) {
  const fileId = t.slack.addFile({ name: "apps.csv", content: csv });
  const before = dmTo(user).length;
  const res = await t.requests.viewSubmission({
    user,
    callbackId: "policy_import",
    values: {
      policy_mode: { mode: { selected: mode } },
      policy_file: { file: { files: [{ id: fileId, name: "apps.csv" }] } },
    },
  });
  expect(res.status).toBe(200);
  return until(() => dmTo(user)[before]);
}

describe("app usage policy", () => {
  it("opens the import modal from /mdm policy import deny", async () => {
    await t.requests.slashCommand({
      command: "/mdm",
      text: "policy import deny",
      user: ADMIN_1,
      triggerId: "trig-policy",
    });
    const call = await until(() => t.slack.callsTo("views.open").find((c) => c.args.trigger_id === "trig-policy"));
    const view = call.args.view;
    expect(view.callback_id).toBe("policy_import");
    expect(JSON.stringify(view)).toContain("file_input");
    expect(view.blocks.find((b: any) => b.block_id === "policy_mode").element.initial_option.value).toBe("DENY");
  });

  it("imports the seed's CSV (app ID in the first column, no header) and shows it", async () => {
    const reply = await submitPolicyFile(ADMIN_1, "DENY", "com.google.Maps\r\ncom.getdropbox.Dropbox,Dropbox\n\n");
    expect(reply.text).toContain("imported: deny list (these apps are violations), 2 app IDs");
    await t.requests.slashCommand({ command: "/mdm", text: "policy", user: ADMIN_1, responseId: "show" });
    const shown = await until(() => t.slack.responses.find((r) => r.id === "show"));
    expect(shown.body.text).toContain("deny list");
    expect(shown.body.text).toContain("`com.getdropbox.Dropbox`");
    expect(await t.app.core.appPolicy.violations(["com.google.Maps", "com.apple.mobilesafari"])).toEqual([
      "com.google.Maps",
    ]);
  });

  it("reports a malformed line by its number and imports nothing", async () => {
    const reply = await submitPolicyFile(
      ADMIN_1,
      "ALLOW",
      'com.apple.mobilesafari\ncom.example.ok\nnot an app id!\n"unterminated\n',
    );
    expect(reply.text).toContain("was not changed");
    expect(reply.text).toContain("line 3:");
    expect(reply.text).toContain("line 4: unterminated quote");
    const policy = await t.app.core.appPolicy.get();
    expect(policy.mode).toBe("DENY");
    expect(policy.appIds).toEqual(["com.getdropbox.Dropbox", "com.google.Maps"]);
  });

  it("tells a Japanese admin why each line was refused in Japanese, and why a download failed", async () => {
    t.slack.addUser({ id: "UJAPOL01", email: "ja.policy@example.co.jp", locale: "ja-JP" });
    await aPerson(t.db.prisma, { slackUserId: "UJAPOL01", email: "ja.policy@example.co.jp", isSystemAdmin: true });
    const reply = await submitPolicyFile("UJAPOL01", "ALLOW", 'com.example.ok\n,x\nnot an app id!\n"unterminated\n');
    expect(reply.text).toContain("アプリ利用ポリシーは変更されていません。");
    expect(reply.text).toContain("2 行目: 1 列目が空です");
    expect(reply.text).toContain("3 行目: 「not an app id!」は App ID ではありません(例: com.google.Maps)");
    expect(reply.text).toContain('4 行目: 引用符(")が閉じられていません');
    expect(reply.text).not.toMatch(/first column|is not an app ID|unterminated|line \d/);
    // Too large a file: the refusal from the Slack edge is in Japanese too.
    const big = await submitPolicyFile("UJAPOL01", "DENY", `com.example.a\n${"x".repeat(1024 * 1024)}`);
    expect(big.text).toContain("Slack からファイルを読み込めませんでした(ファイルが 1 MB を超えています)");
    // The same refusal for an English admin, in English.
    const en = await submitPolicyFile(ADMIN_1, "DENY", `com.example.a\n${"x".repeat(1024 * 1024)}`);
    expect(en.text).toContain("The file could not be read from Slack (the file is larger than 1 MB).");
    expect((await t.app.core.appPolicy.get()).mode).toBe("DENY");
  });

  it("takes a first line that is not an app ID (AppID, app_id, App ID) as a header and says so, never as an app", async () => {
    for (const header of ["AppID", "app_id", "App ID", "アプリID"]) {
      const reply = await submitPolicyFile(ADMIN_1, "DENY", `${header},Name\ncom.google.Maps,Maps\n`);
      expect(reply.text).toContain("1 app IDs");
      expect(reply.text).toContain(`Line 1 ("${header}") is not an app ID, so it was taken as a header and skipped.`);
      expect((await t.app.core.appPolicy.get()).appIds).toEqual(["com.google.Maps"]);
    }
    // A one-word line further down is not a header: refused with its line number.
    const bad = await submitPolicyFile(ADMIN_1, "DENY", "com.google.Maps\nAppID\n");
    expect(bad.text).toContain("line 2:");
    expect((await t.app.core.appPolicy.get()).appIds).toEqual(["com.google.Maps"]);
  });

  it("lets only a system administrator import", async () => {
    const employee = await aPerson(t.db.prisma);
    const reply = await submitPolicyFile(employee.slackUserId!, "ALLOW", "com.example.mine\n");
    expect(reply.text).toMatch(/not allowed/);
    expect((await t.app.core.appPolicy.get()).appIds).not.toContain("com.example.mine");
  });

  it("imports from the command line, and refuses a bad file with line numbers", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "policy-cli-"));
    try {
      const dataDir = path.join(dir, "db");
      const good = path.join(dir, "good.csv");
      const bad = path.join(dir, "bad.csv");
      await writeFile(good, "com.google.Maps\ncom.getdropbox.Dropbox\n");
      await writeFile(bad, "com.google.Maps\n,\n");
      const run = (...args: string[]) =>
        runCli("scripts/policy-import.ts", args, { ...process.env, DATABASE_URL: dataDir, LOG_LEVEL: "error" });
      expect(await run("allow", good)).toMatchObject({ code: 0, out: "imported 2 app IDs as the allow list\n" });
      const refused = await run("deny", bad);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain("line 2: the first column is empty");
      const db = await openDatabase({ kind: "pglite", dir: dataDir });
      try {
        const policy = await db.prisma.appPolicy.findUniqueOrThrow({
          where: { id: "default" },
          include: { entries: true },
        });
        expect(policy.mode).toBe("ALLOW");
        expect(policy.entries).toHaveLength(2);
      } finally {
        await db.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // Two real processes, the first creating an embedded database on disk: slow on a busy machine.
  }, 240_000);
});
