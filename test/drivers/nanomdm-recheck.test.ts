// No command stays "sent": NanoMDM posts each result once and never retries, so a lost webhook
// would leave a command waiting forever. After COMMAND_RECHECK_AFTER_MINUTES (1 h here, the
// default) without an answer the app re-checks — several times, each gap twice the last — until
// the answer comes or the 7-day expiry ends it, and says in the incident thread what it learned.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_1, type TestApp } from "../support/harness.js";
import { aDevice, aPerson } from "../support/builders.js";
import { acknowledgeEvent, FakeNanoMdm, postWebhook, startNanoMdmApp } from "../support/fake-nanomdm.js";
import { threadTexts } from "../commands/support.js";
import { eventually } from "../admin/helpers.js";
import { recheckGap } from "../../src/core/commands/recheck.js";

const HMAC_KEY = "nanomdm-webhook-key-recheck";
const HOUR = 3_600_000;
let t: TestApp;
let nano: FakeNanoMdm;
const admin = () => t.app.core.actors.fromSlack(ADMIN_1);

beforeAll(async () => {
  nano = await new FakeNanoMdm().start();
  t = await startNanoMdmApp(nano, HMAC_KEY);
});
afterAll(async () => {
  await t.close();
  await nano.stop();
});
beforeEach(() => nano.reset());

/** A supervised NanoMDM iPhone with an open loss report, and the report's thread. */
async function lostIPhone() {
  const owner = await aPerson(t.db.prisma);
  const d = await aDevice(t.db.prisma, { driver: "nanomdm", supervised: true, ownerId: owner.id });
  nano.enroll(d.udid!);
  const created = await t.app.core.reports.create({
    channel: "WEB",
    reporterEmail: owner.email,
    deviceDescription: "iPhone",
    deviceIds: [d.id],
    circumstances: "LOST",
    contactPhone: "090-1234-5678",
    consentLostMode: true,
    locale: "en",
  });
  await t.flush();
  const reportId = created.report.id;
  const ref = await eventually(
    () => t.db.prisma.slackMessageRef.findUnique({ where: { key: `report:${reportId}` } }),
    "the incident message",
  );
  const thread = () => threadTexts(t, ref.ts);
  /** The thread's last post, once it matches (the outbox delivers in the background). */
  const last = (re: RegExp) =>
    eventually(async () => {
      await t.flush();
      const text = thread().at(-1);
      return text && re.test(text) ? text : null;
    }, `a thread post matching ${re}`);
  return { d, reportId, thread, last };
}

async function recheckAt(ms: number) {
  t.clock.advance(ms);
  const n = await t.app.core.commands.recheckDue(t.clock.now());
  await t.flush();
  return n;
}

describe("re-checking a command NanoMDM took but the device never answered", () => {
  it("waits 1 h, 2 h, 4 h … (at most a day) between re-checks", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 9].map((n) => recheckGap(HOUR, n) / HOUR)).toEqual([1, 2, 4, 8, 16, 24, 24, 24]);
  });

  it("re-enqueues a lock under the same CommandUUID at each re-check, says so in the thread, and stops at the 7-day expiry", async () => {
    const { d, reportId, last } = await lostIPhone();
    const lock = await t.app.core.commands.request(await admin(), { deviceId: d.id, type: "DEVICE_LOCK", reportId });
    expect(nano.commandsFor(d.udid!).map((c) => c.CommandUUID)).toEqual([lock.uuid]);

    expect(await recheckAt(HOUR - 60_000)).toBe(0); // not yet an hour
    expect(await recheckAt(60_000)).toBe(1);
    // Enqueued again under the same CommandUUID; NanoMDM's default storage (filekv) says it
    // already has it ("command already exists"): it still holds the command for the device.
    expect(nano.commandsFor(d.udid!).map((c) => c.CommandUUID)).toEqual([lock.uuid, lock.uuid]);
    expect(await last(/No answer from .* to \*Lock\*.*NanoMDM still holds the command/)).toMatch(
      /No answer from .* to \*Lock\*.*NanoMDM still holds the command/,
    );

    expect(await recheckAt(2 * HOUR - 60_000)).toBe(0);
    expect(await recheckAt(60_000)).toBe(1);
    expect(await recheckAt(4 * HOUR)).toBe(1);
    expect(nano.commandsFor(d.udid!)).toHaveLength(4);
    expect((await t.db.prisma.command.findUniqueOrThrow({ where: { id: lock.id } })).rechecks).toBe(3);

    // Seven days after it was queued the ordinary expiry ends it; nothing is re-checked after that.
    t.clock.set(new Date(lock.requestedAt.getTime() + 7 * 24 * HOUR));
    expect(await t.app.core.commands.expireDue(t.clock.now())).toBeGreaterThanOrEqual(1);
    expect(await t.db.prisma.command.findUniqueOrThrow({ where: { id: lock.id } })).toMatchObject({ state: "EXPIRED" });
    const sent = nano.commandsFor(d.udid!).length;
    expect(await recheckAt(2 * 24 * HOUR)).toBe(0);
    expect(nano.commandsFor(d.udid!)).toHaveLength(sent);
    await t.flush();
    expect(await last(/expired/)).toMatch(/expired/);
  });

  it("on NanoMDM's deprecated file storage learns that the command was queued again (file overwrites a CommandUUID)", async () => {
    const sqlNano = await new FakeNanoMdm("file-key", "file").start();
    const s = await startNanoMdmApp(sqlNano, HMAC_KEY);
    try {
      const d = await aDevice(s.db.prisma, { driver: "nanomdm", supervised: true });
      sqlNano.enroll(d.udid!);
      const lock = await s.app.core.commands.request(await s.app.core.actors.fromSlack(ADMIN_1), {
        deviceId: d.id,
        type: "DEVICE_LOCK",
      });
      s.clock.advance(HOUR);
      expect(await s.app.core.commands.recheckDue(s.clock.now())).toBe(1);
      expect(sqlNano.commandsFor(d.udid!)).toHaveLength(2);
      const entry = await s.db.prisma.auditEntry.findFirstOrThrow({
        where: { subject: `command:${lock.id}`, action: "command.rechecked" },
      });
      expect(entry.details).toMatchObject({ learned: "queued_again" });
      expect(await s.db.prisma.command.findUniqueOrThrow({ where: { id: lock.id } })).toMatchObject({ state: "SENT" });
    } finally {
      await s.close();
      await sqlNano.stop();
    }
  });

  it("fails the command with a plain reason when NanoMDM no longer knows the device", async () => {
    const { d, reportId, last } = await lostIPhone();
    const lock = await t.app.core.commands.request(await admin(), { deviceId: d.id, type: "DEVICE_LOCK", reportId });
    nano.enrolled.delete(d.udid!); // the enrolment is gone from NanoMDM
    await recheckAt(HOUR);
    const after = await t.db.prisma.command.findUniqueOrThrow({ where: { id: lock.id } });
    expect(after.state).toBe("ERROR");
    expect(after.error).toMatch(/NanoMDM does not know this device/);
    expect(await last(/NanoMDM does not know this device/)).toMatch(/NanoMDM does not know this device/);
  });

  it("settles lost mode by asking the device (IsMDMLostModeEnabled), never by enqueueing it again", async () => {
    const { d, reportId, last } = await lostIPhone();
    const lost = await t.app.core.commands.request(await admin(), {
      deviceId: d.id,
      type: "ENABLE_LOST_MODE",
      reportId,
      params: { Message: "Please call IT" },
    });
    // First re-check: DeviceInformation is asked; EnableLostMode is not sent again.
    await recheckAt(HOUR);
    let sent = nano.commandsFor(d.udid!);
    expect(sent.map((c) => c.Command.RequestType)).toEqual(["EnableLostMode", "DeviceInformation"]);
    expect(sent[1].Command.Queries).toContain("IsMDMLostModeEnabled");
    expect(await last(/asked the device about itself/)).toMatch(/asked the device about itself/);

    // The device says lost mode is not on yet: still waiting, and the thread says so.
    const info1 = sent[1].CommandUUID as string;
    await postWebhook(
      t.url,
      acknowledgeEvent(d.udid!, info1, "Acknowledged", { QueryResponses: { IsMDMLostModeEnabled: false } }),
      HMAC_KEY,
    );
    await t.flush();
    expect(await last(/lost mode is not on yet/)).toMatch(/lost mode is not on yet/);
    expect(await t.db.prisma.command.findUniqueOrThrow({ where: { id: lost.id } })).toMatchObject({ state: "SENT" });

    // Second re-check two hours later asks again; this time the device says lost mode is on.
    // (The first answer said "supervised", so the bypass code was asked for too: see activation-lock tests.)
    await recheckAt(2 * HOUR);
    expect((await t.db.prisma.command.findUniqueOrThrow({ where: { id: lost.id } })).rechecks).toBe(2);
    sent = nano.commandsFor(d.udid!).filter((c) => c.Command.RequestType !== "ActivationLockBypassCode");
    expect(sent.map((c) => c.Command.RequestType)).toEqual([
      "EnableLostMode",
      "DeviceInformation",
      "DeviceInformation",
    ]);
    await postWebhook(
      t.url,
      acknowledgeEvent(d.udid!, sent[2].CommandUUID, "Acknowledged", {
        QueryResponses: { IsMDMLostModeEnabled: true },
      }),
      HMAC_KEY,
    );
    await t.flush();
    expect(await t.db.prisma.command.findUniqueOrThrow({ where: { id: lost.id } })).toMatchObject({
      state: "ACKNOWLEDGED",
    });
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ state: "LOST_MODE" });
    expect((await t.db.prisma.lossReport.findUniqueOrThrow({ where: { id: reportId } })).status).toBe(
      "LOST_MODE_ENABLED",
    );
    expect(await last(/confirmed by asking the device/)).toMatch(/confirmed by asking the device/);
    // Answered: no more re-checks of it.
    await recheckAt(24 * HOUR);
    expect((await t.db.prisma.command.findUniqueOrThrow({ where: { id: lost.id } })).rechecks).toBe(2);
  });

  it("never enqueues a wipe again (it would erase the device a second time after it re-enrolled)", async () => {
    const { d } = await lostIPhone();
    const wipe = await t.app.core.commands.request(await admin(), { deviceId: d.id, type: "ERASE_DEVICE" });
    await t.app.core.commands.approve(await t.app.core.actors.fromSlack("UADMIN2"), wipe.id);
    await recheckAt(HOUR);
    await recheckAt(2 * HOUR);
    const types = nano.commandsFor(d.udid!).map((c) => c.Command.RequestType);
    expect(types.filter((x) => x === "EraseDevice")).toHaveLength(1);
    expect(types).toContain("DeviceInformation");
  });
});
