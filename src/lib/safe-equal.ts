// The one constant-time comparison of secrets (tokens, signatures, shared secrets). A `===` on
// a secret leaks, through response time, how many leading characters were right; comparing
// sha256 digests of both sides hides the expected value's length too.
import { createHash, timingSafeEqual } from "node:crypto";

type Secret = string | Buffer | undefined | null;

const digest = (v: string | Buffer) => createHash("sha256").update(v).digest();

/** True when both are present, the expected one is not empty, and they are equal. */
export function safeEqual(given: Secret, expected: Secret): boolean {
  if (given === undefined || given === null || expected === undefined || expected === null) return false;
  if (expected.length === 0) return false;
  return timingSafeEqual(digest(given), digest(expected));
}
