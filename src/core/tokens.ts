// Bearer tokens and shared secrets: stored only as hashes, compared only in constant time.
// A `===` on a secret leaks, through response time, how many leading characters were right.
import { createHash, createHmac, randomBytes } from "node:crypto";
import { safeEqual } from "../lib/safe-equal.js";

export { safeEqual };

/** sha256 hex of a token: what is kept at rest (Device.agentTokenHash, ApiToken.tokenHash). */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new random token for a machine caller (shown once, stored hashed). */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Checks a presented token against a stored sha256 hash, in constant time. */
export function tokenMatchesHash(token: string | undefined | null, storedHash: string | undefined | null): boolean {
  if (typeof token !== "string" || !token || typeof storedHash !== "string") return false;
  return safeEqual(hashToken(token), storedHash);
}

/** `Bearer <token>` → token; anything else → null. */
export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S{1,512})\s*$/i.exec(header ?? "");
  return m ? m[1]! : null;
}

/** Hex HMAC-SHA256 (webhook signatures such as the Google Form's "sha256=<hex>"). */
export function hmacSha256Hex(secret: string, data: string | Buffer): string {
  return createHmac("sha256", secret).update(data).digest("hex");
}
