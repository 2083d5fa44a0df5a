// Logs go to shared systems and are kept for long: no phone number, e-mail address or location
// may reach them. Every log line of a whole incident — report, lost mode approved in Slack,
// the device answering with its location — is captured and searched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureLog } from "../../src/log.js";
import { ADMIN_1, startTestApp, type TestApp } from "../support/harness.js";
import { answer, checkIn, incidentTs, lostDevice, until } from "../commands/support.js";
import { openForm, submitForm, validReport } from "../reports/portal.js";

const lines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  configureLog({ level: "debug", sink: (line) => lines.push(line) });
  t = await startTestApp({ env: { LOG_LEVEL: "debug" } });
});
afterAll(async () => {
  await t.close();
  configureLog({ level: "error", sink: (line) => process.stderr.write(line + "\n") });
});

const PERSONAL = {
  reporterEmail: "hanako.private@example.co.jp",
  contactPhone: "090-9876-5432",
  lockScreenPhone: "03-5555-0199",
  location: "Ebisu Garden Place, 3F cafe",
  latitude: "35.642012",
  longitude: "139.713471",
};

describe("logs during a whole incident", () => {
  it("carry no phone number, e-mail address or location", async () => {
    // An employee reports on the web form…
    const s = await openForm(t);
    const filed = await submitForm(
      t,
      s,
      validReport({
        reporterEmail: PERSONAL.reporterEmail,
        contactPhone: PERSONAL.contactPhone,
        location: PERSONAL.location,
      }),
    );
    expect(filed.status).toBe(200);
    // …an admin approves lost mode for an enrolled device, the device runs it and reports where it is.
    const lost = await lostDevice(t);
    const ts = await incidentTs(t, lost.reportId);
    await t.requests.blockAction({ user: ADMIN_1, actionId: "lost_mode_enable", value: lost.value, messageTs: ts });
    const view = (await until(() => t.slack.callsTo("views.open").at(-1), "the lost-mode modal")).args.view;
    await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: "lost_mode_submit",
      privateMetadata: view.private_metadata,
      values: {
        message: { value: "Please return this phone" },
        phone: { value: PERSONAL.lockScreenPhone },
        footnote: { value: "" },
      },
    });
    const command = await until(
      () => t.db.prisma.command.findFirst({ where: { deviceId: lost.agent.deviceId, type: "ENABLE_LOST_MODE" } }),
      "the queued command",
    );
    await checkIn(t, lost.agent.token);
    await answer(t, lost.agent.token, command.uuid, { status: "Acknowledged" });
    await t.flush();
    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "device_locate",
      value: lost.value,
      messageTs: ts,
      responseId: "privacy-locate",
    });
    await until(() => t.slack.responses.find((r) => r.id === "privacy-locate"), "the locate reply");
    const locate = (await checkIn(t, lost.agent.token)).json.commands.find((c: any) => c.type === "DeviceLocation");
    expect(locate).toBeDefined();
    await answer(t, lost.agent.token, locate.id, {
      status: "Acknowledged",
      result: { latitude: Number(PERSONAL.latitude), longitude: Number(PERSONAL.longitude) },
    });
    await t.flush();

    // The flow really ran and was logged (debug level): an empty log would prove nothing.
    expect(lines.length).toBeGreaterThan(0);
    const log = lines.join("\n");
    for (const [what, value] of Object.entries(PERSONAL))
      expect(log, `${what} leaked into the logs`).not.toContain(value);
    expect(log).not.toContain("090-1234-5678"); // the builder's owner phone
    expect(log).not.toMatch(/[\w.+-]+@example\.(co\.jp|com)/);
  });
});
