// The theft and loss checklist (issue 19): in the incident thread, recorded by administrators
// with who and when; the answers decide whether a report to the Personal Information Protection
// Commission is likely required and by when (速報 about 3–5 days, 確報 30 days, 60 for a wrongful
// purpose; not with strong encryption), reminders come before each deadline on the clock, and
// the answers travel into the case record.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, startTestApp, type TestApp } from "../support/harness.js";
import { actionIds, incidentTs, lostDevice, threadTexts, until } from "../commands/support.js";
import { HOUR, DAY } from "../../src/core/clock.js";
import { assess } from "../../src/core/response/appi.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const known = new Date("2026-11-20T01:00:00Z"); // Friday 10:00 in Tokyo

describe("the Commission rules", () => {
  it("follow the thresholds, the encryption exception and the deadlines", () => {
    expect(assess({}, known, false).verdict).toBe("unknown");
    expect(assess({ personal_data: false }, known, true).verdict).toBe("not_required");
    expect(assess({ personal_data: true, encrypted: true, sensitive: true }, known, true).verdict).toBe(
      "not_required_encrypted",
    );
    expect(assess({ personal_data: true, encrypted: false, people_count: 1000 }, known, false).verdict).toBe(
      "not_required",
    ); // "more than 1,000"
    const over = assess({ personal_data: true, encrypted: false, people_count: 1001 }, known, false);
    expect(over).toMatchObject({ verdict: "likely_required", reasons: ["over_1000"], finalDays: 30 });
    expect(over.preliminaryDue!.toISOString()).toBe("2026-11-24T14:59:59.999Z"); // end of day 5, the day it was known being day 1
    expect(over.finalDue!.toISOString()).toBe("2026-12-19T14:59:59.999Z"); // end of day 30
    expect(assess({ personal_data: true, encrypted: false, people_count: 3 }, known, true)).toMatchObject({
      reasons: ["wrongful"],
      finalDays: 60,
    }); // stolen
    expect(
      assess({ personal_data: true, encrypted: false, people_count: 3, wrongful: false }, known, true).verdict,
    ).toBe("not_required");
    expect(assess({ personal_data: true, sensitive: true }, known, false).reasons).toEqual(["sensitive"]); // one person is enough
    expect(assess({ personal_data: true, financial: true }, known, false).reasons).toEqual(["financial"]);
    expect(
      assess(
        { personal_data: true, encrypted: false, wrongful: true },
        new Date("2026-12-28T15:30:00Z"),
        false,
      ).finalDue!.toISOString(),
    ).toBe("2027-02-26T14:59:59.999Z"); // day 60 from 29 Dec (JST)
  });
});

describe("the checklist in the thread", () => {
  it("is posted with the incident, recorded from its form with who and when, says the report is likely required, and reminds before each deadline", async () => {
    t.clock.set(known);
    const lost = await lostDevice(t);
    const ts = await incidentTs(t, lost.reportId);
    await t.flush();
    const first = t.slack.posts().find((p) => p.thread_ts === ts && actionIds(p).includes("checklist_open"))!;
    expect(String(first.text)).toMatch(/Theft and loss checklist — LR-.*\n.*not known yet/);

    await t.requests.blockAction({ user: ADMIN_1, actionId: "checklist_open", value: lost.reportId, messageTs: ts });
    const open = await until(
      () => t.slack.callsTo("views.open").find((c) => c.args.view.callback_id === "checklist_submit"),
      "the checklist form",
    );
    const meta = open.args.view.private_metadata;
    // A receipt number without saying which report: the form stays open with the reason.
    const bad = await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: "checklist_submit",
      privateMetadata: meta,
      values: { police_number: { value: "12345" } },
    });
    expect(bad.json()).toMatchObject({
      response_action: "errors",
      errors: { police_kind: expect.stringMatching(/Choose which report/) },
    });

    await t.requests.viewSubmission({
      user: ADMIN_1,
      callbackId: "checklist_submit",
      privateMetadata: meta,
      values: {
        carrier_suspended: { value: { selected: "yes" } },
        police_kind: { value: { selected: "lost" } },
        police_number: { value: "第2026-0815号" },
        personal_data: { value: { selected: "yes" } },
        encrypted: { value: { selected: "no" } },
        people_count: { value: "1500" },
      },
    });
    await until(
      () => t.db.prisma.incidentChecklistItem.findFirst({ where: { reportId: lost.reportId, key: "people_count" } }),
      "the answers",
    );
    await t.flush();
    const latest = threadTexts(t, ts)
      .filter((x) => x.includes("Theft and loss checklist"))
      .at(-1)!;
    expect(latest).toMatch(
      /Report to the Commission likely required\* \(more than 1,000 people\).*by \*Tue 24 Nov 2026, 23:59 JST.*within 30 days: by \*Sat 19 Dec 2026/s,
    );
    const blocks = JSON.stringify(
      t.slack
        .posts()
        .filter((p) => p.thread_ts === ts && actionIds(p).includes("checklist_open"))
        .at(-1)!.blocks,
    );
    expect(blocks).toMatch(/Police report.*Lost-property report \(遺失届\).*第2026-0815号.*<@UADMIN1>/);
    const ticks = await t.db.prisma.auditEntry.findMany({
      where: { subject: `report:${lost.reportId}`, action: "checklist.tick" },
    });
    expect(ticks.map((a) => (a.details as any).key).sort()).toEqual([
      "carrier_suspended",
      "encrypted",
      "people_count",
      "personal_data",
      "police_report",
    ]);
    expect(ticks.every((a) => a.actor === `slack:${ADMIN_1}`)).toBe(true);

    // Six-hourly through 40 days: one reminder per threshold, none after the final is filed.
    for (let h = 0; h < 40 * 24; h += 6) {
      t.clock.set(new Date(known.getTime() + h * HOUR));
      if (h === 27 * 24)
        await t.app.core.checklist.record(await t.app.core.actors.fromSlack(ADMIN_1), lost.reportId, {
          ppc_preliminary_filed: true,
          ppc_final_filed: true,
        });
      await t.app.core.checklist.remindDue(t.clock.now());
    }
    // What goes to the thread: the outbox rows (delivery itself is the outbox tests' subject).
    await t.app.renderer.render();
    const rows = await t.db.prisma.outboxMessage.findMany({
      where: { method: "chat.postMessage", orderingKey: `report:${lost.reportId}` },
      orderBy: { id: "asc" },
    });
    const got = rows.map((r) => String((r.payload as any).text)).filter((x) => x.includes(":alarm_clock:"));
    expect(got).toHaveLength(3); // preliminary 2 days and 1 day before; final 7 days before; the 1-day one never came: filed
    expect(got[0]).toMatch(/preliminary report \(速報\).*due by \*Tue 24 Nov 2026.*\(2 day\(s\) left\)/);
    expect(got[1]).toMatch(/preliminary.*\(1 day\(s\) left\)/);
    expect(got[2]).toMatch(/final report \(確報\).*due by \*Sat 19 Dec 2026.*\(7 day\(s\) left\)/);

    // The checklist is in the case record.
    const record = await t.app.core.cases.record(await t.app.core.actors.fromSlack(ADMIN_1), lost.reference);
    expect(record.checklist.map((c) => c.key)).toEqual(
      expect.arrayContaining(["police_report", "people_count", "ppc_final_filed"]),
    );
  }, 90_000);

  it("says no report is needed when the data was strongly encrypted, and sends no reminders", async () => {
    t.clock.set(known);
    const lost = await lostDevice(t);
    const a1 = await t.app.core.actors.fromSlack(ADMIN_1);
    const s = await t.app.core.checklist.record(a1, lost.reportId, {
      personal_data: true,
      encrypted: true,
      people_count: 5000,
    });
    expect(s.assessment.verdict).toBe("not_required_encrypted");
    t.clock.advance(4 * DAY);
    await t.app.core.checklist.remindDue(t.clock.now());
    expect(await t.db.prisma.incidentReminder.count({ where: { reportId: lost.reportId } })).toBe(0);
    await expect(t.app.core.checklist.record(a1, lost.reportId, { people_count: -3 })).rejects.toThrow(/people_count/);
    await expect(
      t.app.core.checklist.record(await t.app.core.actors.fromSlack("UEMPLOYEE"), lost.reportId, {
        carrier_suspended: true,
      }),
    ).rejects.toThrow(/administrator/);
  });
});
