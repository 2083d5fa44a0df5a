// The Android driver inside the running app: a lost-mode request issues START_LOST_MODE at
// Google, the sweep polls the operation to its end, Pub/Sub pushes deliver results and status
// reports, and a permanent refusal reaches the admins with Google's own message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, type TestApp } from "../support/harness.js";
import { aDevice } from "../support/builders.js";
import type { FakeAndroidApi } from "../support/fake-android.js";
import { type AndroidApp, pubsubPush, startAndroidApp, stopAndroidApp } from "../support/android-app.js";
import { sequence } from "../support/sequence.js";

const nextId = sequence("p");

const PUBSUB_TOKEN = "pubsub-token-for-tests";
let app: AndroidApp;
let t: TestApp;
let api: FakeAndroidApi;

beforeAll(async () => {
  app = await startAndroidApp("LC0app", PUBSUB_TOKEN);
  ({ t, api } = app);
});
afterAll(() => stopAndroidApp(app));

async function androidPhone() {
  const id = nextId();
  const name = api.addDevice(id);
  const d = await aDevice(t.db.prisma, { platform: "ANDROID", driver: "android" });
  await t.db.prisma.device.update({ where: { id: d.id }, data: { externalId: name } });
  return { ...d, externalId: name };
}

async function requestLostMode(deviceId: string) {
  const admin = await t.app.core.actors.fromSlack(ADMIN_1);
  return t.app.core.commands.request(admin, {
    deviceId,
    type: "ENABLE_LOST_MODE",
    params: { Message: "Please call IT", PhoneNumber: "+81 3 1234 5678" },
  });
}

const pubsub = (type: string, data: unknown, token?: string) => pubsubPush(app, type, data, token);

describe("Android devices through the app", () => {
  it("issues START_LOST_MODE on request and the sweep's poll moves the command to ACKNOWLEDGED once the device applied it", async () => {
    const d = await androidPhone();
    const cmd = await requestLostMode(d.id);
    const [issue] = api.calls("POST", `${d.externalId}:issueCommand`);
    expect(issue!.body).toMatchObject({
      type: "START_LOST_MODE",
      startLostModeParams: { lostMessage: { defaultMessage: "Please call IT" } },
    });
    const sent = await t.db.prisma.command.findUniqueOrThrow({ where: { id: cmd.id } });
    expect(sent).toMatchObject({
      state: "SENT",
      driver: "android",
      driverRef: expect.stringContaining(`${d.externalId}/operations/`),
    });

    await t.app.core.commands.sweep(t.clock.now());
    expect(await t.db.prisma.command.findUniqueOrThrow({ where: { id: cmd.id } })).toMatchObject({ state: "SENT" });
    api.complete(sent.driverRef!, { startLostModeStatus: "SUCCESS" });
    await t.app.core.commands.sweep(t.clock.now());
    expect(await t.db.prisma.command.findUniqueOrThrow({ where: { id: cmd.id } })).toMatchObject({
      state: "ACKNOWLEDGED",
    });
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ state: "LOST_MODE" });
  });

  it("shows the company's name (contact settings) as lostOrganization and the footnote as lostStreetAddress", async () => {
    const admin = await t.app.core.actors.fromSlack(ADMIN_1);
    await t.app.core.companyContact.set(admin, { organisation: "Acme K.K." });
    const d = await androidPhone();
    await t.app.core.commands.request(admin, {
      deviceId: d.id,
      type: "ENABLE_LOST_MODE",
      params: { Message: "Please call IT", Footnote: "Return to the IT desk, 3F" },
    });
    const [issue] = api.calls("POST", `${d.externalId}:issueCommand`);
    expect(issue!.body.startLostModeParams).toMatchObject({
      lostOrganization: { defaultMessage: "Acme K.K." },
      lostStreetAddress: { defaultMessage: "Return to the IT desk, 3F" },
    });
    await t.app.core.companyContact.set(admin, { organisation: null });
  });

  it("takes the result from a Pub/Sub COMMAND notification without waiting for a poll", async () => {
    const d = await androidPhone();
    const cmd = await requestLostMode(d.id);
    const { driverRef } = await t.db.prisma.command.findUniqueOrThrow({ where: { id: cmd.id } });
    const op = api.complete(driverRef!, { startLostModeStatus: "SUCCESS" });
    const res = await pubsub("COMMAND", op);
    expect(res).toMatchObject({ status: 200, json: { state: "ACKNOWLEDGED" } });
  });

  it("refuses a Pub/Sub push without the shared token", async () => {
    expect((await pubsub("COMMAND", {}, "wrong")).status).toBe(401);
  });

  it("updates the device from a STATUS_REPORT", async () => {
    const d = await androidPhone();
    const device = { ...api.devices.get(d.externalId), lastStatusReportTime: "2026-11-20T00:30:00Z" };
    expect((await pubsub("STATUS_REPORT", device)).json).toMatchObject({ device: "updated" });
    expect((await t.db.prisma.device.findUniqueOrThrow({ where: { id: d.id } })).lastCheckInAt).toEqual(
      new Date("2026-11-20T00:30:00Z"),
    );
  });

  it("posts Google's own message to the admins when the command is refused for good", async () => {
    const d = await androidPhone();
    api.failNext({ status: 400, message: "Lost mode is not supported on personally-owned devices." }, (path) =>
      path.includes(d.externalId),
    );
    t.slack.reset();
    const cmd = await requestLostMode(d.id);
    expect(await t.db.prisma.command.findUniqueOrThrow({ where: { id: cmd.id } })).toMatchObject({
      state: "ERROR",
      error: "Android Management API HTTP 400: Lost mode is not supported on personally-owned devices.",
    });
    // The command's status line is posted, then edited in place with the outcome.
    await t.flush();
    expect(
      t.slack.calls
        .filter((c) => !c.failed && (c.method === "chat.postMessage" || c.method === "chat.update"))
        .map((c) => String(c.args.text))
        .join("\n"),
    ).toContain("Lost mode is not supported on personally-owned devices.");
  });
});
