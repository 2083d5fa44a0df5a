// Every renewal surface in Japanese for a Japanese reader: the App Home's renewals, /mdm renewals
// and the digest line — no English label left (renewal kinds, days left, overdue).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aPerson } from "../support/builders.js";
import { ADMIN_1, ADMIN_2, startTestApp, type TestApp } from "../support/harness.js";
import { mdm, until } from "./support.js";

const ENGLISH = [
  "Renewals",
  "days left",
  "overdue",
  "Push certificate",
  "push certificate",
  "server token",
  "content token",
  "sign-in",
  "next deadline",
];

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { APP_LOCALE: "ja" } });
  await aPerson(t.db.prisma, { slackUserId: ADMIN_2, email: "kenta@corp.example", name: "田中 健太", locale: "ja" });
  await mdm(t, ADMIN_1, "renewals push 2027-06-30 mdm-push@corp.example");
  await mdm(t, ADMIN_1, "renewals ade 2026-12-10 abm@corp.example");
  await mdm(t, ADMIN_1, "renewals vpp 2026-11-20");
  await mdm(t, ADMIN_1, "renewals gmail android-admin@gmail.com 2026-01-15");
});
afterAll(() => t.close());

describe("renewals in Japanese", () => {
  it("the App Home lists every renewal with Japanese labels and days left", async () => {
    await t.requests.event({ type: "app_home_opened", user: ADMIN_2, tab: "home", channel: "D2" });
    const call = await until(() => t.slack.callsTo("views.publish").find((c) => c.args.user_id === ADMIN_2));
    const view = typeof call.args.view === "string" ? JSON.parse(call.args.view) : call.args.view;
    const home = JSON.stringify(view.blocks);
    for (const label of [
      "更新期限",
      "MDM プッシュ通知証明書",
      "ADE(DEP)サーバトークン",
      "VPP コンテンツトークン",
      "Android Enterprise 管理者用 Gmail のログイン",
      "残り",
    ])
      expect(home).toContain(label);
    for (const word of ENGLISH) expect(home, word).not.toContain(word);
  });

  it("/mdm renewals reads Japanese too", async () => {
    const list = (await mdm(t, ADMIN_2, "renewals")).text;
    expect(list).toContain("MDM プッシュ通知証明書");
    for (const word of ENGLISH) expect(list, word).not.toContain(word);
  });
});
