// Japanese screens speak Japanese: the catalogs follow the glossary (docs/glossary.md), and every
// message, modal and Home tab the running app sends to a Japanese reader — through the real HTTP
// server and the fake Slack, over a whole incident, the alerts, the digest, the renewals and every
// /mdm subcommand — carries no raw enum (ANDROID, IPADOS, WIPED, ADMINS_NOTIFIED…) and no
// untranslated English label.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "../../src/core/actors.js";
import { DEFAULT_LOCK_MESSAGE } from "../../src/core/company-contact.js";
import * as enums from "../../src/generated/prisma/enums.js";
import { common } from "../../src/i18n/messages/common.js";
import { admin } from "../../src/i18n/messages/admin.js";
import { report } from "../../src/i18n/messages/report.js";
import { alerts } from "../../src/i18n/messages/alerts.js";
import { drivers } from "../../src/i18n/messages/drivers.js";
import { commands } from "../../src/i18n/messages/commands.js";
import { confirm } from "../../src/i18n/messages/confirm.js";
import { company } from "../../src/i18n/messages/company.js";
import { setup } from "../../src/i18n/messages/setup.js";
import { google } from "../../src/i18n/messages/google.js";
import { response } from "../../src/i18n/messages/response.js";
import { caseRecord } from "../../src/i18n/messages/case.js";
import { renewals } from "../../src/i18n/messages/renewals.js";
import { reporter } from "../../src/i18n/messages/reporter.js";
import { subcommands } from "../../src/slack/mdm/index.js";
import { aDepartment, aDevice, aPerson } from "../support/builders.js";
import { ADMIN_1, ADMIN_2, ALERTS_TOKEN, postJson, startTestApp, type TestApp } from "../support/harness.js";
import { answer, checkIn, enroll, incidentTs, until } from "../commands/support.js";
import { eventually } from "./helpers.js";

const CATALOGS = {
  common,
  admin,
  report,
  alerts,
  drivers,
  commands,
  confirm,
  company,
  setup,
  google,
  response,
  caseRecord,
  renewals,
  reporter,
};

/** The glossary's table: each term's avoided words and the key prefixes excepted. */
function glossary(): { avoid: string[]; except: string[] }[] {
  const md = readFileSync(new URL("../../docs/glossary.md", import.meta.url), "utf8");
  const table = md.split("## 用語")[1]!.split("\n## ")[0]!;
  return table
    .split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("| 用語") && !l.startsWith("| ---"))
    .map((l) => l.split("|").map((c) => c.trim()))
    .map((cells) => ({
      avoid: cells[3]!
        .split(",")
        .map((w) => w.trim())
        .filter(Boolean),
      except: [...cells[4]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
    }));
}

describe("the Japanese catalogs", () => {
  it("use the glossary's words and never the ones it avoids", () => {
    const rules = glossary();
    expect(rules.length).toBeGreaterThan(10);
    const offences: string[] = [];
    for (const [name, c] of Object.entries(CATALOGS)) {
      for (const [key, text] of Object.entries(c.ja as Record<string, string>)) {
        for (const r of rules) {
          if (r.except.some((p) => key.startsWith(p))) continue;
          for (const w of r.avoid) if (text.includes(w)) offences.push(`${name}:${key} uses 「${w}」`);
        }
      }
    }
    expect(offences).toEqual([]);
  });

  it("translate every label: no Japanese entry is the English one, save names and codes", () => {
    const offences: string[] = [];
    for (const [name, c] of Object.entries(CATALOGS)) {
      const en = c.en as Record<string, string>;
      for (const [key, text] of Object.entries(c.ja as Record<string, string>)) {
        if (text === en[key] && englishPhrases(text).length) offences.push(`${name}:${key} = "${text}"`);
      }
    }
    expect(offences).toEqual([]);
  });
});

// ── What a Japanese reader is sent ─────────────────────────────────────────────────────────

/** Every enum value the database writes, as shown raw (IOS, LOST_MODE, ADMINS_NOTIFIED …). */
const RAW_ENUMS = new Set(
  Object.values(enums)
    .flatMap((e) => Object.values(e as Record<string, string>))
    .filter((v) => typeof v === "string" && v.length >= 3),
);

// Names and codes that stay in Latin letters in Japanese text: products, standards, and what
// the reader types.
const KEPT = [
  /\bApple Push Certificates Portal\b/g,
  /\bApple Business Manager\b/g,
  /\bApple School Manager\b/g,
  /\bSchool Manager\b/g,
  /\bAndroid Management API\b/g,
  /\bAndroid Enterprise\b/g,
  /\bDeep Instinct\b/g,
  /\bGoogle (Play|Maps|Workspace|Admin|Form|Forms)\b/g,
  /\bManaged Google Play\b/g,
  /\bApple ID\b/g,
  /\bSlack ID\b/g,
  /\bVirusScan\b/g,
  /\bOneBe\b/g,
];

/** Runs of two or more English words left after names, codes, links and mentions are removed. */
function englishPhrases(text: string, data: readonly string[] = []): string[] {
  let s = text;
  for (const d of data) s = s.split(d).join(" ");
  s = s
    .replace(/<[^>]*>/g, " ") // links, mentions
    .replace(/`[^`]*`/g, " ") // what the reader types
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/[\w.+-]+@[\w.-]+/g, " ") // e-mail addresses
    .replace(/\{\w+\}/g, " ") // placeholders (catalog check)
    .replace(/:[a-z0-9_+-]+:/g, " "); // emoji
  for (const k of KEPT) s = s.replace(k, " ");
  return [...s.matchAll(/\b[A-Za-z][a-z]+(?:[ -]+[A-Za-z][a-z]+)+\b/g)].map((m) => m[0]);
}

/** The text a person sees in a payload: text fields of messages, blocks and views, nothing else. */
function visibleTexts(payload: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key = "") => {
    if (typeof v === "string") {
      if (["text", "title", "placeholder", "alt_text"].includes(key)) out.push(v);
      return;
    }
    if (Array.isArray(v)) {
      for (const x of v) walk(x, key);
      return;
    }
    if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (["value", "action_id", "block_id", "url", "callback_id", "private_metadata", "image_url"].includes(k))
          continue;
        if (k === "blocks" && typeof x === "string") walk(JSON.parse(x), k);
        else if (k === "view" && typeof x === "string") walk(JSON.parse(x), k);
        else walk(x, typeof x === "string" ? k : key === "text" ? "text" : k);
      }
    }
  };
  walk(payload);
  return out;
}

function everythingSent(t: TestApp): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  t.slack.calls.forEach((c, i) => {
    if (c.failed) return;
    if (!["chat.postMessage", "chat.update", "chat.postEphemeral"].includes(c.method) && !c.method.startsWith("views."))
      return;
    for (const text of visibleTexts(c.args)) out.push({ where: `${c.method}#${i}`, text });
  });
  for (const r of t.slack.responses)
    for (const text of visibleTexts(r.body)) out.push({ where: `respond:${r.id}`, text });
  return out;
}

describe("everything the running app sends a Japanese reader", () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ env: { APP_LOCALE: "ja" } })));
  afterAll(() => t.close());

  it("is Japanese: no raw enum, no English label, dates as 「12月1日(火) 16:31」", async () => {
    const db = t.db.prisma;
    const dept = await aDepartment(db, { name: "営業部" });
    const owner = await aPerson(db, {
      name: "山田 花子",
      email: "hanako@example.co.jp",
      departmentId: dept.id,
      slackUserId: "UHANAKO1",
    });
    t.slack.addUser({ id: "UHANAKO1", email: owner.email, locale: "ja-JP", tz: "Asia/Tokyo" });
    // What people typed and the English lock-screen text the settings show: data, not labels.
    const data = ["山田 花子", "営業部", DEFAULT_LOCK_MESSAGE.en];
    // A supervised iPhone enrolled through the agent, an Android phone, a Mac and an iPad.
    const phone = await enroll(t, { ownerEmail: owner.email, name: "花子の iPhone", serial: "SNJA0001" });
    await aDevice(db, { name: "花子の Pixel", platform: "ANDROID", ownerId: owner.id, serial: "SNJA0002" });
    await aDevice(db, { name: "花子の Mac", platform: "MACOS", ownerId: owner.id, serial: "SNJA0003" });
    await aDevice(db, {
      name: "花子の iPad",
      platform: "IPADOS",
      ownerId: owner.id,
      serial: "SNJA0004",
      supervised: false,
      state: "WIPED",
      lastCheckInAt: new Date(t.clock.now().getTime() - 9 * 86_400_000),
    });

    // The report, from the web form in Japanese.
    const created = await t.app.core.reports.create({
      channel: "WEB",
      reporterEmail: owner.email,
      deviceDescription: "会社の iPhone",
      deviceIds: [phone.deviceId],
      circumstances: "LOST",
      location: "渋谷駅",
      contactPhone: "090-1234-5678",
      consentLostMode: true,
      locale: "ja",
    });
    data.push("会社の iPhone", "渋谷駅");
    await t.flush();
    const ts = await incidentTs(t, created.report.id);
    const value = JSON.stringify({ r: created.report.id, d: phone.deviceId });

    // Lost mode through its modal, done by the device; then location.
    await t.requests.blockAction({ user: ADMIN_1, actionId: "lost_mode_enable", value, messageTs: ts });
    const modal = await until(() => t.slack.callsTo("views.open").at(-1), "the lost-mode modal");
    await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: "lost_mode_submit",
      privateMetadata: modal.args.view.private_metadata,
      values: {
        message: { value: "拾われた方はご連絡ください" },
        phone: { value: "03-1111-2222" },
        footnote: { value: "" },
      },
    });
    data.push("拾われた方はご連絡ください");
    const lost = await until(
      () => db.command.findFirst({ where: { deviceId: phone.deviceId, type: "ENABLE_LOST_MODE" } }),
      "lost mode queued",
    );
    await checkIn(t, phone.token);
    await answer(t, phone.token, lost.uuid, { status: "Acknowledged" });
    await t.flush();
    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "device_locate",
      value,
      messageTs: ts,
      responseId: "ja-loc",
    });
    await eventually(() => t.slack.responses.some((r) => r.id === "ja-loc"), "locate reply");
    const locate = (await checkIn(t, phone.token)).json.commands[0];
    await answer(t, phone.token, locate.id, { status: "Acknowledged", result: { latitude: 35.68, longitude: 139.76 } });
    // A wipe, requested and approved by two administrators, carried out by the device.
    await t.requests.blockAction({ user: ADMIN_1, actionId: "device_wipe", value, messageTs: ts, responseId: "ja-w" });
    const wipe = await until(
      () => db.command.findFirst({ where: { deviceId: phone.deviceId, type: "ERASE_DEVICE" } }),
      "wipe requested",
    );
    await t.flush();
    await t.requests.blockAction({
      user: ADMIN_2,
      actionId: "wipe_approve",
      value: JSON.stringify({ c: wipe.id }),
      messageTs: ts,
      responseId: "ja-wa",
    });
    await eventually(() => t.slack.responses.some((r) => r.id === "ja-wa"), "approve reply");
    const erase = (await checkIn(t, phone.token)).json.commands.find((c: any) => c.type === "EraseDevice");
    if (erase) await answer(t, phone.token, erase.id, { status: "Acknowledged" });
    await t.flush();

    // A second report whose wipe waits for its approval while the digest is written.
    const other = await enroll(t, { ownerEmail: owner.email, name: "予備の iPhone", serial: "SNJA0005" });
    const second = await t.app.core.reports.create({
      channel: "WEB",
      reporterEmail: owner.email,
      deviceDescription: "予備の iPhone",
      deviceIds: [other.deviceId],
      circumstances: "STOLEN",
      consentLostMode: true,
      locale: "ja",
    });
    await t.flush();
    const otherValue = JSON.stringify({ r: second.report.id, d: other.deviceId });
    const otherTs = await incidentTs(t, second.report.id);
    await t.requests.blockAction({ user: ADMIN_1, actionId: "device_wipe", value: otherValue, messageTs: otherTs });
    await until(() => db.command.findFirst({ where: { deviceId: other.deviceId, type: "ERASE_DEVICE" } }), "wipe 2");
    await t.requests.blockAction({ user: ADMIN_1, actionId: "device_lock", value: otherValue, messageTs: otherTs });
    await t.flush();

    // Alerts, renewals, the digest.
    const alertList = ["jailbreak", "root", "geofence"].map((type) => ({ type, device: { serial: "SNJA0002" } }));
    await postJson(`${t.url}/api/alerts`, { alerts: alertList }, { authorization: `Bearer ${ALERTS_TOKEN}` });
    const now = t.clock.now();
    await db.renewal.create({
      data: {
        kind: "PUSH_CERTIFICATE",
        label: "MDM push certificate",
        expiresAt: new Date(now.getTime() + 10 * 86_400_000),
      },
    });
    await db.renewal.create({
      data: { kind: "ADE_TOKEN", label: "ADE server token", expiresAt: new Date(now.getTime() + 3 * 86_400_000) },
    });
    await t.app.core.renewals.sendDueReminders();
    await t.app.core.alerts.postPending();
    await t.app.core.digest.sendNow(SYSTEM);
    await t.flush();

    // Every /mdm subcommand, the device cards, Home for an admin and the employee, the shortcut.
    const texts = ["", "help", "reports", "device SNJA0001", "device SNJA0002", "device SNJA0003", "device SNJA0004"];
    for (const s of subcommands) texts.push(s.name);
    let n = 0;
    for (const text of texts) {
      const responseId = `ja-${n++}`;
      await t.requests.slashCommand({ command: "/mdm", text, user: ADMIN_1, responseId, triggerId: responseId });
      await eventually(
        () =>
          t.slack.responses.some((r) => r.id === responseId) ||
          t.slack.calls.some((c) => c.method === "views.open" && c.args.trigger_id === responseId),
        `/mdm ${text}`,
      );
    }
    await t.requests.slashCommand({ command: "/mdm", text: "help", user: "UHANAKO1", responseId: "ja-emp-help" });
    await eventually(() => t.slack.responses.some((r) => r.id === "ja-emp-help"), "employee help");
    await t.requests.event({ type: "app_home_opened", user: ADMIN_1, tab: "home" });
    await t.requests.event({ type: "app_home_opened", user: "UHANAKO1", tab: "home" });
    await t.requests.shortcut({ user: "UHANAKO1", callbackId: "report_lost_device" });
    await eventually(() => t.slack.callsTo("views.publish").length >= 2, "both Home tabs");
    await t.flush();

    const sent = everythingSent(t);
    expect(sent.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const { where, text } of sent) {
      for (const word of text.match(/\b[A-Z][A-Z0-9_]{2,}\b/g) ?? [])
        if (RAW_ENUMS.has(word)) problems.push(`${where}: raw ${word} in «${text.slice(0, 120)}»`);
      for (const phrase of englishPhrases(text, data))
        problems.push(`${where}: English "${phrase}" in «${text.slice(0, 120)}»`);
      if (/GMT\+9|JST/.test(text)) problems.push(`${where}: time zone shown to a reader in Japan «${text}»`);
    }
    expect([...new Set(problems)]).toEqual([]);
    // Dates read as people write them.
    expect(sent.some(({ text }) => /\d{1,2}月\d{1,2}日\([月火水木金土日]\) \d{2}:\d{2}/.test(text))).toBe(true);
  });
});
