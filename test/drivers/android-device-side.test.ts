// What an Android device does by itself reaches the incident: Google's USAGE_LOGS
// lostModeLocationEvent becomes a thread post with the coordinates, time, a map link and the
// report "located"; the person holding the phone leaving lost mode (a STATUS_REPORT whose
// appliedState is no longer LOST, or a STOP_LOST_MODE_USER_ATTEMPT event) is posted with what to
// do next, and lost mode can be enabled again. An unwrapped Pub/Sub payload is refused loudly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, postJson, type TestApp } from "../support/harness.js";
import { aPerson } from "../support/builders.js";
import type { FakeAndroidApi } from "../support/fake-android.js";
import { actionIds, incidentTs, latestIncident, threadTexts, until } from "../commands/support.js";
import { type AndroidApp, pubsubPush, startAndroidApp, stopAndroidApp } from "../support/android-app.js";
import { sequence } from "../support/sequence.js";

const nextId = sequence("s");

const PUBSUB_TOKEN = "pubsub-token-device-side";
let app: AndroidApp;
let t: TestApp;
let api: FakeAndroidApi;

beforeAll(async () => {
  app = await startAndroidApp("LC0side", PUBSUB_TOKEN);
  ({ t, api } = app);
});
afterAll(() => stopAndroidApp(app));

const pubsub = (type: string, data: unknown, token?: string) => pubsubPush(app, type, data, token);

/** Drains the outbox until `check` holds: on a loaded machine the first posts take several drains. */
const flushUntil = (check: () => Promise<boolean>) =>
  until(async () => (await check()) || ((await t.flush()) && false), "the incident post");

/** A company phone reported lost, with lost mode confirmed by the device. */
async function lostPhone() {
  const id = nextId();
  const name = api.addDevice(id, { networkInfo: { imei: `86${Date.now() % 1e9}`.padEnd(15, String(id.length)) } });
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
  await flushUntil(async () =>
    Boolean(await t.db.prisma.slackMessageRef.findUnique({ where: { key: `report:${created.report.id}` } })),
  );
  const admin = await t.app.core.actors.fromSlack(ADMIN_1);
  const cmd = await t.app.core.commands.request(admin, {
    deviceId: device.id,
    type: "ENABLE_LOST_MODE",
    params: { Message: "Call IT" },
    reportId: created.report.id,
  });
  const sent = await t.db.prisma.command.findUniqueOrThrow({ where: { id: cmd.id } });
  await pubsub("COMMAND", api.complete(sent.driverRef!, { startLostModeStatus: "SUCCESS" }));
  api.devices.get(name)!.appliedState = "LOST";
  expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: device.id } })).toMatchObject({
    state: "LOST_MODE",
  });
  const ts = await incidentTs(t, created.report.id);
  return { device, name, reportId: created.report.id, reference: created.report.reference, ts };
}

describe("Android device-side happenings", () => {
  it("posts a lost-mode location from USAGE_LOGS with coordinates, time, map link and battery, and marks the report located", async () => {
    const p = await lostPhone();
    const res = await pubsub("USAGE_LOGS", {
      device: p.name,
      retrievalTime: "2026-11-20T01:05:00Z",
      usageLogEvents: [
        {
          eventId: "1",
          eventTime: "2026-11-20T01:04:10Z",
          eventType: "LOST_MODE_LOCATION",
          lostModeLocationEvent: { location: { latitude: 35.658034, longitude: 139.701636 }, batteryLevel: 41 },
        },
      ],
    });
    expect(res.json).toMatchObject({ ok: true, recorded: 1 });
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: p.device.id } })).toMatchObject({
      lastLatitude: 35.658034,
      lastLongitude: 139.701636,
      lastLocatedAt: new Date("2026-11-20T01:04:10Z"),
    });
    expect(await t.db.prisma.lossReport.findUniqueOrThrow({ where: { id: p.reportId } })).toMatchObject({
      status: "LOCATED",
    });
    await t.flush();
    const post = threadTexts(t, p.ts).find((x) => x.includes("sent its location"));
    expect(post).toMatch(/35\.65803, 139\.70164/);
    expect(post).toMatch(/maps\S*35\.658034,139\.701636|35\.658034/);
    expect(post).toMatch(/Accuracy: not reported by Android/);
    expect(post).toMatch(/Battery: 41%/);
  });

  it("tells the admins when lost mode was left on the phone, and lets them enable it again", async () => {
    const p = await lostPhone();
    // A status report taken after lost mode was confirmed, whose applied state is ACTIVE.
    const report = {
      ...api.devices.get(p.name),
      appliedState: "ACTIVE",
      lastStatusReportTime: new Date(t.clock.now().getTime() + 60_000).toISOString(),
    };
    await pubsub("STATUS_REPORT", report);
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: p.device.id } })).toMatchObject({
      state: "MANAGED",
    });
    await t.flush();
    expect(threadTexts(t, p.ts).join("\n")).toMatch(/Lost mode was turned off \*on\* .* entered the device password/);
    expect(actionIds(latestIncident(t, p.ts, p.reference))).toContain("lost_mode_enable");
    const again = await t.app.core.commands.request(await t.app.core.actors.fromSlack(ADMIN_1), {
      deviceId: p.device.id,
      type: "ENABLE_LOST_MODE",
      params: { Message: "Call IT" },
    });
    expect(["QUEUED", "SENT"]).toContain(again.state);
  });

  it("ignores a stale status report from before lost mode was confirmed", async () => {
    const p = await lostPhone();
    await pubsub("STATUS_REPORT", {
      ...api.devices.get(p.name),
      appliedState: "ACTIVE",
      lastStatusReportTime: "2026-11-19T23:00:00Z",
    });
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: p.device.id } })).toMatchObject({
      state: "LOST_MODE",
    });
  });

  it("takes a successful STOP_LOST_MODE_USER_ATTEMPT as lost mode left on the device", async () => {
    const p = await lostPhone();
    await pubsub("USAGE_LOGS", {
      device: p.name,
      usageLogEvents: [
        {
          eventType: "STOP_LOST_MODE_USER_ATTEMPT",
          eventTime: "2026-11-20T01:10:00Z",
          stopLostModeUserAttemptEvent: { status: "ATTEMPT_SUCCEEDED" },
        },
      ],
    });
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: p.device.id } })).toMatchObject({
      state: "MANAGED",
    });
  });

  it("refuses an unwrapped Pub/Sub payload with what to change, instead of silently acking it", async () => {
    const res = await postJson(`${t.url}/webhooks/android-pubsub?token=${PUBSUB_TOKEN}`, {
      name: "enterprises/LC0side/devices/x",
      appliedState: "ACTIVE",
    });
    expect(res.status).toBe(400);
    expect(res.json.reason).toMatch(/payload unwrapping/);
  });
});
