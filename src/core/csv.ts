// CSV as spreadsheets write and read it (RFC 4180: quoted fields, doubled quotes, CRLF), through
// the maintained csv-parse / csv-stringify rather than a parser of our own. Written files carry a
// UTF-8 byte-order mark so Excel on Windows opens Japanese text as UTF-8 rather than Shift_JIS.
import { CsvError, parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { InvalidInputError } from "./errors.js";

export const BOM = "\uFEFF";

/**
 * A cell a spreadsheet will not execute: text starting with = + - @ (or a tab / carriage
 * return, which Excel strips before looking) is a formula to Excel and LibreOffice, so it gets a
 * leading apostrophe (OWASP "CSV injection"). Numbers too: -1 is text a formula can start with.
 */
export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const s = value instanceof Date ? value.toISOString() : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** How every file we write is laid out (csv-stringify quotes only its own record delimiter, so a lone LF or CR in a cell is quoted here); a streamed writer uses the same (with `safeCell` on each cell). */
export const CSV_WRITE_OPTIONS = { record_delimiter: "\r\n", quoted_match: /[\r\n]/ } as const;

/**
 * Rows → CSV text, every cell made formula-safe. With a BOM by default (a file a person opens in
 * Excel); `bom: false` for text a program or Slack's preview reads.
 */
export function toCsv(rows: readonly (readonly unknown[])[], opts: { bom?: boolean } = {}): string {
  const text = stringify(
    rows.map((r) => r.map(safeCell)),
    CSV_WRITE_OPTIONS,
  );
  return (opts.bom === false ? "" : BOM) + text;
}

/** A file that is not CSV at all (a quote never closed); `line` is where the broken row starts. */
export class CsvSyntaxError extends InvalidInputError {
  override readonly code = "invalid_input";
  constructor(
    readonly line: number,
    /** Translated at the edge; csv-parse's other failures are all `malformed`. */
    override readonly reason: "quote_not_closed" | "malformed",
  ) {
    super(`CSV line ${line}: ${reason}`, { line, reason }, { reason, params: { line } });
  }
}

export interface CsvRow {
  /** The 1-based line the row starts on (a quoted cell may span lines, and people fix errors by line number). */
  line: number;
  cells: string[];
}

const LINE_BREAK = /\r\n|\n|\r/g;

/**
 * CSV text → rows of cells with their line numbers. Strips a BOM; blank lines are skipped; rows
 * may differ in length; a stray quote inside a cell is kept as typed. A quote opened and never
 * closed would swallow the rest of the file into one cell, so it is a `CsvSyntaxError` instead.
 */
export function parseCsv(text: string): CsvRow[] {
  const { rows, broken } = parseCsvUpToBreak(text);
  if (broken) throw broken;
  return rows;
}

/** The rows before a syntax error, and the error: so a report can name every bad line, not only the break. */
export function parseCsvUpToBreak(text: string): { rows: CsvRow[]; broken: CsvSyntaxError | null } {
  const rows: CsvRow[] = [];
  // csv-parse reports the line a record ends on; the line it starts on is counted from the raw
  // text of the records before it (its own count slips by one after a CRLF inside quotes).
  let line = 1;
  try {
    parse(text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      raw: true,
      record_delimiter: ["\r\n", "\n", "\r"],
      // With `raw`, csv-parse hands over { record, raw } (its typings say string[]).
      on_record: (withRaw, { raw }) => {
        const cells = (withRaw as unknown as { record: string[] }).record;
        if (cells.length > 1 || cells[0]!.trim() !== "") rows.push({ line, cells });
        line += raw?.match(LINE_BREAK)?.length ?? 0;
        return null;
      },
    });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const reason = err.code === "CSV_QUOTE_NOT_CLOSED" ? "quote_not_closed" : "malformed";
    return { rows, broken: new CsvSyntaxError(line, reason) };
  }
  return { rows, broken: null };
}
