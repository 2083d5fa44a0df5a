import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, startTestApp, type TestApp } from "../support/harness.js";
import { aDevice, aPerson } from "../support/builders.js";
import { buttonsByBlock, incidents, messageText } from "./portal.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

/** The listener files the report after acking; wait for it the way a person would, by looking. */
async function eventually<T>(probe: () => Promise<T | null | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 250; i++) {
    const v = await probe();
    if (v) return v;
    await new Promise((r) => setImmediate(r));
    if (i > 50) await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`never happened: ${what}`);
}

const values = (over: Record<string, Record<string, unknown>> = {}) => ({
  email: { value: "kenta.ito@example.co.jp" },
  name: { value: "Kenta Ito" },
  device_text: { value: "" },
  lost_at: { value: "2026-11-20 09:00" },
  location: { value: "Haneda airport, terminal 2" },
  circumstances: { value: { selected: "stolen" } },
  phone: { value: "+81 80 1111 2222" },
  consent: { value: { selectedOptions: ["on"] } },
  ...over,
});

describe("/lost", () => {
  it("opens a modal prefilled with the person's identity and their registered devices", async () => {
    const person = await aPerson(t.db.prisma, {
      email: "kenta.ito@example.co.jp",
      name: "Kenta Ito",
      slackUserId: "UKENTA",
    });
    await aDevice(t.db.prisma, { ownerId: person.id, name: "Kenta's iPhone", model: "iPhone 13" });
    await aDevice(t.db.prisma, { ownerId: person.id, name: "Kenta's old iPhone", state: "WIPED" });
    t.slack.reset();
    const res = await t.requests.slashCommand({ command: "/lost", user: "UKENTA", triggerId: "trig-1" });
    expect(res.status).toBe(200);
    const open = await eventually(async () => t.slack.callsTo("views.open")[0], "views.open");
    expect(open.args.trigger_id).toBe("trig-1");
    const view = open.args.view;
    expect(view.callback_id).toBe("lost_report");
    const block = (id: string) => view.blocks.find((b: any) => b.block_id === id);
    expect(block("email").element.initial_value).toBe("kenta.ito@example.co.jp");
    expect(block("name").element.initial_value).toBe("Kenta Ito");
    // Only devices still managed can be picked.
    expect(block("device_pick").element.options.map((o: any) => o.text.text)).toEqual(["Kenta's iPhone (iPhone 13)"]);
  });

  it("files the report the modal was submitted with: one admin message, a DM with the status link", async () => {
    const person = await t.db.prisma.person.findUniqueOrThrow({
      where: { slackUserId: "UKENTA" },
      include: { devices: true },
    });
    const phone = person.devices.find((d) => d.state === "MANAGED")!;
    t.slack.reset();
    const res = await t.requests.viewSubmission({
      user: "UKENTA",
      callbackId: "lost_report",
      values: values({ device_pick: { value: { selected: phone.id } } }),
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe("");
    const report = await eventually(
      () => t.db.prisma.lossReport.findFirst({ where: { reporterSlackUserId: "UKENTA" }, include: { devices: true } }),
      "the report",
    );
    expect(report).toMatchObject({
      channel: "SLACK",
      reporterId: person.id,
      reporterVerified: true,
      circumstances: "STOLEN",
      consentLostMode: true,
    });
    expect(report.devices).toEqual([expect.objectContaining({ deviceId: phone.id, how: "reporter" })]);
    await t.flush();
    const posted = incidents(t).filter((p) => p.text.includes(report.reference));
    expect(posted).toHaveLength(1);
    expect(messageText(posted[0]!)).toContain("verified by Slack");
    expect(Object.keys(buttonsByBlock(posted[0]!))).toEqual([`device:${phone.id}`]);
    const dm = t.slack.posts("DUKENTA")[0]!;
    expect(dm.text).toContain(report.reference);
    expect(dm.text).toMatch(/http:\/\/portal\.test\/report\/status\/[A-Za-z0-9_-]{40,}/);
    // The DM's link opens the status page.
    const path = /\/report\/status\/[A-Za-z0-9_-]+/.exec(dm.text)![0];
    const page = await fetch(`${t.url}${path}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(report.reference);
  });

  it("answers a bad field in the modal, next to that field, and files nothing", async () => {
    const before = await t.db.prisma.lossReport.count();
    const res = await t.requests.viewSubmission({
      user: "UKENTA",
      callbackId: "lost_report",
      privateMetadata: JSON.stringify({ locale: "en" }),
      values: values({
        device_pick: { value: { selected: null } },
        device_text: { value: "" },
        phone: { value: "none" },
      }),
    });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({
      response_action: "errors",
      errors: {
        device_pick: "Pick one of your devices or describe it.",
        phone: expect.stringContaining("phone number"),
      },
    });
    expect(await t.db.prisma.lossReport.count()).toBe(before);
  });

  it("accepts someone who is not in the directory, prefilled from Slack and flagged unverified", async () => {
    t.slack.addUser({ id: "UGUEST", email: "guest.user@partner.example", name: "Guest User", locale: "en-US" });
    t.slack.reset();
    await t.requests.slashCommand({ command: "/lost", user: "UGUEST" });
    const open = await eventually(async () => t.slack.callsTo("views.open")[0], "views.open");
    const view = open.args.view;
    expect(view.blocks.find((b: any) => b.block_id === "email").element.initial_value).toBe(
      "guest.user@partner.example",
    );
    expect(view.blocks.find((b: any) => b.block_id === "device_pick")).toBeUndefined();

    await t.requests.viewSubmission({
      user: "UGUEST",
      callbackId: "lost_report",
      values: values({
        email: { value: "guest.user@partner.example" },
        name: { value: "Guest User" },
        device_text: { value: "loaner laptop" },
      }),
    });
    const report = await eventually(
      () => t.db.prisma.lossReport.findFirst({ where: { reporterSlackUserId: "UGUEST" } }),
      "the report",
    );
    expect(report).toMatchObject({ reporterVerified: false, reporterId: null });
    await t.flush();
    const msg = incidents(t).find((p) => p.text.includes(report.reference))!;
    expect(messageText(msg)).toContain("unverified");
    expect(buttonsByBlock(msg).report).toContain("report_pick_device");
    // A reporter with Slack gets the DM even when not in the directory.
    expect(t.slack.posts("DUGUEST")[0]?.text).toContain(report.reference);
  });
});

describe("the incident message", () => {
  it("offers lock and wipe on an unsupervised iPhone, with the passcode warning, and no lost mode", async () => {
    const person = await aPerson(t.db.prisma, { slackUserId: "UUNSUP", email: "unsup@example.co.jp" });
    const phone = await aDevice(t.db.prisma, {
      ownerId: person.id,
      platform: "IOS",
      supervised: false,
      name: "Unsupervised iPhone",
    });
    t.slack.reset();
    await t.requests.viewSubmission({
      user: "UUNSUP",
      callbackId: "lost_report",
      values: values({ email: { value: "unsup@example.co.jp" }, device_pick: { value: { selected: phone.id } } }),
    });
    const report = await eventually(
      () => t.db.prisma.lossReport.findFirst({ where: { reporterSlackUserId: "UUNSUP" } }),
      "the report",
    );
    await t.flush();
    const msg = incidents(t).find((p) => p.text.includes(report.reference))!;
    expect(buttonsByBlock(msg)[`device:${phone.id}`]).toEqual([
      "device_lock",
      "device_wipe",
      "report_found",
      "report_dismiss",
    ]);
    const why = msg.blocks.find((b: any) => b.block_id === `why:${phone.id}`).elements[0].text;
    expect(why).toContain("not supervised");
    expect(why).toContain("only helps if a passcode is set");
  });

  it("lets an admin pick the device when the report named none; the message then shows its buttons (no lost mode on a Mac, and why)", async () => {
    const person = await aPerson(t.db.prisma, { slackUserId: "UPICK", email: "pick@example.co.jp" });
    const mac = await aDevice(t.db.prisma, { ownerId: person.id, platform: "MACOS", name: "Studio Mac", ade: true });
    await aDevice(t.db.prisma, { ownerId: person.id, platform: "ANDROID", name: "Work Pixel" });
    t.slack.reset();
    await t.requests.viewSubmission({
      user: "UPICK",
      callbackId: "lost_report",
      values: values({ email: { value: "pick@example.co.jp" }, device_text: { value: "the grey one" } }),
    });
    const report = await eventually(
      () => t.db.prisma.lossReport.findFirst({ where: { reporterSlackUserId: "UPICK" } }),
      "the report",
    );
    await t.flush();
    const msg = incidents(t).find((p) => p.text.includes(report.reference))!;
    const block = msg.blocks.find((b: any) => b.block_id === `report:${report.id}`);
    const picker = block.elements[0];
    expect(picker).toMatchObject({ type: "external_select", action_id: "report_pick_device", min_query_length: 0 });
    // Nothing typed yet: the reporter's own devices come first.
    const first = await t.requests.blockSuggestion({
      user: ADMIN_1,
      actionId: "report_pick_device",
      blockId: block.block_id,
      value: "",
    });
    const options = first.json().options;
    expect(
      options
        .slice(0, 2)
        .map((o: any) => o.text.text.split(" · ").slice(0, 2).join(" · "))
        .sort(),
    ).toEqual(["Studio Mac · macOS", "Work Pixel · Android"]);
    // Typing part of the owner's e-mail, the platform or the name narrows it.
    const typed = await t.requests.blockSuggestion({
      user: ADMIN_1,
      actionId: "report_pick_device",
      blockId: block.block_id,
      value: "studio MAC",
    });
    expect(typed.json().options.map((o: any) => o.text.text.split(" · ")[0])).toEqual(["Studio Mac"]);
    const option = typed.json().options[0];
    // Someone who is not an administrator is offered nothing.
    const stranger = await t.requests.blockSuggestion({
      user: "UKENTA",
      actionId: "report_pick_device",
      blockId: block.block_id,
      value: "",
    });
    expect(stranger.json().options).toEqual([]);

    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "report_pick_device",
      blockId: block.block_id,
      selectedOption: option.value,
    });
    await eventually(
      () => t.db.prisma.lossReportDevice.findFirst({ where: { reportId: report.id, deviceId: mac.id } }),
      "the picked device",
    );
    await t.flush();
    const update = t.slack
      .callsTo("chat.update")
      .map((c) => c.args)
      .find((a) => a.ts === msg.ts || JSON.stringify(a.blocks).includes(mac.id));
    expect(update).toBeDefined();
    // Apple defines lost mode for iPhone and iPad only: the button's place says so.
    expect(buttonsByBlock(update!)[`device:${mac.id}`]).toEqual([
      "device_lock",
      "device_wipe",
      "report_found",
      "report_dismiss",
    ]);
    const why = update!.blocks.find((b: any) => b.block_id === `why:${mac.id}`).elements[0].text;
    expect(why).toContain("No lost mode, location or sound on a Mac");
  });

  it("does not let a non-admin pick a device", async () => {
    const report = await t.db.prisma.lossReport.findFirstOrThrow({ where: { reporterSlackUserId: "UGUEST" } });
    const device = await aDevice(t.db.prisma, { name: "Someone's phone" });
    await t.requests.blockAction({
      user: "UKENTA",
      actionId: "report_pick_device",
      blockId: "report",
      selectedOption: JSON.stringify({ r: report.id, d: device.id }),
      responseId: "pick-denied",
    });
    await eventually(async () => t.slack.responses.find((r) => r.id === "pick-denied"), "the refusal");
    expect(await t.db.prisma.lossReportDevice.count({ where: { reportId: report.id } })).toBe(0);
  });
});
