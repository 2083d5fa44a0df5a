// CSV as spreadsheets write and read it (RFC 4180): quoted fields, doubled quotes, CRLF, and a
// UTF-8 byte-order mark so Excel on Windows opens Japanese text as UTF-8 rather than Shift_JIS.

export const BOM = "\uFEFF";

/**
 * A cell a spreadsheet will not execute: text starting with = + - @ (or a tab / carriage
 * return, which Excel strips before looking) is a formula to Excel and LibreOffice, so it gets a
 * leading apostrophe (OWASP "CSV injection").
 */
export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const s = String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Rows → CSV text with a BOM, every cell made formula-safe. */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return BOM + rows.map((r) => r.map((c) => quote(safeCell(c))).join(",")).join("\r\n") + "\r\n";
}

/**
 * CSV text → rows of cells, with the 1-based line number each row starts on (a quoted cell may
 * span lines, and people fix errors by line number). Strips a BOM; blank lines are skipped.
 */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0]!.trim() !== "") rows.push({ line: rowLine, cells });
    cells = [];
    cell = "";
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === "") quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else if (ch === "\r" && src[i + 1] === "\n") continue;
    else if (ch === "\n" || ch === "\r") {
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== "" || cells.length) endRow();
  return rows;
}
