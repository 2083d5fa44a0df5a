// A wipe through Google's WIPE command is done only when the device has confirmed it: until the
// phone connects the incident says "wipe requested, waiting for the device", across any number
// of sweeps; the confirmation arrives by the sweep's poll (Google deletes the device record, so
// the operation answers 404 and so does the device), by the final DELETED status report, or by
// the device's absence from the list. Lost mode likewise is done when the device applied it.
// A device that leaves management without our wipe, or is reset on the device and enrolls
// again, is posted in the incident thread with what to do next.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, ADMIN_2, type TestApp } from "../support/harness.js";
import { aPerson } from "../support/builders.js";
import type { FakeAndroidApi } from "../support/fake-android.js";
import { incidentTs, threadTexts, until } from "../commands/support.js";
import { type AndroidApp, pubsubPush, startAndroidApp, stopAndroidApp } from "../support/android-app.js";
import { sequence } from "../support/sequence.js";

const nextId = sequence("w");

const PUBSUB_TOKEN = "pubsub-token-wipe";
let app: AndroidApp;
let t: TestApp;
let api: FakeAndroidApi;

beforeAll(async () => {
  app = await startAndroidApp("LC0wipe", PUBSUB_TOKEN);
  ({ t, api } = app);
});
afterAll(() => stopAndroidApp(app));

const pubsub = (type: string, data: unknown, token?: string) => pubsubPush(app, type, data, token);

/** Drains the outbox until `check` holds: on a loaded machine the first posts take several drains. */
const flushUntil = (check: () => Promise<boolean>) =>
  until(async () => (await check()) || ((await t.flush()) && false), "the incident post");

/** A company phone Google lists, imported, reported lost by its owner. */
async function reportedPhone(serial?: string) {
  const id = nextId();
  const name = api.addDevice(id, {
    hardwareInfo: { brand: "google", model: "Pixel 8", serialNumber: serial ?? `SN-${id}` },
    networkInfo: { imei: `35${id.slice(1).padStart(13, "0")}` },
  });
  await t.app.core.enrollments.importFrom("android");
  const device = await t.db.prisma.device.findUniqueOrThrow({ where: { externalId: name } });
  const owner = await aPerson(t.db.prisma);
  await t.db.prisma.device.update({ where: { id: device.id }, data: { ownerId: owner.id } });
  const created = await t.app.core.reports.create({
    channel: "WEB",
    reporterEmail: owner.email,
    deviceDescription: "my Pixel",
    deviceIds: [device.id],
    circumstances: "STOLEN",
    consentLostMode: true,
    locale: "en",
  });
  const reportId = created.report.id;
  await flushUntil(async () =>
    Boolean(await t.db.prisma.slackMessageRef.findUnique({ where: { key: `report:${reportId}` } })),
  );
  return { device, name, reportId, ts: await incidentTs(t, reportId) };
}

async function approvedWipe(deviceId: string, reportId: string) {
  const first = await t.app.core.commands.request(await t.app.core.actors.fromSlack(ADMIN_1), {
    deviceId,
    type: "ERASE_DEVICE",
    reportId,
  });
  await t.app.core.commands.approve(await t.app.core.actors.fromSlack(ADMIN_2), first.id);
  return t.db.prisma.command.findUniqueOrThrow({ where: { id: first.id } });
}

const state = async (p: { device: { id: string }; reportId: string }, commandId: string) => ({
  command: (await t.db.prisma.command.findUniqueOrThrow({ where: { id: commandId } })).state,
  device: (await t.db.prisma.device.findUniqueOrThrow({ where: { id: p.device.id } })).state,
  report: (await t.db.prisma.lossReport.findUniqueOrThrow({ where: { id: p.reportId } })).status,
});

describe("Android wipe, tracked until the device confirms it", () => {
  it("says 'waiting for the device' through several sweeps while the phone is offline, and 'wiped' once it confirmed", async () => {
    const p = await reportedPhone();
    const wipe = await approvedWipe(p.device.id, p.reportId);
    expect(api.calls("POST", `${p.name}:issueCommand`).map((c) => c.body.type)).toEqual(["WIPE"]);
    expect(api.calls("DELETE", p.name)).toHaveLength(0);
    for (let cycle = 0; cycle < 3; cycle++) {
      t.clock.advance(10 * 60_000);
      await t.app.core.commands.sweep(t.clock.now());
      expect(await state(p, wipe.id)).toEqual({ command: "SENT", device: "MANAGED", report: "WIPE_REQUESTED" });
    }
    await t.flush();
    const waiting = threadTexts(t, p.ts).join("\n");
    expect(waiting).toMatch(/Wipe of .* requested, \*waiting for the device\*/);
    expect(waiting).not.toMatch(/has been wiped/);

    api.connect(p.name);
    await t.app.core.commands.sweep(t.clock.now());
    expect(await state(p, wipe.id)).toEqual({ command: "ACKNOWLEDGED", device: "WIPED", report: "WIPED" });
    await t.flush();
    expect(threadTexts(t, p.ts).join("\n")).toMatch(/has been wiped and has left management/);
    // The import afterwards finds it gone and says nothing more: it was our wipe.
    await t.app.core.enrollments.importFrom("android");
    await t.flush();
    expect(threadTexts(t, p.ts).join("\n")).not.toMatch(/no longer managed/);
  }, 90_000); // the app's first incident on a shared, loaded machine

  it("takes the device's final DELETED status report as the wipe's confirmation", async () => {
    const p = await reportedPhone();
    const wipe = await approvedWipe(p.device.id, p.reportId);
    const finalReport = { ...api.devices.get(p.name), state: "DELETED", appliedState: "DELETED" };
    api.connect(p.name);
    expect((await pubsub("STATUS_REPORT", finalReport)).status).toBe(200);
    expect(await state(p, wipe.id)).toEqual({ command: "ACKNOWLEDGED", device: "WIPED", report: "WIPED" });
  });

  it("takes the device missing from the list as the wipe's confirmation when no answer came", async () => {
    const p = await reportedPhone();
    const wipe = await approvedWipe(p.device.id, p.reportId);
    api.connect(p.name);
    await t.app.core.enrollments.importFrom("android");
    expect(await state(p, wipe.id)).toEqual({ command: "ACKNOWLEDGED", device: "WIPED", report: "WIPED" });
  });
});

describe("Android lost mode, done when the device applied it", () => {
  it("stays 'waiting for the device' until a status report taken after the request says LOST", async () => {
    const p = await reportedPhone();
    const cmd = await t.app.core.commands.request(await t.app.core.actors.fromSlack(ADMIN_1), {
      deviceId: p.device.id,
      type: "ENABLE_LOST_MODE",
      params: { Message: "Call IT" },
      reportId: p.reportId,
    });
    // A status report from before the request, even one saying LOST, proves nothing.
    await pubsub("STATUS_REPORT", { ...api.devices.get(p.name), appliedState: "LOST" });
    expect((await t.db.prisma.command.findUniqueOrThrow({ where: { id: cmd.id } })).state).toBe("SENT");
    await t.flush();
    expect(threadTexts(t, p.ts).join("\n")).toMatch(/Lost mode for .* requested, \*waiting for the device\*/);

    t.clock.advance(60_000);
    await pubsub("STATUS_REPORT", {
      ...api.devices.get(p.name),
      appliedState: "LOST",
      lastStatusReportTime: t.clock.now().toISOString(),
    });
    expect((await t.db.prisma.command.findUniqueOrThrow({ where: { id: cmd.id } })).state).toBe("ACKNOWLEDGED");
    expect((await t.db.prisma.device.findUniqueOrThrow({ where: { id: p.device.id } })).state).toBe("LOST_MODE");
    await t.flush();
    expect(threadTexts(t, p.ts).join("\n")).toMatch(
      /is in lost mode \(the device confirmed it\)\. Android sends its location/,
    );
  });
});

describe("Android devices changed on the device itself", () => {
  it("posts a device deleted outside this app with what to do next", async () => {
    const p = await reportedPhone();
    api.devices.delete(p.name);
    await t.app.core.enrollments.importFrom("android");
    expect((await t.db.prisma.device.findUniqueOrThrow({ where: { id: p.device.id } })).state).toBe("UNENROLLED");
    await t.flush();
    expect(threadTexts(t, p.ts).join("\n")).toMatch(/is no longer managed: .*this app did not wipe it\. Next:/);
  });

  it("posts a phone reset on the device that enrolled again, and requests lost mode again while the loss is open", async () => {
    const serial = `SN-reset-${Date.now()}`;
    const p = await reportedPhone(serial);
    const cmd = await t.app.core.commands.request(await t.app.core.actors.fromSlack(ADMIN_1), {
      deviceId: p.device.id,
      type: "ENABLE_LOST_MODE",
      params: { Message: "Call IT" },
      reportId: p.reportId,
    });
    await pubsub("COMMAND", api.connect(p.name)[0]);
    expect((await t.db.prisma.command.findUniqueOrThrow({ where: { id: cmd.id } })).state).toBe("ACKNOWLEDGED");
    // Reset on the phone: Google keeps listing the old record (it never learns of the reset)
    // and a new one with the same serial enrols later.
    const again = api.addDevice(`r${Date.now() % 1e6}`, {
      hardwareInfo: { brand: "google", model: "Pixel 8", serialNumber: serial },
      enrollmentTime: new Date(t.clock.now().getTime() + 60_000).toISOString(),
    });
    await t.app.core.enrollments.importFrom("android");
    // The stale listing neither takes the device back nor posts again on the next import.
    await t.app.core.enrollments.importFrom("android");
    const device = await t.db.prisma.device.findUniqueOrThrow({ where: { id: p.device.id } });
    expect(device).toMatchObject({ externalId: again, state: "MANAGED" });
    const relock = await t.db.prisma.command.findFirst({
      where: { deviceId: p.device.id, type: "ENABLE_LOST_MODE", id: { not: cmd.id } },
    });
    expect(relock?.state).toBe("SENT");
    await t.flush();
    const posts = threadTexts(t, p.ts).filter((x) => /was factory reset on the device itself/.test(x));
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatch(/lost mode is requested again/);
  });
});
