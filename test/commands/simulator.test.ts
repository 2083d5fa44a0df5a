// `npm run agent:simulate` against a running app: the simulated fleet enrolls, collects what
// admins queued, and answers like devices (lost mode on, a location, no passcode).
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, ENROLLMENT_SECRET, startTestApp, type TestApp } from "../support/harness.js";

const run = promisify(execFile);
let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const state = path.join(mkdtempSync(path.join(tmpdir(), "agent-sim-")), "fleet.json");
const simulate = () =>
  run(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/agent-simulate.ts",
      "--url",
      t.url,
      "--secret",
      ENROLLMENT_SECRET,
      "--count",
      "2",
      "--once",
      "--state",
      state,
    ],
    {
      cwd: path.resolve(import.meta.dirname, "../.."),
      timeout: 60_000,
    },
  );

describe("the device simulator", () => {
  it("enrolls a fleet, then carries out lost mode and answers a lock with 'no passcode'", async () => {
    const first = await simulate();
    expect(first.stdout).toMatch(/iPhone \(sim 1\)\s+enrolled \(ios, supervised\)/);
    const devices = await t.db.prisma.device.findMany({
      where: { serial: { in: ["SIMD1", "SIMD2"] } },
      orderBy: { serial: "asc" },
    });
    expect(devices.map((d) => d.supervised)).toEqual([true, false]);

    const admin = await t.app.core.actors.fromSlack(ADMIN_1);
    const lostMode = await t.app.core.commands.request(admin, {
      deviceId: devices[0]!.id,
      type: "ENABLE_LOST_MODE",
      params: { Message: "Lost — please call", PhoneNumber: "03-0000-0000" },
    });
    const lock = await t.app.core.commands.request(admin, { deviceId: devices[1]!.id, type: "DEVICE_LOCK" });

    // The simulator sometimes answers NotNow first, as a phone in use does: run until answered.
    for (let i = 0; i < 6; i++) {
      const out = await simulate();
      expect(out.stdout).not.toMatch(/enrolled/); // same devices, tokens kept
      const states = await t.db.prisma.command.findMany({ where: { id: { in: [lostMode.id, lock.id] } } });
      if (states.every((c) => c.state !== "QUEUED" && c.state !== "SENT")) break;
    }
    expect(await t.db.prisma.command.findUniqueOrThrow({ where: { id: lostMode.id } })).toMatchObject({
      state: "ACKNOWLEDGED",
    });
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: devices[0]!.id } })).toMatchObject({
      state: "LOST_MODE",
    });
    expect(await t.db.prisma.command.findUniqueOrThrow({ where: { id: lock.id } })).toMatchObject({
      state: "ERROR",
      error: expect.stringMatching(/No passcode/),
    });
  });
});
