// The custody warnings for an account address appear where the address is first typed — the
// Apple ID of a certificate request, a renewal's account — not only in /mdm custody: the seeds'
// advice is to create these accounts with a group address that receives outside mail. The
// Android Enterprise Gmail is a Gmail account by definition: no free-mail warning for it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCustodyAccount, aPerson } from "../support/builders.js";
import { ADMIN_1, ADMIN_2, startTestApp, type TestApp } from "../support/harness.js";
import { mdm } from "./support.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await aPerson(t.db.prisma, { slackUserId: ADMIN_1, email: "it-lead@corp.example", name: "Hanako Sato" });
  await aPerson(t.db.prisma, { slackUserId: ADMIN_2, email: "second@corp.example", name: "Kenta", locale: "ja" });
  await aPerson(t.db.prisma, { email: "taro.yamada@corp.example", name: "Taro Yamada" });
});
afterAll(() => t.close());

describe("address warnings where an Apple ID is typed", () => {
  it("/mdm cert csr: a free-mail Apple ID is warned about in the reply, in the reader's language", async () => {
    const en = await mdm(t, ADMIN_1, "cert csr appleid=mdm-push@yahoo.co.jp");
    expect(en.text).toContain("push-csr.pem");
    expect(en.text).toContain("This is a free-mail address");
    const ja = await mdm(t, ADMIN_2, "cert csr appleid=mdm-push@yahoo.co.jp");
    expect(ja.text).toContain("フリーメールのアドレスです");
  });

  it("/mdm renewals ade|push: a person's own address, or one not recorded as a group address", async () => {
    const own = await mdm(t, ADMIN_1, "renewals push 2027-06-30 taro.yamada@corp.example");
    expect(own.text).toContain("This is a person's own address");
    const unknown = await mdm(t, ADMIN_1, "renewals ade 2027-01-30 abm@corp.example");
    expect(unknown.text).toContain("Not marked as a shared group address");
    await aCustodyAccount(t.db.prisma, {
      role: "ABM_APPLE_ID",
      address: "apple-admin@corp.example",
      isGroupAddress: true,
    });
    const group = await mdm(t, ADMIN_1, "renewals ade 2027-02-28 apple-admin@corp.example");
    expect(group.text).toContain("ADE (DEP) server token");
    expect(group.text).not.toContain(":warning:");
  });

  it("/mdm renewals gmail: the Android Enterprise Gmail gets no free-mail or group-address warning", async () => {
    const reply = await mdm(t, ADMIN_1, "renewals gmail android-admin@gmail.com 2026-11-01");
    expect(reply.text).toContain("Android Enterprise");
    expect(reply.text).not.toContain(":warning:");
  });
});
