// The case record (issue 19): from the append-only audit log, one document per case — report,
// decisions with actor and time, commands with the device's answers, location fixes, closing —
// with serial, UDID, IMEI and owner; as a PDF (read back here with PDF.js, so the Japanese text
// really is in the file) and a CSV; from `/mdm case` and from the closed incident's button.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_1, ADMIN_2, startTestApp, type TestApp } from "../support/harness.js";
import { answer, checkIn, incidentTs, latestIncident, lostDevice, until } from "../commands/support.js";

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it: any) => ("str" in it ? it.str : "")).join("\n"));
  }
  return pages.join("\n");
}
/** Names of the fonts whose program is inside the file (a FontDescriptor with a FontFile2). */
async function pdfFonts(bytes: Buffer): Promise<string> {
  const { PDFDocument, PDFDict, PDFName } = await import("pdf-lib");
  const doc = await PDFDocument.load(new Uint8Array(bytes));
  const names: string[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFDict && obj.get(PDFName.of("FontFile2"))) names.push(String(obj.get(PDFName.of("FontName"))));
  }
  return names.join(" ");
}

describe("the case record", () => {
  it("is exported with /mdm case as a bilingual PDF with Japanese fonts embedded and a CSV, and keeps a cancelled wipe", async () => {
    const lost = await lostDevice(t, { device: { imei: "356789012345601" } });
    const device = await t.db.prisma.device.findUniqueOrThrow({ where: { id: lost.agent.deviceId } });
    const a1 = await t.app.core.actors.fromSlack(ADMIN_1);
    const a2 = await t.app.core.actors.fromSlack(ADMIN_2);
    await t.db.prisma.person.upsert({
      where: { slackUserId: ADMIN_1 },
      create: { email: "ichiro.suzuki@example.co.jp", name: "鈴木 一郎", slackUserId: ADMIN_1 },
      update: {},
    });
    // Lost mode, a location fix, a wipe requested then withdrawn, then found.
    t.clock.advance(5 * 60_000);
    await t.app.core.commands.request(a1, {
      deviceId: device.id,
      type: "ENABLE_LOST_MODE",
      reportId: lost.reportId,
      params: { Message: "拾った方はご連絡ください", PhoneNumber: "03-1234-5678" },
    });
    let [cmd] = (await checkIn(t, lost.agent.token)).json.commands;
    await answer(t, lost.agent.token, cmd.id, { status: "Acknowledged" });
    await t.app.core.commands.request(a1, { deviceId: device.id, type: "DEVICE_LOCATION", reportId: lost.reportId });
    [cmd] = (await checkIn(t, lost.agent.token)).json.commands;
    await answer(t, lost.agent.token, cmd.id, {
      status: "Acknowledged",
      result: { latitude: 35.681236, longitude: 139.767125 },
    });
    const wipe = await t.app.core.commands.request(a1, {
      deviceId: device.id,
      type: "ERASE_DEVICE",
      reportId: lost.reportId,
    });
    await t.app.core.commands.cancel(a2, wipe.id);
    await t.app.core.commands.resolveReport(a2, lost.reportId, "FOUND");
    const auditBefore = await t.db.prisma.auditEntry.count();

    await t.requests.slashCommand({
      command: "/mdm",
      text: `case ${lost.reference.toLowerCase()}`,
      user: ADMIN_1,
      responseId: "case",
      channel: "C_ADMIN",
    });
    expect(String((await until(() => t.slack.responses.find((r) => r.id === "case"), "the reply")).body.text)).toMatch(
      /case record of LR-.* \(PDF and CSV\) is on its way/,
    );
    await t.flush();
    const pdf = await until(() => t.slack.uploads.find((u) => u.filename === `case-${lost.reference}.pdf`), "the PDF");
    const csv = t.slack.uploads.find((u) => u.filename === `case-${lost.reference}.csv`)!;
    expect(pdf.channel).toBe("C_ADMIN");
    expect(pdf.content.subarray(0, 5).toString()).toBe("%PDF-");

    const text = await pdfText(pdf.content);
    for (const s of [
      "事故報告書",
      "Incident report",
      lost.reference,
      device.serial!,
      device.udid!,
      "356789012345601",
      "報告 / Report",
      "判断と記録",
      "Decisions and events",
      "紛失モード",
      "Lost mode",
      "初期化",
      "Wipe",
      "取り消し・取り下げ",
      "Cancelled / withdrawn",
      "鈴木 一郎",
      "35.681236, 139.767125",
      "終結 / Closing",
      "デバイスが見つかりました",
      "Device found",
    ]) {
      expect(text, s).toContain(s);
    }
    expect(await pdfFonts(pdf.content)).toMatch(/NotoSansJP/); // the font is inside the file, not assumed on the reader's machine
    expect(pdf.content.length).toBeLessThan(400_000); // subset, not the 5 MB font

    const csvText = csv.content.toString("utf8");
    expect(csvText.startsWith("\uFEFF")).toBe(true);
    expect(csvText).toContain(device.serial!);
    expect(csvText).toMatch(/event,.*slack:UADMIN2.*取り消し・取り下げ,Cancelled \/ withdrawn/);
    expect(csvText).toMatch(/location,.*35\.681236,139\.767125/);

    // Nothing was deleted or rewritten by the export: the log only grew (by the export itself).
    const after = await t.db.prisma.auditEntry.findMany({
      where: { subject: `command:${wipe.id}` },
      orderBy: { id: "asc" },
    });
    expect(after.map((a) => a.action)).toEqual(["command.request", "command.cancelled"]);
    expect(await t.db.prisma.auditEntry.count()).toBe(auditBefore + 1);
    expect(
      await t.db.prisma.auditEntry.findFirst({ where: { action: "case.export", subject: `report:${lost.reportId}` } }),
    ).toMatchObject({ actor: `slack:${ADMIN_1}` });
  }, 90_000);

  it("comes from the closed incident's button into its thread, and is refused to someone who is not an administrator", async () => {
    const lost = await lostDevice(t);
    await t.app.core.commands.resolveReport(await t.app.core.actors.fromSlack(ADMIN_1), lost.reportId, "DISMISSED");
    await t.flush();
    const ts = await incidentTs(t, lost.reportId);
    const message = latestIncident(t, ts, lost.reference);
    const blocks = typeof message.blocks === "string" ? JSON.parse(message.blocks) : message.blocks;
    const button = blocks.flatMap((b: any) => b.elements ?? []).find((e: any) => e.action_id === "case_record");
    expect(button.value).toBe(lost.reference);

    await t.requests.blockAction({
      user: "UEMPLOYEE",
      actionId: "case_record",
      value: button.value,
      messageTs: ts,
      responseId: "nope",
    });
    expect(String((await until(() => t.slack.responses.find((r) => r.id === "nope"), "reply")).body.text)).toMatch(
      /administrator/,
    );
    await t.requests.blockAction({
      user: ADMIN_2,
      actionId: "case_record",
      value: button.value,
      messageTs: ts,
      responseId: "btn",
    });
    await until(() => t.slack.responses.find((r) => r.id === "btn"), "reply");
    await t.flush();
    const pdf = await until(
      () => t.slack.uploads.find((u) => u.filename === `case-${lost.reference}.pdf`),
      "the PDF in the thread",
    );
    expect(pdf.threadTs).toBe(ts);
    expect(await pdfText(pdf.content)).toContain("対応不要");

    await t.requests.slashCommand({
      command: "/mdm",
      text: "case LR-1999-9999",
      user: ADMIN_1,
      responseId: "missing",
      channel: "C_ADMIN",
    });
    expect(String((await until(() => t.slack.responses.find((r) => r.id === "missing"), "reply")).body.text)).toMatch(
      /No report has the reference LR-1999-9999/,
    );
  }, 60_000);
});
