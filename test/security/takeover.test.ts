// No device takeover by re-enrolment. Anyone holding AGENT_ENROLLMENT_SECRET can send a known
// device's serial: that claim never hands the device over by itself. The device's current token
// proves continuity; without it the claim waits for an administrator's approval in Slack (old and
// new platform, owner, department side by side, audited), and meanwhile the real agent keeps its
// token, its platform, its owner and its pending commands.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, ENROLLMENT_SECRET, postJson, startTestApp, type TestApp } from "../support/harness.js";
import { aPerson } from "../support/builders.js";
import { checkIn, enroll, until } from "../commands/support.js";
import { sequence } from "../support/sequence.js";

const unique = sequence();

let t: TestApp;
beforeAll(async () => (t = await startTestApp({ env: { AGENT_ENROLLMENT_SECRET_PREVIOUS: "the-old-secret" } })));
afterAll(() => t.close());

const admin = () => t.app.core.actors.fromSlack(ADMIN_1);

/** A victim: a supervised iPhone of someone in Sales, with lost mode waiting for it. */
async function victim() {
  const sales = await t.db.prisma.department.create({ data: { name: `Sales ${unique()}` } });
  const owner = await aPerson(t.db.prisma, { departmentId: sales.id });
  const device = await enroll(t, { ownerEmail: owner.email });
  const command = await t.app.core.commands.request(await admin(), {
    deviceId: device.deviceId,
    type: "ENABLE_LOST_MODE",
    params: { Message: "Lost: call IT", PhoneNumber: "03-0000-0000" },
  });
  const row = await t.db.prisma.device.findUniqueOrThrow({ where: { id: device.deviceId } });
  return { ...device, owner, sales, command, row };
}

/** The attacker's claim: the victim's serial, as an unsupervised Windows device of theirs. */
async function claim(serial: string, over: Record<string, unknown> = {}) {
  const other = await t.db.prisma.department.create({ data: { name: `Other ${unique()}` } });
  const attacker = await aPerson(t.db.prisma, { departmentId: other.id });
  const res = await postJson(`${t.url}/agent/v1/enroll`, {
    enrollmentSecret: ENROLLMENT_SECRET,
    platform: "windows",
    name: "Not your iPhone",
    serial,
    supervised: false,
    ownerEmail: attacker.email,
    ...over,
  });
  return { res, attacker, other };
}

describe("re-enrolling a known device without its token", () => {
  it("hands nothing over: it waits for an admin, and the real agent keeps its token and its commands", async () => {
    const v = await victim();
    const { res, attacker, other } = await claim(v.row.serial!);
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ status: "pending_approval", token: expect.any(String) });
    expect(res.json.deviceId).toBeUndefined();

    // The claimant's token does nothing yet.
    const refused = await checkIn(t, res.json.token);
    expect(refused.status).toBe(401);
    expect(JSON.stringify(refused.json)).toContain("approval");
    // The device is unchanged, and its own agent still gets its lost-mode command.
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: v.deviceId } })).toMatchObject({
      platform: "IOS",
      supervised: true,
      ownerId: v.owner.id,
      agentTokenHash: v.row.agentTokenHash,
    });
    const mine = await checkIn(t, v.token);
    expect(mine.status).toBe(200);
    expect(mine.json.commands.map((c: { id: string }) => c.id)).toEqual([v.command.uuid]);

    // The admin channel is asked, with both sides.
    await t.flush();
    const post = t.slack
      .posts("C_ADMIN")
      .find((p) => JSON.stringify(p.blocks ?? "").includes("enrollment_claim_approve"));
    expect(post).toBeDefined();
    const shown = JSON.stringify(post!.blocks);
    for (const s of ["iOS", "Windows", v.owner.email, attacker.email, v.sales.name, other.name])
      expect(shown).toContain(s);
    expect(
      await t.db.prisma.auditEntry.findFirst({
        where: { action: "device.reenroll_claimed", subject: `device:${v.deviceId}` },
      }),
    ).not.toBeNull();

    // Refused: the claimant's token never works, the device is still the victim's.
    const claimId = post!.blocks.at(-1).elements[1].value as string;
    await t.requests.blockAction({ user: ADMIN_1, actionId: "enrollment_claim_reject", value: claimId });
    await t.app.slackSettled();
    expect(JSON.stringify((await checkIn(t, res.json.token)).json)).toContain("refused");
    expect((await checkIn(t, v.token)).status).toBe(200);
    // The question is redrawn in place: no buttons left to click, who refused it and when.
    await t.flush();
    const posted = t.slack.callsTo("chat.postMessage").find((c) => c.args === post)!.result!.ts;
    const redrawn = t.slack.callsTo("chat.update").find((c) => c.args.ts === posted);
    expect(redrawn).toBeDefined();
    expect(JSON.stringify(redrawn!.args.blocks)).not.toContain("enrollment_claim_");
    expect(JSON.stringify(redrawn!.args.blocks)).toMatch(new RegExp(`refused by <@${ADMIN_1}> on .*JST`));
    expect(
      await t.db.prisma.auditEntry.findFirst({
        where: { action: "device.reenroll_rejected", actor: `slack:${ADMIN_1}` },
      }),
    ).not.toBeNull();
  });

  it("once an admin approves, the claim's platform and owner apply and pending commands stay behind", async () => {
    const v = await victim();
    const { res, attacker } = await claim(v.row.serial!);
    expect(res.status).toBe(202);
    await t.flush();
    const pending = await t.db.prisma.enrollmentClaim.findFirstOrThrow({ where: { deviceId: v.deviceId } });

    // Someone who is not an administrator cannot approve it.
    const stranger = await t.app.core.actors.fromSlack("UNOBODY");
    await expect(t.app.core.agents.decideClaim(stranger, pending.id, true)).rejects.toThrow(/administrator/);

    await t.requests.blockAction({ user: ADMIN_1, actionId: "enrollment_claim_approve", value: pending.id });
    await t.app.slackSettled();
    await t.flush();
    const question = t.slack
      .callsTo("chat.postMessage")
      .find((c) => JSON.stringify(c.args.blocks ?? "").includes(pending.id))!.result!.ts;
    const redrawn = t.slack.callsTo("chat.update").find((c) => c.args.ts === question);
    expect(JSON.stringify(redrawn!.args.blocks)).not.toContain("enrollment_claim_");
    expect(JSON.stringify(redrawn!.args.blocks)).toMatch(new RegExp(`approved by <@${ADMIN_1}> on .*JST`));
    expect(await t.db.prisma.device.findUniqueOrThrow({ where: { id: v.deviceId } })).toMatchObject({
      platform: "WINDOWS",
      supervised: false,
      ownerId: attacker.id,
    });
    // The lost-mode command waiting for the old token does not move to the new one.
    expect((await checkIn(t, res.json.token)).json.commands).toEqual([]);
    expect((await t.db.prisma.command.findUniqueOrThrow({ where: { uuid: v.command.uuid } })).state).toBe("CANCELLED");
    expect((await checkIn(t, v.token)).status).toBe(401);
    const trail = await t.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: "device.reenroll_approved", subject: `device:${v.deviceId}` },
    });
    expect(trail).toMatchObject({ actor: `slack:${ADMIN_1}` });
    expect(trail.details).toMatchObject({
      from: { platform: "IOS" },
      to: { platform: "WINDOWS" },
      commandsCancelled: 1,
    });
    // Decided once.
    await expect(t.app.core.agents.decideClaim(await admin(), pending.id, false)).rejects.toThrow(/already decided/);
  });
});

describe("re-enrolling with the device's current token", () => {
  it("continues the same device under a new token, without asking", async () => {
    const v = await victim();
    const res = await postJson(
      `${t.url}/agent/v1/enroll`,
      {
        enrollmentSecret: ENROLLMENT_SECRET,
        platform: "ios",
        name: v.row.name,
        serial: v.row.serial,
        supervised: true,
      },
      { authorization: `Bearer ${v.token}` },
    );
    expect(res.status).toBe(201);
    expect(res.json.deviceId).toBe(v.deviceId);
    expect((await checkIn(t, res.json.token)).status).toBe(200);
    expect((await checkIn(t, v.token)).status).toBe(401);
  });

  it("still asks when the same device would change platform, supervision or owner", async () => {
    const v = await victim();
    const res = await postJson(`${t.url}/agent/v1/enroll`, {
      enrollmentSecret: ENROLLMENT_SECRET,
      platform: "ios",
      name: v.row.name,
      serial: v.row.serial,
      supervised: false,
      deviceToken: v.token,
    });
    expect(res.status).toBe(202);
    expect((await t.db.prisma.device.findUniqueOrThrow({ where: { id: v.deviceId } })).supervised).toBe(true);
  });
});

describe("rotating AGENT_ENROLLMENT_SECRET", () => {
  it("accepts the current and the previous secret, and nothing else", async () => {
    const body = (secret: string) => ({
      enrollmentSecret: secret,
      platform: "android",
      name: "Pixel",
      imei: `35${Date.now()}`,
    });
    expect((await postJson(`${t.url}/agent/v1/enroll`, body(ENROLLMENT_SECRET))).status).toBe(201);
    expect(
      (await postJson(`${t.url}/agent/v1/enroll`, { ...body("the-old-secret"), imei: "351111111111111" })).status,
    ).toBe(201);
    expect((await postJson(`${t.url}/agent/v1/enroll`, body("a-guess"))).status).toBe(401);
  });
});

describe("one-time enrolment codes (/mdm enroll)", () => {
  const issued = async (user: string, email: string) => {
    const before = t.slack.responses.length;
    await t.requests.slashCommand({ command: "/mdm", text: `enroll <mailto:${email}|${email}>`, user });
    await t.app.slackSettled();
    return until(() => t.slack.responses.slice(before).at(-1)?.body.text as string | undefined, "the reply");
  };
  const withCode = (code: string, over: Record<string, unknown> = {}) =>
    postJson(`${t.url}/agent/v1/enroll`, {
      enrollmentCode: code,
      platform: "ios",
      name: "Hanako's iPhone",
      udid: `CODE-${unique()}`,
      supervised: true,
      ...over,
    });

  it("enrols one device for the person it was issued for, once, within its time", async () => {
    const reply = await issued(ADMIN_1, "Code.Owner@example.co.jp");
    const code = /`([A-Z0-9-]{19})`/.exec(reply)![1]!;
    expect(reply).toContain("code.owner@example.co.jp");
    const stored = await t.db.prisma.enrollmentCode.findFirstOrThrow({
      where: { ownerEmail: "code.owner@example.co.jp" },
    });
    expect(JSON.stringify(stored)).not.toContain(code.replaceAll("-", ""));

    // The owner comes from the code, not from what the device says.
    const res = await withCode(code.toLowerCase(), { ownerEmail: "someone.else@example.co.jp" });
    expect(res.status).toBe(201);
    const device = await t.db.prisma.device.findUniqueOrThrow({
      where: { id: res.json.deviceId },
      include: { owner: true },
    });
    expect(device.owner?.email).toBe("code.owner@example.co.jp");
    // Single use.
    const again = await withCode(code);
    expect(again.status).toBe(401);
    expect(JSON.stringify(again.json)).toContain("already used or expired");

    // Valid for 72 hours: a second code, tried after that, is refused; a third within it works.
    const late = /`([A-Z0-9-]{19})`/.exec(await issued(ADMIN_1, "late.owner@example.co.jp"))![1]!;
    const inTime = /`([A-Z0-9-]{19})`/.exec(await issued(ADMIN_1, "late.owner@example.co.jp"))![1]!;
    t.clock.advanceHours(71);
    expect((await withCode(inTime)).status).toBe(201);
    t.clock.advanceHours(2);
    expect((await withCode(late)).status).toBe(401);
  });

  it("is issued to administrators only, and a made-up code gets nothing", async () => {
    const reply = await issued("UNOBODY", "x@example.co.jp");
    expect(reply).toMatch(/not allowed|administrator/i);
    expect(await t.db.prisma.enrollmentCode.count({ where: { ownerEmail: "x@example.co.jp" } })).toBe(0);
    expect((await withCode("AAAA-BBBB-CCCC-DDDD")).status).toBe(401);
  });
});

describe("the first enrolment of a device an administrator listed", () => {
  async function listed() {
    const owner = await aPerson(t.db.prisma);
    const serial = `LISTED${Date.now()}${Math.floor(performance.now())}`;
    const device = await t.db.prisma.device.create({
      data: { name: "Listed iPhone", platform: "IOS", supervised: true, serial, ownerId: owner.id },
    });
    const body = { enrollmentSecret: ENROLLMENT_SECRET, platform: "ios", name: "iPhone", serial, supervised: true };
    return { owner, device, body };
  }

  it("is the device arriving when it names the listed owner; a second agent after it waits for approval", async () => {
    const { owner, device, body } = await listed();
    const first = await postJson(`${t.url}/agent/v1/enroll`, { ...body, ownerEmail: owner.email });
    expect(first.status).toBe(201);
    expect(first.json.deviceId).toBe(device.id);
    expect((await checkIn(t, first.json.token)).status).toBe(200);

    const second = await postJson(`${t.url}/agent/v1/enroll`, { ...body, ownerEmail: owner.email });
    expect(second.status).toBe(202);
    expect(second.json.status).toBe("pending_approval");
  });

  it("waits for approval when the claim leaves the owner out or names someone else", async () => {
    const { body } = await listed();
    expect((await postJson(`${t.url}/agent/v1/enroll`, body)).status).toBe(202);
    const other = await aPerson(t.db.prisma);
    const { body: again } = await listed();
    expect((await postJson(`${t.url}/agent/v1/enroll`, { ...again, ownerEmail: other.email })).status).toBe(202);
  });
});
