// CSV as spreadsheets write it, read back through csv-parse: the line a person fixes is the line
// their editor shows, even after a cell that spans lines, and a broken file is named, not swallowed.
import { describe, expect, it } from "vitest";
import { BOM, parseCsv, parseCsvUpToBreak, toCsv } from "../../../src/core/csv.js";

describe("toCsv", () => {
  it("writes a BOM, CRLF, quotes what needs quoting and defuses formulas", () => {
    const csv = toCsv([
      ["端末名", "note"],
      ['Pixel "field"', "a,b"],
      ['=HYPERLINK("x")', "line1\nline2"],
      [-5, new Date("2026-12-01T07:31:00Z")],
    ]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).toBe(
      '端末名,note\r\n"Pixel ""field""","a,b"\r\n"\'=HYPERLINK(""x"")","line1\nline2"\r\n\'-5,2026-12-01T07:31:00.000Z\r\n',
    );
    expect(toCsv([["a"]], { bom: false })).toBe("a\r\n");
  });

  it("reads back what it wrote, Japanese and newlines inside cells included", () => {
    const rows = [
      ["デバイス名", "所有者"],
      ["営業1課\r\niPhone", "鈴木, 一郎"],
    ];
    expect(parseCsv(toCsv(rows)).map((r) => r.cells)).toEqual(rows);
  });
});

describe("parseCsv", () => {
  it("numbers each row by the line it starts on, skipping blank lines", () => {
    const rows = parseCsv(`${BOM}a,b\r\n"x\r\ny",2\r\n\r\n  \r\nc,"d""e"\r\n,,\n`);
    expect(rows).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x\r\ny", "2"] },
      { line: 6, cells: ["c", 'd"e'] },
      { line: 7, cells: ["", "", ""] },
    ]);
  });

  it("keeps a stray quote inside a cell as typed", () => {
    expect(parseCsv('5" display,x\n')[0]!.cells).toEqual(['5" display', "x"]);
  });

  it("names the line where a quote is opened and never closed, instead of reading the rest as one cell", () => {
    // The hand-written parser this replaced read everything after the quote into one cell.
    const text = 'serial\nF2L001\n"F2L002\nF2L003\nF2L004\n';
    expect(() => parseCsv(text)).toThrow(expect.objectContaining({ line: 3, reason: "quote_not_closed" }));
    const { rows, broken } = parseCsvUpToBreak(text);
    expect(rows.map((r) => r.cells[0])).toEqual(["serial", "F2L001"]);
    expect(broken).toMatchObject({ line: 3, reason: "quote_not_closed" });
  });
});
