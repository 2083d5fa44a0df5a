// End to end through Slack: an administrator approves lost mode for an iPhone managed through
// NanoMDM; the app enqueues EnableLostMode at NanoMDM, and NanoMDM's webhook acknowledgement
// moves the command to ACKNOWLEDGED. A NanoMDM outage is retried by the sweep, not lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, type TestApp } from "../support/harness.js";
import { aDevice } from "../support/builders.js";
import { acknowledgeEvent, FakeNanoMdm, postWebhook, startNanoMdmApp } from "../support/fake-nanomdm.js";
import { eventually } from "../admin/helpers.js";

const HMAC_KEY = "nanomdm-webhook-key-e2e";
let t: TestApp;
let nano: FakeNanoMdm;

beforeAll(async () => {
  nano = await new FakeNanoMdm().start();
  t = await startNanoMdmApp(nano, HMAC_KEY);
});
afterAll(async () => {
  await t.close();
  await nano.stop();
});

async function approveLostModeInSlack(deviceId: string, message: string) {
  t.slack.reset();
  const click = await t.requests.blockAction({
    user: ADMIN_1,
    actionId: "lost_mode_enable",
    value: JSON.stringify({ d: deviceId }),
  });
  expect(click.status).toBe(200);
  const opened = await eventually(() => t.slack.callsTo("views.open").at(-1), "the lost-mode modal");
  const view = opened.args.view as { callback_id: string; private_metadata: string };
  const submit = await t.requests.viewSubmission({
    user: ADMIN_1,
    callbackId: view.callback_id,
    privateMetadata: view.private_metadata,
    values: { message: { value: message }, phone: { value: "03-1234-5678" }, footnote: { value: "" } },
  });
  expect(submit.status).toBe(200);
}

describe("lost mode for a NanoMDM iPhone, from Slack to the device and back", () => {
  it("enqueues EnableLostMode at NanoMDM on approval, and the webhook acknowledgement makes it ACKNOWLEDGED", async () => {
    const d = await aDevice(t.db.prisma, { driver: "nanomdm", supervised: true });
    nano.enroll(d.udid!);
    await approveLostModeInSlack(d.id, "拾った方は総務部までご連絡ください");

    const enqueued = await eventually(() => nano.commandsFor(d.udid!)[0], "the enqueue PUT at NanoMDM");
    expect(enqueued.Command).toEqual({
      RequestType: "EnableLostMode",
      Message: "拾った方は総務部までご連絡ください",
      PhoneNumber: "03-1234-5678",
    });
    // The PUT reaches NanoMDM a moment before the app records NanoMDM's answer.
    const command = await eventually(
      () =>
        t.db.prisma.command.findFirst({
          where: { deviceId: d.id, type: "ENABLE_LOST_MODE", driverRef: { not: null } },
        }),
      "the recorded send",
    );
    expect(command).toMatchObject({
      uuid: enqueued.CommandUUID,
      state: "SENT",
      driver: "nanomdm",
      driverRef: enqueued.CommandUUID,
    });

    const res = await postWebhook(t.url, acknowledgeEvent(d.udid!, command.uuid, "Acknowledged"), HMAC_KEY);
    expect(res.status).toBe(200);
    expect(await t.db.prisma.command.findUniqueOrThrow({ where: { id: command.id } })).toMatchObject({
      state: "ACKNOWLEDGED",
    });
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ state: "LOST_MODE" });
  });

  it("keeps the command when NanoMDM is down and sends it once on the sweep after the backoff", async () => {
    const d = await aDevice(t.db.prisma, { driver: "nanomdm", supervised: true });
    nano.enroll(d.udid!);
    nano.failNext({ status: 503 });
    await approveLostModeInSlack(d.id, "lost");
    const command = await eventually(
      async () =>
        (await t.db.prisma.command.findFirst({
          where: { deviceId: d.id, type: "ENABLE_LOST_MODE", state: "QUEUED", nextAttemptAt: { not: null } },
        })) ?? null,
      "the command waiting for a retry",
    );
    expect(nano.queued.get(d.udid!)?.size ?? 0).toBe(0);

    await t.app.core.commands.sweep(t.clock.now());
    expect(nano.queued.get(d.udid!)?.size ?? 0).toBe(0); // not due yet
    t.clock.set(command.nextAttemptAt!);
    await t.app.core.commands.sweep(t.clock.now());
    expect([...nano.queued.get(d.udid!)!]).toEqual([command.uuid]);
    expect(await t.db.prisma.command.findUniqueOrThrow({ where: { id: command.id } })).toMatchObject({
      state: "SENT",
      driverRef: command.uuid,
    });
  });
});
