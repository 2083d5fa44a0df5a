// JSON from machines may carry "\u0000" or "\ud800"-style escapes. PostgreSQL stores neither
// (src/core/text/unstorable.ts), so a machine's request holding one is refused with a 400 that
// names the field, before anything is stored; it never becomes a 500.
import { InvalidInputError } from "../core/errors.js";
import { describeUnstorable, findUnstorable, stripUnstorable } from "../core/text/unstorable.js";

/** Throws a 400-mapped error naming the first field holding NUL or a lone surrogate. */
export function assertStorable(body: unknown): void {
  const bad = findUnstorable(body);
  if (bad) throw new InvalidInputError(describeUnstorable(bad), { field: bad.field });
}

/** `JSON.parse` reviver for free text that is kept: strings and keys lose unstorable characters. */
export function reviveWellFormed(this: unknown, key: string, value: unknown): unknown {
  if (typeof value === "string") value = stripUnstorable(value);
  const clean = stripUnstorable(key);
  if (key && clean !== key && this && typeof this === "object") {
    (this as Record<string, unknown>)[clean] = value;
    return undefined; // drops the ill-formed key
  }
  return value;
}
