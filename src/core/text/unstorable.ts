// Characters PostgreSQL (and so PGlite) cannot store: U+0000 in text and jsonb, and a lone UTF-16
// surrogate, which has no UTF-8 form (jsonb refuses its "\ud800" escape; text gets it mangled).
// Before this, one such character turned a request into a 500 and lost it (and a whole alert
// batch with it). Machines are told which field (a 400 naming it); free text typed by people
// keeps everything but the character (decision 0150).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching these characters is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_UNSTORABLE = new RegExp(UNSTORABLE.source);

/** The text without NUL characters and lone surrogates; everything else is kept as it was. */
export function stripUnstorable(s: string): string {
  return HAS_UNSTORABLE.test(s) ? s.replace(UNSTORABLE, "") : s;
}

/** Deeper than any real payload; hostile JSON nested thousands of levels must not exhaust the stack. */
const MAX_DEPTH = 64;

/** A copy of parsed JSON (or form fields) with every string and key stripped of unstorable characters. */
export function cleanDeep<T>(value: T, depth = 0): T {
  if (typeof value === "string") return stripUnstorable(value) as T;
  if (depth > MAX_DEPTH) return (Array.isArray(value) ? [] : value && typeof value === "object" ? {} : value) as T;
  if (Array.isArray(value)) return value.map((v) => cleanDeep(v, depth + 1)) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[stripUnstorable(k)] = cleanDeep(v, depth + 1);
    return out as T;
  }
  return value;
}

export interface Unstorable {
  /** Dotted path of the field ("device.serial", "details.3"); "" for the value itself. */
  field: string;
  reason: string;
}

function why(s: string): string | null {
  const m = HAS_UNSTORABLE.exec(s);
  if (!m) return null;
  return m[0] === "\u0000"
    ? "contains a NUL character (U+0000), which cannot be stored: remove it"
    : `contains a lone UTF-16 surrogate (U+${m[0].charCodeAt(0).toString(16).toUpperCase()}), which is not valid text: send well-formed UTF-8`;
}

/** The first string or key in `value` holding an unstorable character, or null. */
export function findUnstorable(value: unknown, path: string[] = []): Unstorable | null {
  if (typeof value === "string") {
    const reason = why(value);
    return reason ? { field: path.join("."), reason } : null;
  }
  if (!value || typeof value !== "object") return null;
  if (path.length > MAX_DEPTH)
    return { field: path.slice(0, 3).join(".") + ".…", reason: `nested more than ${MAX_DEPTH} levels deep` };
  for (const [k, v] of Object.entries(value)) {
    const keyReason = why(k);
    if (keyReason) return { field: [...path, stripUnstorable(k)].join("."), reason: `its name ${keyReason}` };
    const found = findUnstorable(v, [...path, k]);
    if (found) return found;
  }
  return null;
}

/** "field: reason", or "reason" for a bare value: how a refusal reads in an API answer. */
export function describeUnstorable(u: Unstorable): string {
  return u.field ? `${u.field}: ${u.reason}` : u.reason;
}
