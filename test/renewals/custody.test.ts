// Custody of the accounts the MDM depends on, and the handover checklist (seed 001): who holds
// each account (never the password), warnings about personal addresses, each item's state.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aDevice, aPerson } from "../support/builders.js";
import { ADMIN_1, ADMIN_2, startTestApp, type TestApp } from "../support/harness.js";
import { validateMessage, validateView } from "../support/block-kit.js";
import { mdm, textOf, until } from "./support.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await aPerson(t.db.prisma, { email: "hanako.sato@corp.example", name: "Hanako Sato", slackUserId: "UHANAKO" });
});
afterAll(() => t.close());

async function record(
  role: string,
  values: { address: string; group?: boolean; verified?: boolean; holder?: string; where?: string; phone?: string },
  user = ADMIN_1,
) {
  const before = t.slack.posts(user).length;
  const res = await t.requests.viewSubmission({
    user,
    callbackId: "custody_record",
    privateMetadata: role,
    values: {
      address: { value: values.address },
      flags: {
        value: { selectedOptions: [...(values.group ? ["group"] : []), ...(values.verified ? ["verified"] : [])] },
      },
      password_holder: { value: values.holder ?? "" },
      password_location: { value: values.where ?? "" },
      two_factor_holder: { value: values.phone ?? "" },
    },
  });
  const body = res.body ? res.json() : null;
  if (body?.response_action === "errors") return { errors: body.errors as Record<string, string>, dm: null };
  return { errors: null, dm: await until(() => t.slack.posts(user)[before]) };
}

const checklist = async () => await mdm(t, ADMIN_1, "handover");
const itemText = (msg: { blocks?: any[] }, n: number) =>
  msg.blocks!.find((b) => b.text?.text?.includes(`*${n}. `))!.text.text as string;

describe("custody records", () => {
  it("opens a form with no password field", async () => {
    await t.requests.slashCommand({ command: "/mdm", text: "custody push", user: ADMIN_1, triggerId: "trig-custody" });
    const view = (await until(() => t.slack.callsTo("views.open").find((c) => c.args.trigger_id === "trig-custody")))
      .args.view;
    expect(view.callback_id).toBe("custody_record");
    expect(view.private_metadata).toBe("PUSH_CERT_APPLE_ID");
    expect(view.blocks.map((b: any) => b.block_id).filter(Boolean)).toEqual([
      "address",
      "flags",
      "password_holder",
      "password_location",
      "two_factor_holder",
    ]);
    expect(validateView(view)).toEqual([]);
  });

  it("warns that a free-mail address or a person's own address should be a group address", async () => {
    const free = await record("PUSH_CERT_APPLE_ID", { address: "sato.mdm@gmail.com" });
    expect(free.dm!.text).toContain("free-mail address");
    const docomo = await record("ABM_APPLE_ID", { address: "taro@docomo.ne.jp" });
    expect(docomo.dm!.text).toContain("free-mail address");
    // The Android Enterprise admin account is a Gmail account by definition: no free-mail or group warning.
    const gmail = await record("ANDROID_ENTERPRISE_GMAIL", { address: "corp.android.admin@gmail.com" });
    expect(gmail.dm!.text).not.toContain(":warning:");
    const own = await record("ABM_APPLE_ID", { address: "Hanako.Sato@corp.example" });
    expect(own.dm!.text).toContain("a person's own address");
    const group = await record("ABM_APPLE_ID", {
      address: "apple-admin@corp.example",
      group: true,
      holder: "Hanako Sato",
      where: "1Password IT vault",
      phone: "IT shared iPhone",
    });
    expect(group.dm!.text).not.toContain(":warning:");
    const list = await mdm(t, ADMIN_1, "custody");
    expect(list.text).toContain("apple-admin@corp.example (group address)");
    expect(list.text).toContain("free-mail");
  });

  it("refuses a password or a code typed into a field, and saves nothing", async () => {
    const before = await t.db.prisma.custodyAccount.findFirstOrThrow({ where: { role: "ABM_APPLE_ID" } });
    const pw = await record("ABM_APPLE_ID", {
      address: "apple-admin@corp.example",
      group: true,
      holder: "Sato",
      where: "password: Hunter2!",
    });
    expect(pw.errors!.password_location).toContain("never the password");
    const code = await record("ABM_APPLE_ID", { address: "apple-admin@corp.example", group: true, phone: "482 913" });
    expect(code.errors!.two_factor_holder).toBeDefined();
    expect(await t.db.prisma.custodyAccount.findFirstOrThrow({ where: { role: "ABM_APPLE_ID" } })).toEqual(before);
  });

  it("is for system administrators only", async () => {
    const res = await record("PANEL_CONTACT", { address: "x@corp.example" }, "USTRANGER");
    expect(res.dm!.text).toContain("not allowed");
    expect(await t.db.prisma.custodyAccount.count({ where: { role: "PANEL_CONTACT" } })).toBe(0);
  });
});

describe("the handover checklist", () => {
  it("shows the six items with what is missing", async () => {
    const msg = await checklist();
    expect(msg.blocks!.filter((b) => /\*\d\. /.test(b.text?.text ?? ""))).toHaveLength(6);
    expect(itemText(msg, 1)).toContain("not recorded");
    expect(itemText(msg, 3)).toContain("incomplete");
    expect(itemText(msg, 3)).toContain("password holder");
    expect(itemText(msg, 3)).toContain("2FA phone holder");
    expect(itemText(msg, 3)).toContain("push certificate (expiry)");
    expect(itemText(msg, 3)).toContain("free-mail");
    expect(itemText(msg, 4)).toContain("ready to confirm");
    expect(itemText(msg, 6)).toContain("/mdm handover policy");
    expect(textOf(msg)).toContain("0 of 6 items confirmed");
    expect(validateMessage(msg)).toEqual([]);
  });

  it("lets an admin confirm a complete item, refuses an incomplete one, and asks again after a change", async () => {
    await t.requests.blockAction({
      user: ADMIN_2,
      actionId: "handover_confirm",
      value: "abm_apple_id",
      responseId: "ho-1",
    });
    const redrawn = (await until(() => t.slack.responses.find((r) => r.id === "ho-1"))).body;
    expect(redrawn.replace_original).toBe(true);
    expect(itemText(redrawn, 4)).toContain("confirmed by <@UADMIN2>");

    const refused = await mdm(t, ADMIN_1, "handover confirm push_cert_apple_id");
    expect(refused.text).toContain("cannot be confirmed yet");

    // The ABM Apple ID's holder changes: the confirmation no longer covers it.
    t.clock.advanceDays(1);
    await record("ABM_APPLE_ID", { address: "apple-admin@corp.example", group: true, holder: "Jiro Suzuki" });
    expect(itemText(await checklist(), 4)).toContain("ready to confirm");
  });

  it("lets an admin mark an item the company does not use (no Android), but not a required one", async () => {
    await t.db.prisma.custodyAccount.deleteMany({ where: { role: "ANDROID_ENTERPRISE_GMAIL" } });
    const msg = await checklist();
    expect(itemText(msg, 5)).toContain("not recorded");
    expect(JSON.stringify(msg.blocks)).toContain("handover_not_applicable");
    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "handover_not_applicable",
      value: "android_gmail",
      responseId: "na-1",
    });
    const redrawn = (await until(() => t.slack.responses.find((r) => r.id === "na-1"))).body;
    expect(itemText(redrawn, 5)).toContain("not used here");
    // Not used here is neither confirmed nor to do: it leaves the count.
    expect(textOf(redrawn)).toContain("0 of 5 items confirmed (1 not used here)");
    expect((await mdm(t, ADMIN_1, "handover na panel_contact")).text).toContain("can be marked as not used");
  });

  it("follows the fleet: an account enrolled devices need cannot be 'not used here' (seed 001's footnotes)", async () => {
    // An Android phone enrols: the Gmail marked unused above is needed again.
    const pixel = await aDevice(t.db.prisma, { platform: "ANDROID", name: "Field Pixel" });
    expect(itemText(await checklist(), 5)).toContain("not recorded");
    const refused = await mdm(t, ADMIN_1, "handover na android_gmail");
    expect(refused.text).toContain("Android devices are enrolled");
    expect(itemText(await checklist(), 5)).not.toContain("not used here");
    // iOS/macOS devices → the push certificate's Apple ID; ADE devices → the ABM/ASM Apple ID.
    await t.db.prisma.custodyAccount.deleteMany({ where: { role: { in: ["PUSH_CERT_APPLE_ID", "ABM_APPLE_ID"] } } });
    const mac = await aDevice(t.db.prisma, { platform: "MACOS", name: "Design Mac", ade: true });
    expect((await mdm(t, ADMIN_1, "handover na push_cert_apple_id")).text).toContain(
      "iOS or macOS devices are enrolled",
    );
    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "handover_not_applicable",
      value: "abm_apple_id",
      responseId: "na-ade",
    });
    expect((await until(() => t.slack.responses.find((r) => r.id === "na-ade"))).body.text).toContain(
      "ADE devices are enrolled",
    );
    // In the reader's language.
    await aPerson(t.db.prisma, { slackUserId: ADMIN_2, email: "admin2@corp.example", locale: "ja" });
    expect((await mdm(t, ADMIN_2, "handover na android_gmail")).text).toContain("Android デバイスが登録されており");
    await t.db.prisma.person.update({ where: { slackUserId: ADMIN_2 }, data: { locale: "en" } });
    // Once the devices are gone, the item can be marked unused again.
    await t.db.prisma.device.updateMany({ where: { id: { in: [pixel.id, mac.id] } }, data: { state: "UNENROLLED" } });
    await mdm(t, ADMIN_1, "handover na android_gmail");
    expect(itemText(await checklist(), 5)).toContain("not used here");
  });

  it("links the internal lost-device policy document", async () => {
    const saved = await mdm(t, ADMIN_1, "handover policy https://wiki.corp.example/it/lost-device-policy");
    expect(saved.text).toContain("linked");
    const msg = await checklist();
    expect(itemText(msg, 6)).toContain("<https://wiki.corp.example/it/lost-device-policy|");
    expect(itemText(msg, 6)).toContain("ready to confirm");
    await mdm(t, ADMIN_1, "handover confirm internal_rules");
    expect(itemText(await checklist(), 6)).toContain("confirmed by <@UADMIN1>");
  });
});
