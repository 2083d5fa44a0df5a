// Three years in the life of a company, on the real schedules with the controllable clock: each
// day the clock stops at the minutes the app's own cron expressions fire (10:00 the digest, 10:05
// the hourly renewal reminders, 13:17 housekeeping; the 5-minute expiry sweep matches those
// minutes too) and each of those jobs whose expression matches that minute runs at the second
// node-cron would fire it. (The every-few-seconds posting and dispatch sweeps have nothing to do
// here; the outbox is delivered after each stop.) The company has every renewal kind and renews
// each at a different point each year (early, on the last day, overdue). Asserted: every reminder
// of every deadline exactly once, with the days left it should say; one digest a day, always
// showing each renewal's next deadline; App Home at each year's end; no-response detection in
// each year's silent spell; the 7-day expiry of a lock each year while lost mode never expires. A
// rule that works only in its first cycle fails here.
import cron from "node-cron";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDate } from "../../src/i18n/index.js";
import { aDevice } from "../support/builders.js";
import { ADMIN_1, ADMIN_2, ADMIN_CHANNEL, startTestApp, type TestApp } from "../support/harness.js";
import { checkIn, enroll } from "../commands/support.js";
import { until } from "../support/until.js";
import { sequence } from "../support/sequence.js";

const nextResponseId = sequence("r-");

const DAY = 86_400_000;
const TZ = "Asia/Tokyo";
const START = new Date("2027-01-04T00:00:00+09:00"); // a Monday, 00:00 in Tokyo
const DAYS = 3 * 365;
/** Minutes of each day the clock stops at (Tokyo time). */
const STOPS = [
  { h: 10, m: 0 },
  { h: 10, m: 5 },
  { h: 13, m: 17 },
];
/** The schedules this run is about. */
const JOBS = ["digest", "renewal-reminders", "commands-expire", "housekeeping"];
const RENEW_AT = { h: 10, m: 30 }; // actions a person takes happen after the morning posts

type Kind = "ADE_TOKEN" | "VPP_TOKEN" | "PUSH_CERTIFICATE" | "ANDROID_ENTERPRISE_GMAIL";
type Mode = "early" | "lastDay" | "overdue";
const LABEL: Record<Kind, string> = {
  ADE_TOKEN: "ADE (DEP) server token",
  VPP_TOKEN: "VPP content token",
  PUSH_CERTIFICATE: "MDM push certificate",
  ANDROID_ENTERPRISE_GMAIL: "Android Enterprise admin Gmail sign-in",
};
const PLAN: Record<Kind, Mode[]> = {
  ADE_TOKEN: ["early", "lastDay", "overdue"],
  VPP_TOKEN: ["lastDay", "overdue", "early"],
  PUSH_CERTIFICATE: ["overdue", "early", "lastDay"],
  ANDROID_ENTERPRISE_GMAIL: ["lastDay", "early", "overdue"],
};
const THRESHOLDS = ["60d", "30d", "14d", "7d", "3d", "1d"];

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { APP_TIMEZONE: TZ, DIGEST_TZ: TZ } });
  t.clock.set(new Date(START.getTime() + 9 * 3_600_000));
});
afterAll(() => t.close());

const at = (day: number, h: number, m: number) => new Date(START.getTime() + day * DAY + (h * 60 + m) * 60_000);
const dayOf = (d: Date) => Math.floor((d.getTime() - START.getTime()) / DAY);
const fmt = (d: Date) => formatDate(d, "en", TZ);
const ymd = (d: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);

async function mdm(user: string, text: string) {
  const responseId = nextResponseId();
  await t.requests.slashCommand({ command: "/mdm", text, user, responseId });
  return (await until(() => t.slack.responses.find((r) => r.id === responseId))).body as { text: string };
}

/**
 * The jobs node-cron would fire in this minute, each with the second it fires at (the app's
 * frequent jobs each have their own second), in the order they fire.
 */
function jobsDueAt(minute: Date) {
  const due: { job: (typeof t.app.jobs)[number]; at: Date }[] = [];
  for (const job of t.app.jobs.filter((j) => JOBS.includes(j.name))) {
    const task = cron.createTask(job.cron, () => {}, { timezone: job.timezone });
    try {
      const second = Array.from({ length: 60 }, (_, s) => s).find((s) =>
        task.match(new Date(minute.getTime() + s * 1000)),
      );
      if (second !== undefined) due.push({ job, at: new Date(minute.getTime() + second * 1000) });
    } finally {
      void task.destroy();
    }
  }
  return due.sort((a, b) => a.at.getTime() - b.at.getTime());
}

describe("three years", () => {
  it("reminds every deadline exactly once, digests daily, detects silence and expires commands, every year", async () => {
    const started = performance.now();
    // --- The company on day 0 ----------------------------------------------------------------
    await mdm(ADMIN_1, `renewals ade ${ymd(at(90, 12, 0))} abm-admin@corp.example`);
    const vppToken = (exp: Date) =>
      Buffer.from(
        JSON.stringify({ token: "t", expDate: exp.toISOString().replace(/\.\d{3}Z$/, "+0000"), orgName: "Example" }),
      ).toString("base64");
    const uploadVpp = async (exp: Date) => {
      const fileId = t.slack.addFile({ name: "Example.vpptoken", content: vppToken(exp) });
      await t.requests.viewSubmission({
        user: ADMIN_1,
        callbackId: "renewal_token_upload",
        privateMetadata: JSON.stringify({ kind: "VPP_TOKEN" }),
        values: { file: { file: { files: [{ id: fileId, name: "Example.vpptoken" }] } } },
      });
    };
    await uploadVpp(at(120, 18, 0));
    await until(() => t.db.prisma.renewal.findFirst({ where: { kind: "VPP_TOKEN" } }), "the VPP token recorded");
    await mdm(ADMIN_1, `renewals push ${ymd(at(150, 12, 0))} mdm-push@corp.example`);
    await mdm(
      ADMIN_1,
      `renewals gmail android-admin@corp.example ${ymd(new Date(at(80, 12, 0).getTime() - 365 * DAY))}`,
    );
    const renewals = Object.fromEntries(
      (await t.db.prisma.renewal.findMany()).map((r) => [r.kind, r]),
    ) as unknown as Record<Kind, { id: string; expiresAt: Date | null }>;
    expect(Object.keys(renewals).sort()).toEqual(Object.keys(PLAN).sort());

    // A phone that checks in every morning except three days each year; a tablet left in a drawer
    // with lost mode queued (never expires) and, each year, a lock that expires after 7 days.
    const phone = await enroll(t, { name: "Field iPhone", platform: "ios" });
    const drawer = await aDevice(t.db.prisma, {
      platform: "IPADOS",
      name: "Drawer iPad",
      supervised: true,
      lastCheckInAt: START,
    });
    const admin = await t.app.core.actors.fromSlack(ADMIN_1);
    const lost = await t.app.core.commands.request(admin, {
      deviceId: drawer.id,
      type: "ENABLE_LOST_MODE",
      params: { Message: "Lost: call IT" },
    });
    const locks: { id: string; day: number }[] = [];
    const silent = (day: number) => day % 365 >= 200 && day % 365 <= 202;

    // --- What we track day by day ------------------------------------------------------------
    const current: Record<Kind, Date> = Object.fromEntries(
      Object.entries(renewals).map(([k, r]) => [k, r.expiresAt!]),
    ) as Record<Kind, Date>;
    const cycles: Record<Kind, { deadline: Date; mode: Mode; renewedAt?: Date }[]> = {
      ADE_TOKEN: [],
      VPP_TOKEN: [],
      PUSH_CERTIFICATE: [],
      ANDROID_ENTERPRISE_GMAIL: [],
    };
    const renewDay = (deadline: Date, mode: Mode) => {
      // The last day whose 10:30 is still before the deadline.
      let last = dayOf(deadline);
      if (at(last, RENEW_AT.h, RENEW_AT.m) >= deadline) last -= 1;
      return mode === "early" ? dayOf(deadline) - 20 : mode === "lastDay" ? last : last + 4;
    };
    for (const k of Object.keys(PLAN) as Kind[]) cycles[k].push({ deadline: current[k], mode: PLAN[k][0]! });
    const silentListed: number[] = [];
    const digestDays: string[] = [];
    const digests = () => t.slack.posts(ADMIN_CHANNEL).filter((p) => /^Daily digest/.test(String(p.text)));

    async function renew(k: Kind, day: number) {
      const old = current[k];
      const next = new Date(old.getTime() + 365 * DAY);
      if (k === "ADE_TOKEN") await mdm(ADMIN_2, `renewals ade ${ymd(next)}`);
      else if (k === "VPP_TOKEN") await uploadVpp(next);
      else if (k === "PUSH_CERTIFICATE") {
        const res = await t.requests.viewSubmission({
          user: ADMIN_2,
          callbackId: "renewal_mark_renewed",
          privateMetadata: JSON.stringify({ id: renewals[k].id }),
          values: { date: { value: { date: ymd(next) } } },
        });
        expect(res.body).not.toContain("errors");
      } else {
        await t.requests.blockAction({
          user: ADMIN_2,
          actionId: "renewal_gmail_signed_in",
          value: renewals[k].id,
          responseId: `g-${day}`,
        });
        await until(() => t.slack.responses.find((r) => r.id === `g-${day}`));
      }
      // The upload form answers after its ack: wait for the new deadline to land.
      const row = await until(async () => {
        const r = await t.db.prisma.renewal.findUniqueOrThrow({ where: { id: renewals[k].id } });
        return r.expiresAt!.getTime() > old.getTime() ? r : null;
      }, `${k} renewed on day ${day}`);
      const cycle = cycles[k].at(-1)!;
      cycle.renewedAt = t.clock.now();
      current[k] = row.expiresAt!;
      const n = cycles[k].length;
      cycles[k].push({ deadline: row.expiresAt!, mode: PLAN[k][n] ?? "early" });
    }

    for (let day = 0; day < DAYS; day++) {
      if (!silent(day)) {
        t.clock.set(at(day, 9, 0));
        expect((await checkIn(t, phone.token)).status).toBe(200);
      }
      for (const stop of STOPS) {
        const now = at(day, stop.h, stop.m);
        t.clock.set(now);
        if (stop.h === 10 && stop.m === 0 && day % 365 === 100) {
          locks.push({
            id: (await t.app.core.commands.request(admin, { deviceId: drawer.id, type: "DEVICE_LOCK" })).id,
            day,
          });
        }
        for (const { job, at: firesAt } of jobsDueAt(now)) {
          t.clock.set(firesAt);
          await job.run(firesAt);
        }
        if (stop.h === 10) await t.flush(); // the digest and the reminders post at 10:00 and 10:05
        if (stop.h === 10 && stop.m === 0) {
          const digest = digests().at(-1)!;
          const text = `${digest.text}\n${JSON.stringify(digest.blocks)}`;
          digestDays.push(ymd(now));
          // The digest always shows each renewal's next deadline, whatever happened before.
          for (const k of Object.keys(PLAN) as Kind[]) {
            const d = current[k];
            const expected = d <= now ? `${LABEL[k]} — overdue since ${fmt(d)}` : `${LABEL[k]} — due ${fmt(d)}`;
            if (!text.includes(expected)) throw new Error(`day ${day} (${ymd(now)}): the digest lacks "${expected}"`);
          }
          if (text.includes("Field iPhone")) silentListed.push(day);
        }
      }
      // People act after the morning posts.
      t.clock.set(at(day, RENEW_AT.h, RENEW_AT.m));
      for (const k of Object.keys(PLAN) as Kind[]) {
        const cycle = cycles[k].at(-1)!;
        if (cycles[k].length <= PLAN[k].length && renewDay(cycle.deadline, cycle.mode) === day) await renew(k, day);
      }
      // Each lock expires 7 days after it was queued (seed 002); lost mode never does.
      for (const lock of locks) {
        const row = await t.db.prisma.command.findUniqueOrThrow({ where: { id: lock.id } });
        if (day - lock.day < 7) expect(row.state, `lock of day ${lock.day} on day ${day}`).not.toBe("EXPIRED");
        else expect(row.state, `lock of day ${lock.day} on day ${day}`).toBe("EXPIRED");
      }
      if (day % 365 === 364) {
        const before = t.slack.callsTo("views.publish").length;
        await t.requests.event({ type: "app_home_opened", user: ADMIN_1, tab: "home", channel: "D1" });
        const view = (
          await until(() =>
            t.slack
              .callsTo("views.publish")
              .slice(before)
              .find((c) => c.args.user_id === ADMIN_1),
          )
        ).args.view;
        const home = JSON.stringify(view.blocks);
        for (const k of Object.keys(PLAN) as Kind[])
          expect(home, `Home at the end of year ${(day + 1) / 365}`).toContain(`*${LABEL[k]}* — `);
        for (const k of Object.keys(PLAN) as Kind[]) expect(home).toContain(`(${fmt(current[k])})`);
      }
    }

    // --- Every reminder of every deadline, exactly once ---------------------------------------
    const posts = t.slack.posts(ADMIN_CHANNEL).filter((p) => /^(Renew the|OVERDUE)/.test(String(p.text)));
    const rows = await t.db.prisma.renewalReminder.findMany();
    expect(posts).toHaveLength(rows.length);
    for (const k of Object.keys(PLAN) as Kind[]) {
      expect(cycles[k].filter((c) => c.renewedAt)).toHaveLength(3);
      for (const c of cycles[k]) {
        const keys = rows
          .filter((r) => r.renewalId === renewals[k].id && r.key.startsWith(`${c.deadline.toISOString()}/`))
          .map((r) => r.key.slice(c.deadline.toISOString().length + 1));
        if (!c.renewedAt) {
          // Next year's deadline, beyond the three years: nothing due yet.
          expect(keys, `${k} ${c.deadline.toISOString()}`).toEqual([]);
          continue;
        }
        const thresholds = c.mode === "early" ? ["60d", "30d"] : THRESHOLDS;
        expect(
          keys.filter((key) => !key.startsWith("overdue:")).sort(),
          `${k} ${c.mode} ${c.deadline.toISOString()}`,
        ).toEqual([...thresholds].sort());
        const overdue = keys.filter((key) => key.startsWith("overdue:"));
        // Overdue: one a day, from the first morning past the deadline until the morning it was renewed.
        const mornings = [];
        for (let d = dayOf(c.deadline); at(d, 10, 5) < c.renewedAt; d++)
          if (at(d, 10, 5) >= c.deadline) mornings.push(d);
        expect(overdue, `${k} ${c.mode} overdue days`).toHaveLength(c.mode === "overdue" ? mornings.length : 0);
        if (c.mode === "overdue") expect(mornings.length).toBeGreaterThanOrEqual(3);
        // Each post says what it should: the threshold's days left, or how long overdue.
        const mine = posts.filter(
          (p) => String(p.text).includes(LABEL[k]) && String(p.text).includes(`deadline ${fmt(c.deadline)}`),
        );
        const left = mine
          .map((p) => /(\d+) day\(s\) left/.exec(String(p.text))?.[1])
          .filter(Boolean)
          .map(Number);
        expect(left.sort((a, b) => b - a)).toEqual(thresholds.map((th) => Number(th.replace("d", ""))));
        expect(
          mine
            .filter((p) => String(p.text).startsWith("OVERDUE"))
            .map((p) => Number(/\((\d+) day\(s\) ago\)/.exec(String(p.text))![1])),
        ).toEqual(c.mode === "overdue" ? overdue.map((_, i) => i) : []);
      }
    }

    // --- One digest a day; silence detected each year; lost mode still waiting ---------------
    expect(digests()).toHaveLength(DAYS);
    expect(new Set(digestDays).size).toBe(DAYS);
    expect(silentListed).toEqual([0, 1, 2].flatMap((y) => [200, 201, 202].map((d) => y * 365 + d)));
    expect(locks).toHaveLength(3);
    expect(await t.db.prisma.command.findUniqueOrThrow({ where: { id: lost.id } })).toMatchObject({
      type: "ENABLE_LOST_MODE",
      expiresAt: null,
    });
    expect((await t.db.prisma.command.findUniqueOrThrow({ where: { id: lost.id } })).state).not.toBe("EXPIRED");
    // eslint-disable-next-line no-console
    console.log(`three years simulated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }, 600_000);
});
