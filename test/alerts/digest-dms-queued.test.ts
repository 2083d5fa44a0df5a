// A large fleet's owner and department-admin DMs leave paced (the bulk lane: 20,000 take over an
// hour), so the 10:00 digest only queues them — one compact row per person, in the digest's own
// transaction — and each is built when it is delivered, from the committed alerts of the
// digest's window, for the person as they are then.
import { afterEach, describe, expect, it } from "vitest";
import { SYSTEM } from "../../src/core/actors.js";
import { ManualClock } from "../../src/core/clock.js";
import { aDepartment, aDevice, aPerson } from "../support/builders.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { runJob, textOf } from "./support.js";

const jst = (s: string) => new Date(`${s}+09:00`);
const TEN = jst("2026-11-21T10:00:00");

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function fleet() {
  t = await startTestApp({ clock: new ManualClock(TEN) });
  const { prisma } = t.db;
  const dept = await aDepartment(prisma, { name: "Sales" });
  const admin = await aPerson(prisma, { slackUserId: "UDEPTADMIN" });
  await prisma.departmentAdmin.create({ data: { departmentId: dept.id, personId: admin.id } });
  const owners = [];
  const devices = [];
  for (let i = 0; i < 3; i++) {
    const owner = await aPerson(prisma, { slackUserId: `UOWNER${i}`, departmentId: dept.id });
    const device = await aDevice(prisma, { name: `Phone ${i}`, ownerId: owner.id, lastCheckInAt: TEN });
    await alert(device.id, `k${i}`, new Date(TEN.getTime() - 3_600_000));
    owners.push(owner);
    devices.push(device);
  }
  // Nothing to tell this owner: no alert, the device answers.
  const quiet = await aPerson(prisma, { slackUserId: "UQUIET", departmentId: dept.id });
  await aDevice(prisma, { name: "Quiet Phone", ownerId: quiet.id, lastCheckInAt: TEN });
  await t.app.core.digest.updateSettings(SYSTEM, { ownerSummaries: true, departmentAdminSummaries: true });
  return { owners, devices };
}

function alert(deviceId: string, key: string, at: Date, type = "root") {
  return t!.db.prisma.alert.create({
    data: { type, deviceId, detectedAt: at, immediate: false, dedupeKey: key, createdAt: at },
  });
}

const dmTo = (user: string) => t!.slack.posts().filter((p) => p.channel === user);

describe("the digest's personal DMs", () => {
  it("are queued compact in the bulk lane when the digest commits, once per day", async () => {
    await fleet();
    expect(await runJob(t!, "digest")).toBe(true);
    const dms = await t!.db.prisma.outboxMessage.findMany({ where: { method: "dm" }, orderBy: { id: "asc" } });
    expect(dms.map((d) => (d.payload as { user: string }).user).sort()).toEqual([
      "UDEPTADMIN",
      "UOWNER0",
      "UOWNER1",
      "UOWNER2",
    ]);
    expect(dms.every((d) => d.lane === 1 && d.state === "PENDING")).toBe(true);
    // Nothing is rendered at 10:00: who and which window, no message text yet.
    expect(dms.some((d) => "blocks" in (d.payload as object) || "text" in (d.payload as object))).toBe(false);
    // The day's second run queues nothing.
    expect(await runJob(t!, "digest")).toBe(false);
    expect(await t!.db.prisma.outboxMessage.count({ where: { method: "dm" } })).toBe(4);
  });

  it("are built at delivery from the digest's window, for the person as they are then", async () => {
    const { owners, devices } = await fleet();
    expect(await runJob(t!, "digest")).toBe(true);
    // Before the bulk lane reaches them: a new alert after 10:00 (tomorrow's digest, not this
    // one), an owner unlinked from Slack, one relinked under a new member id.
    t!.clock.set(jst("2026-11-21T10:30:00"));
    await alert(devices[0]!.id, "late", jst("2026-11-21T10:20:00"), "virus");
    await t!.db.prisma.person.update({ where: { id: owners[2]!.id }, data: { slackUserId: null } });
    await t!.db.prisma.person.update({ where: { id: owners[1]!.id }, data: { slackUserId: "UOWNER1NEW" } });
    await t!.flush();

    const toOwner0 = dmTo("UOWNER0");
    expect(toOwner0).toHaveLength(1);
    expect(toOwner0[0]!.text).toBe("Your devices — daily summary (21 Nov 2026)");
    expect(textOf(toOwner0[0]!)).toMatch(/• [^·]*21 Nov[^·]*09:00[^·]* · \*Phone 0\* — Root/);
    expect(textOf(toOwner0[0]!)).not.toContain("Virus");
    expect(textOf(dmTo("UOWNER1NEW")[0]!)).toContain("Phone 1");
    expect(dmTo("UOWNER1")).toHaveLength(0);
    // Unlinked since: nobody to tell, and the row is done rather than retried.
    expect(dmTo("UOWNER2")).toHaveLength(0);
    const rows = await t!.db.prisma.outboxMessage.findMany({ where: { method: "dm" } });
    expect(rows.every((r) => r.state === "SENT")).toBe(true);
    // The department admin's covers every owner's device in the department.
    const toAdmin = textOf(dmTo("UDEPTADMIN")[0]!);
    for (const name of ["Phone 0", "Phone 1", "Phone 2"]) expect(toAdmin).toContain(name);
    expect(toAdmin).not.toContain("Quiet Phone");
    expect(dmTo("UQUIET")).toHaveLength(0);
  });
});
