// The daily digest: the seed's no-response examples, what it lists, once per day across restarts
// and replicas, catch-up after downtime, personal summaries, /mdm digest.
import { createHash, randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/core/clock.js";
import { SYSTEM } from "../../src/core/actors.js";
import { aDepartment, aDevice, aPerson } from "../support/builders.js";
import { ADMIN_1, startTestApp, type TestApp } from "../support/harness.js";
import { catchUp, runJob, sendAlerts, textOf, until } from "./support.js";

const open: TestApp[] = [];
async function app(opts: Parameters<typeof startTestApp>[0] = {}) {
  const a = await startTestApp(opts);
  open.push(a);
  return a;
}
afterEach(async () => {
  // Later-started apps first: the first one owns the shared database and fake Slack.
  for (const a of open.reverse()) await a.close();
  open.length = 0;
});

const digests = (t: TestApp) => t.slack.posts("C_ADMIN").filter((p) => /^Daily digest/.test(p.text));

/** 13:00 Japan time on 20 Nov 2026: the seed's "last response". */
const LAST_RESPONSE = new Date("2026-11-20T04:00:00Z");
const jst = (s: string) => new Date(`${s}+09:00`);

async function digestAt(t: TestApp, at: Date) {
  t.clock.set(at);
  await runJob(t, "digest");
  await t.flush();
  return digests(t).at(-1);
}

describe("the no-response rule (seed 004's examples)", () => {
  it("threshold 24 h: 21 h at next morning's digest is not included, 24 h is detected, 45 h is in the next digest", async () => {
    const t = await app({ clock: new ManualClock(LAST_RESPONSE) });
    const device = await aDevice(t.db.prisma, {
      platform: "IOS",
      name: "Example1 iPhone",
      lastCheckInAt: LAST_RESPONSE,
    });
    const listed = (ds: { id: string }[]) => ds.some((d) => d.id === device.id);

    const nextMorning = await digestAt(t, jst("2026-11-21T10:00:00"));
    expect(nextMorning).toBeDefined();
    expect(textOf(nextMorning!)).not.toContain("Example1 iPhone");
    expect(textOf(nextMorning!)).toContain("Devices with no response:* 0");

    expect(listed(await t.app.core.digest.noResponse(jst("2026-11-21T12:59:00")))).toBe(false);
    expect(listed(await t.app.core.digest.noResponse(jst("2026-11-21T13:00:00")))).toBe(true);

    const dayAfter = await digestAt(t, jst("2026-11-22T10:00:00"));
    expect(textOf(dayAfter!)).toContain("Devices with no response:* 1");
    expect(textOf(dayAfter!)).toContain("Example1 iPhone (IOS) — last response");
  });

  it("threshold 10 h (set with /mdm digest): 23:00 the same day is detected and is in the next morning's digest", async () => {
    const t = await app({ clock: new ManualClock(LAST_RESPONSE) });
    await t.requests.slashCommand({
      command: "/mdm",
      text: "digest set noresponse ios 10",
      user: ADMIN_1,
      responseId: "set",
    });
    expect((await until(() => t.slack.responses.find((r) => r.id === "set"))).body.text).toContain("IOS 10");
    // iPadOS follows iOS's threshold unless it is set apart; then each keeps its own.
    expect((await t.app.core.digest.settings()).noResponseHours).toMatchObject({ IOS: 10, IPADOS: 10, ANDROID: 24 });
    await t.app.core.digest.updateSettings(await t.app.core.actors.fromSlack(ADMIN_1), {
      noResponseHours: { IPADOS: 48 },
    });
    await t.app.core.digest.updateSettings(await t.app.core.actors.fromSlack(ADMIN_1), {
      noResponseHours: { IOS: 10 },
    });
    expect((await t.app.core.digest.settings()).noResponseHours).toMatchObject({ IOS: 10, IPADOS: 48 });
    const device = await aDevice(t.db.prisma, {
      platform: "IOS",
      name: "Example2 iPhone",
      lastCheckInAt: LAST_RESPONSE,
    });
    const listed = (ds: { id: string }[]) => ds.some((d) => d.id === device.id);
    // Android keeps its own threshold.
    const pixel = await aDevice(t.db.prisma, {
      platform: "ANDROID",
      name: "Example2 Pixel",
      lastCheckInAt: LAST_RESPONSE,
    });

    expect(listed(await t.app.core.digest.noResponse(jst("2026-11-20T22:59:00")))).toBe(false);
    expect(listed(await t.app.core.digest.noResponse(jst("2026-11-20T23:00:00")))).toBe(true);

    const nextMorning = await digestAt(t, jst("2026-11-21T10:00:00"));
    expect(textOf(nextMorning!)).toContain("Example2 iPhone (IOS)");
    expect(textOf(nextMorning!)).not.toContain("Example2 Pixel");
    expect(pixel).toBeDefined();
  });

  it("a device that answered again before the threshold is not listed (example 3)", async () => {
    const t = await app({ clock: new ManualClock(LAST_RESPONSE) });
    await t.app.core.digest.updateSettings(SYSTEM, { noResponseHours: { IOS: 10 } });
    const device = await aDevice(t.db.prisma, {
      platform: "IOS",
      name: "Example3 iPhone",
      lastCheckInAt: LAST_RESPONSE,
    });
    await t.db.prisma.device.update({ where: { id: device.id }, data: { lastCheckInAt: jst("2026-11-21T02:00:00") } });
    const nextMorning = await digestAt(t, jst("2026-11-21T10:00:00"));
    expect(textOf(nextMorning!)).not.toContain("Example3 iPhone");
  });
});

async function aReport(t: TestApp, over: { status?: "RECEIVED" | "FOUND" | "LOST_MODE_ENABLED"; ref: string }) {
  return t.db.prisma.lossReport.create({
    data: {
      reference: over.ref,
      statusTokenHash: createHash("sha256").update(randomBytes(8)).digest("hex"),
      channel: "WEB",
      reporterEmail: "someone@example.co.jp",
      deviceDescription: "iPhone 15, black case",
      circumstances: "LOST",
      status: over.status ?? "RECEIVED",
      createdAt: t.clock.now(),
    },
  });
}

describe("what the digest says", () => {
  it("counts alerts by type since the last digest, lists open reports, commands and renewals, and puts long lists in a CSV in its thread", async () => {
    const t = await app({ clock: new ManualClock(jst("2026-11-20T10:00:00")) });
    await digestAt(t, jst("2026-11-20T10:00:00")); // the previous day's digest: counting starts here
    t.clock.set(jst("2026-11-20T15:00:00"));
    const pixel = await aDevice(t.db.prisma, {
      platform: "ANDROID",
      name: "Counted Pixel",
      lastCheckInAt: jst("2026-11-21T09:00:00"),
    });
    await sendAlerts(t, [
      { type: "root", device: { imei: pixel.imei } },
      { type: "deep_instinct_event", device: { imei: pixel.imei } },
      { type: "deep_instinct_event", device: { imei: pixel.imei }, details: { virusName: "other" } },
    ]);
    // Twelve silent iPhones: more than a message shows.
    for (let i = 0; i < 12; i++)
      await aDevice(t.db.prisma, {
        platform: "IOS",
        name: `Silent iPhone ${String(i).padStart(2, "0")}`,
        lastCheckInAt: jst("2026-11-18T09:00:00"),
      });
    await aReport(t, { ref: "LR-2026-0001" });
    await aReport(t, { ref: "LR-2026-0002", status: "FOUND" });
    const target = await aDevice(t.db.prisma, {
      platform: "IOS",
      name: "Wipe target",
      lastCheckInAt: jst("2026-11-21T09:00:00"),
    });
    await t.db.prisma.command.create({
      data: { deviceId: target.id, type: "ERASE_DEVICE", state: "AWAITING_APPROVAL", requestedAt: t.clock.now() },
    });
    await t.db.prisma.command.create({
      data: {
        deviceId: target.id,
        type: "ENABLE_LOST_MODE",
        state: "QUEUED",
        requestedAt: t.clock.now(),
        queuedAt: t.clock.now(),
      },
    });
    await t.db.prisma.renewal.create({
      data: { kind: "PUSH_CERTIFICATE", label: "Apple push certificate", expiresAt: jst("2026-12-15T00:00:00") },
    });
    await t.db.prisma.renewal.create({
      data: { kind: "ADE_TOKEN", label: "ABM token", expiresAt: jst("2027-08-01T00:00:00") },
    });
    await t.db.prisma.renewal.create({
      data: {
        kind: "ANDROID_ENTERPRISE_GMAIL",
        label: "Android Enterprise Gmail",
        expiresAt: jst("2026-11-19T00:00:00"),
      },
    });

    const post = await digestAt(t, jst("2026-11-21T10:00:00"));
    const text = textOf(post!);
    expect(post!.text).toMatch(/^Daily digest — 21 Nov 2026/);
    expect(text).toContain("Alerts since Fri 20 Nov, 10:00 JST:* 3");
    expect(text).toContain("• Deep Instinct event: 2");
    expect(text).toContain("• Root: 1");
    expect(text).toContain("Devices with no response:* 12");
    expect(text).toContain("Silent iPhone 09");
    expect(text).not.toContain("Silent iPhone 11");
    expect(text).toContain("and 2 more in `no-response-2026-11-21.csv` in this thread");
    expect(text).toContain("Open loss reports:* 1");
    expect(text).toContain("LR-2026-0001");
    expect(text).not.toContain("LR-2026-0002");
    expect(text).toContain("Commands awaiting approval:* 1");
    expect(text).toContain("Wipe — Wipe target");
    expect(text).toContain("Commands still pending:* 1");
    // Every next deadline is shown (none hidden); the ones within 60 days or past are marked.
    expect(text).toContain("Renewals — next deadlines* (2 within 60 days or overdue)");
    expect(text).toContain(":warning: MDM push certificate — due 15 Dec 2026 (24 day(s) left)");
    expect(text).toContain(":rotating_light: Android Enterprise admin Gmail sign-in — overdue since 19 Nov 2026");
    expect(text).toMatch(/• ADE \(DEP\) server token — due 1 Aug 2027/);
    expect(t.slack.posts("C_ADMIN").filter((p) => p.thread_ts)).toHaveLength(0);

    const ref = await t.db.prisma.slackMessageRef.findUniqueOrThrow({ where: { key: "digest:2026-11-21" } });
    const csv = t.slack.uploads.find((u) => u.filename === "no-response-2026-11-21.csv")!;
    expect(csv.threadTs).toBe(ref.ts);
    const lines = csv.content.toString().trim().split("\r\n");
    expect(lines[0]).toBe("device_id,device,platform,last_response,owner");
    expect(lines.filter((l) => l.includes("Silent iPhone"))).toHaveLength(12);

    // The next day counts from this digest: the three alerts are not counted again.
    const next = await digestAt(t, jst("2026-11-22T10:00:00"));
    expect(textOf(next!)).toContain("Alerts since Sat 21 Nov, 10:00 JST:* none");
  });

  it("sends owners and department admins their own summary by DM only where enabled", async () => {
    const t = await app({ clock: new ManualClock(jst("2026-11-21T09:00:00")) });
    const dept = await aDepartment(t.db.prisma, { name: "Sales" });
    const owner = await aPerson(t.db.prisma, { slackUserId: "UOWNER", departmentId: dept.id });
    const deptAdmin = await aPerson(t.db.prisma, { slackUserId: "UDEPTADMIN", locale: "ja" });
    await t.db.prisma.departmentAdmin.create({ data: { departmentId: dept.id, personId: deptAdmin.id } });
    const pixel = await aDevice(t.db.prisma, {
      platform: "ANDROID",
      name: "Owner Pixel",
      ownerId: owner.id,
      lastCheckInAt: jst("2026-11-21T08:00:00"),
    });
    await sendAlerts(t, [{ type: "root", device: { imei: pixel.imei } }]);

    await digestAt(t, jst("2026-11-21T10:00:00"));
    expect(t.slack.callsTo("conversations.open")).toHaveLength(0);

    await t.app.core.digest.updateSettings(SYSTEM, { ownerSummaries: true, departmentAdminSummaries: true });
    t.clock.set(jst("2026-11-22T09:00:00"));
    await sendAlerts(t, [{ type: "virus", device: { imei: pixel.imei } }]);
    await digestAt(t, jst("2026-11-22T10:00:00"));
    // A DM is posted to the person's user id (Slack opens the conversation itself).
    const dms = t.slack.posts().filter((p) => String(p.channel).startsWith("U"));
    const toOwner = dms.find((p) => p.channel === "UOWNER")!;
    expect(toOwner.text).toBe("Your devices — daily summary (22 Nov 2026)");
    // Each alert's facts, not only a count: time, device, type.
    expect(textOf(toOwner)).toMatch(/• [^·]*22 Nov[^·]*09:00[^·]* · \*Owner Pixel\* — Virus detected/);
    expect(textOf(toOwner)).not.toContain("Root");
    const toDeptAdmin = dms.find((p) => p.channel === "UDEPTADMIN")!;
    expect(toDeptAdmin.text).toBe("管理部門のデバイス — 日次サマリー(2026年11月22日)");
    expect(textOf(toDeptAdmin)).toMatch(/11月22日[^·]*09:00[^·]* · \*[^*]+\* — ウィルス検出/);
    expect(dms).toHaveLength(2);
  });
});

describe("once a day", () => {
  it("is sent once for the day across a restart on the same database", async () => {
    const clock = new ManualClock(jst("2026-11-21T10:00:00"));
    const first = await app({ clock });
    await runJob(first, "digest");
    await first.flush();
    await first.app.stop();

    const second = await app({ clock, db: first.db, slack: first.slack });
    clock.set(jst("2026-11-21T10:30:00"));
    expect(await catchUp(second, "digest")).toBe(false);
    expect(await runJob(second, "digest")).toBe(false);
    await second.flush();
    expect(digests(second)).toHaveLength(1);
    expect(await second.db.prisma.outboxMessage.count({ where: { dedupeKey: "digest:2026-11-21" } })).toBe(1);
  });

  it("is sent once when two app instances on one database both fire", async () => {
    const clock = new ManualClock(jst("2026-11-21T10:00:00"));
    const a = await app({ clock });
    const b = await app({ clock, db: a.db, slack: a.slack });
    const results = await Promise.all([runJob(a, "digest"), runJob(b, "digest")]);
    expect(results.filter(Boolean)).toHaveLength(1);
    await Promise.all([a.flush(), b.flush()]);
    await a.flush();
    expect(digests(a)).toHaveLength(1);
  });

  it("catches up once after downtime over 10:00, and not when the day's digest went out", async () => {
    const clock = new ManualClock(jst("2026-11-21T12:15:00"));
    const t = await app({ clock });
    // Every replica was down at 10:00; the app comes back at 12:15.
    expect(await catchUp(t, "digest")).toBe(true);
    expect(await catchUp(t, "digest")).toBe(false);
    await t.flush();
    expect(digests(t)).toHaveLength(1);
    expect(digests(t)[0]!.text).toMatch(/21 Nov 2026/);
    // Restarting early the next morning: the last fire (yesterday 10:00) was already covered.
    clock.set(jst("2026-11-22T08:00:00"));
    expect(await catchUp(t, "digest")).toBe(false);
    // And the regular 10:00 fire still comes.
    expect(await digestAt(t, jst("2026-11-22T10:00:00"))).toBeDefined();
    expect(digests(t)).toHaveLength(2);
  });
});

describe("/mdm digest", () => {
  it("posts the digest now for a system admin, without using up the day's scheduled digest", async () => {
    const t = await app({ clock: new ManualClock(jst("2026-11-21T08:00:00")) });
    await t.requests.slashCommand({ command: "/mdm", text: "digest", user: ADMIN_1, responseId: "now" });
    expect((await until(() => t.slack.responses.find((r) => r.id === "now"))).body.text).toMatch(/on its way/);
    await t.flush();
    expect(t.slack.posts("C_ADMIN").map((p) => p.text)).toEqual(["Digest (on request) — 21 Nov 2026"]);
    expect(await digestAt(t, jst("2026-11-21T10:00:00"))).toBeDefined();

    const employee = await aPerson(t.db.prisma);
    await t.requests.slashCommand({ command: "/mdm", text: "digest", user: employee.slackUserId!, responseId: "nope" });
    expect((await until(() => t.slack.responses.find((r) => r.id === "nope"))).body.text).toMatch(/not allowed/);
  });
});
