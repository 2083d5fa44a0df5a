// Structured one-line logs. Personal data never reaches them: fields whose names suggest a
// phone number, an address, a location or a secret are masked whatever the caller passes.
type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const PERSONAL =
  /phone|email|mail|name|location|latitude|longitude|lat$|lng$|address|token|secret|password|message|circumstances/i;

let threshold: Level = (process.env.LOG_LEVEL as Level) in ORDER ? (process.env.LOG_LEVEL as Level) : "info";
let sink: (line: string) => void = (line) => process.stderr.write(line + "\n");

export function configureLog(opts: { level?: Level; sink?: (line: string) => void }) {
  if (opts.level) threshold = opts.level;
  if (opts.sink) sink = opts.sink;
}

export function redact(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (PERSONAL.test(k)) out[k] = "[redacted]";
    else if (v instanceof Error) out[k] = v.message;
    else if (v && typeof v === "object" && !Array.isArray(v)) out[k] = redact(v as Record<string, unknown>);
    else out[k] = v;
  }
  return out;
}

function write(level: Level, msg: string, fields?: Record<string, unknown>) {
  if (ORDER[level] < ORDER[threshold]) return;
  sink(JSON.stringify({ t: new Date().toISOString(), level, msg, ...(fields ? redact(fields) : {}) }));
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write("debug", msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write("info", msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write("warn", msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write("error", msg, fields),
};
