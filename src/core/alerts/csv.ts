// CSV both ways: reading the app usage policy file (the vendor's guide to alert e-mails 「重要なアラートメール設定」: app ID in the first column, no
// header) and writing the lists that are too long for a Slack message.

/** Splits one CSV line into fields, honouring "quoted, fields" and "" escapes. */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") out.push(field), (field = "");
    else field += c;
  }
  if (quoted) throw new Error("unterminated quote");
  out.push(field);
  return out;
}

/** A value for a CSV cell; a leading = + - @ is neutralised so a spreadsheet never runs it. */
function cell(v: unknown): string {
  let s = v === null || v === undefined ? "" : v instanceof Date ? v.toISOString() : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
