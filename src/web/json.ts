// JSON from outside may carry "\ud800"-style escapes of lone UTF-16 surrogates. JavaScript keeps
// them, but PostgreSQL refuses them in json columns (audit details, alert details, outbox
// payloads), so one such character turned a request into a 500 and lost it. Every JSON body is
// parsed with this reviver: a lone surrogate becomes U+FFFD, as UTF-8 decoding does elsewhere.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_LONE_SURROGATE = new RegExp(LONE_SURROGATE.source);

export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, "\uFFFD");
}

/** `JSON.parse` / `express.json` reviver: strings and keys come out well-formed. */
export function reviveWellFormed(this: unknown, key: string, value: unknown): unknown {
  if (typeof value === "string") value = wellFormed(value);
  if (key && this && typeof this === "object" && HAS_LONE_SURROGATE.test(key)) {
    (this as Record<string, unknown>)[wellFormed(key)] = value;
    return undefined; // drops the ill-formed key
  }
  return value;
}
